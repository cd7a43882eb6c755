using System;
using PEGen;

// Self-checks of the generated code on net8.0; prints one line per check and "N passed, M failed".
int passed = 0, failed = 0;
void Check(string name, bool ok)
{
    if (ok) passed++; else failed++;
    Console.WriteLine((ok ? "PASS " : "FAIL ") + name);
}

long before = GC.GetAllocatedBytesForCurrentThread();
float first = Net8Positions.Table[1 * 64 + 0];
long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
Check("first Table access allocates nothing (" + allocated + " bytes)", allocated == 0);
Check("PE(1, 0) is sin(1) correctly rounded (0x3F576AA4)", BitConverter.SingleToUInt32Bits(first) == 0x3F576AA4);

var embeddings = new float[3 * 64];
Net8Positions.AddTo(embeddings, 10);
Check("AddTo adds rows 10..12", embeddings.AsSpan().SequenceEqual(Net8Positions.Table.Slice(10 * 64, 3 * 64)));

try
{
#pragma warning disable PEG011 // the failure is the point of this check
    Net8Positions.AddTo(new float[65]);
#pragma warning restore PEG011
    Check("AddTo rejects a partial row", false);
}
catch (ArgumentException e)
{
    Check("AddTo rejects a partial row naming 'embeddings'", e.ParamName == "embeddings");
}

var q = new float[2 * 32];
for (int i = 0; i < q.Length; i++) q[i] = i % 5 - 2;
var rotated = new float[q.Length];
Net8Rotary.Rotate(q, rotated, 3, 2);
float c = Net8Rotary.Cos[3 * 16], s = Net8Rotary.Sin[3 * 16];
Check("Rope.Rotate pairs k with k + Dim/2", rotated[0] == q[0] * c - q[16] * s && rotated[16] == q[16] * c + q[0] * s);

Console.WriteLine(passed + " passed, " + failed + " failed");
return failed == 0 ? 0 : 1;

[PositionalEncoding(Dim = 64, MaxLen = 256)]
internal static partial class Net8Positions { }

[PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.Rope)]
internal static partial class Net8Rotary { }
