using System;
using System.Runtime.Intrinsics;
using PEGen.PathChecks;

// Prints which vector path the runtime took, then compares every kernel with the scalar reference.
Console.WriteLine($"Vector256.IsHardwareAccelerated={Vector256.IsHardwareAccelerated} Vector128.IsHardwareAccelerated={Vector128.IsHardwareAccelerated}");
var checks = new KernelChecks(seed: args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20261129);
checks.Run(D1.Dim, D1.MaxLen, D1.Table, D1.AddTo, D1.Add, D1.Embed);
checks.Run(D2.Dim, D2.MaxLen, D2.Table, D2.AddTo, D2.Add, D2.Embed);
checks.Run(D3.Dim, D3.MaxLen, D3.Table, D3.AddTo, D3.Add, D3.Embed);
checks.Run(D4.Dim, D4.MaxLen, D4.Table, D4.AddTo, D4.Add, D4.Embed);
checks.Run(D6.Dim, D6.MaxLen, D6.Table, D6.AddTo, D6.Add, D6.Embed);
checks.Run(D8.Dim, D8.MaxLen, D8.Table, D8.AddTo, D8.Add, D8.Embed);
checks.Run(D12.Dim, D12.MaxLen, D12.Table, D12.AddTo, D12.Add, D12.Embed);
checks.Run(D16.Dim, D16.MaxLen, D16.Table, D16.AddTo, D16.Add, D16.Embed);
checks.Run(D20.Dim, D20.MaxLen, D20.Table, D20.AddTo, D20.Add, D20.Embed);
checks.Run(D32.Dim, D32.MaxLen, D32.Table, D32.AddTo, D32.Add, D32.Embed);
checks.Run(D33.Dim, D33.MaxLen, D33.Table, D33.AddTo, D33.Add, D33.Embed);
checks.Run(D40.Dim, D40.MaxLen, D40.Table, D40.AddTo, D40.Add, D40.Embed);
checks.Run(D64.Dim, D64.MaxLen, D64.Table, D64.AddTo, D64.Add, D64.Embed);
checks.Run(D100.Dim, D100.MaxLen, D100.Table, D100.AddTo, D100.Add, D100.Embed);
checks.Run(D512.Dim, D512.MaxLen, D512.Table, D512.AddTo, D512.Add, D512.Embed);
checks.Run(D1000.Dim, D1000.MaxLen, D1000.Table, D1000.AddTo, D1000.Add, D1000.Embed);
Console.WriteLine($"{checks.Passed} passed, {checks.Failed} failed");
return checks.Failed == 0 ? 0 : 1;
