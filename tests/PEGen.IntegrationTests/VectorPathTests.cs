using System;
using System.Diagnostics;
using System.IO;

namespace PEGen.IntegrationTests;

/// <summary>
/// Runs PEGen.PathChecks (every kernel against a scalar reference, with guard floats) in child
/// processes with the vector ISAs switched off, since those switches act only at runtime start.
/// </summary>
public sealed class VectorPathTests
{
    [Theory]
    [InlineData(null, "Vector256.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableAVX512", "Vector512.IsHardwareAccelerated=False Vector256.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableAVX2", "Vector256.IsHardwareAccelerated=False Vector128.IsHardwareAccelerated=True")]
    [InlineData("DOTNET_EnableHWIntrinsic", "Vector256.IsHardwareAccelerated=False Vector128.IsHardwareAccelerated=False")]
    public void EveryPathMatchesTheScalarReference(string? disabled, string expectedPath)
    {
        string checker = Path.Combine(AppContext.BaseDirectory, "PEGen.PathChecks.dll");
        Assert.True(File.Exists(checker), checker);

        var start = new ProcessStartInfo("dotnet", new[] { checker })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (disabled is not null) start.Environment[disabled] = "0";

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "PathChecks timed out");
        Assert.True(process.ExitCode == 0, output);
        // On a machine without AVX2 (or AVX-512) the wider paths are off whatever is disabled.
        if (!System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && disabled is null or "DOTNET_EnableAVX512")
            expectedPath = "Vector256.IsHardwareAccelerated=False";
        Assert.Contains(expectedPath, output);
        Assert.Contains(" 0 failed", output);
    }

    /// <summary>
    /// Every generated method the checks call is compiled optimised. The JIT falls back to MinOpts
    /// (unoptimised, 4-8x slower) when it fails to optimise a method; .NET 10 once did for the stream
    /// kernel over a harmless-looking expression, and nothing else would notice.
    /// </summary>
    [Fact]
    public void NoGeneratedMethodIsCompiledUnoptimised()
    {
        string checker = Path.Combine(AppContext.BaseDirectory, "PEGen.PathChecks.dll");
        string summary = Path.Combine(Path.GetTempPath(), "pegen-jit-" + Guid.NewGuid().ToString("N") + ".txt");
        var start = new ProcessStartInfo("dotnet", new[] { checker })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_JitDisasmSummary"] = "1";
        start.Environment["DOTNET_JitStdOutFile"] = summary;
        try
        {
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "PathChecks timed out");
            Assert.True(process.ExitCode == 0, output);
            string[] lines = File.ReadAllLines(summary);
            string[] generated = Array.FindAll(lines, l => l.Contains("PEGen.PathChecks.") || l.Contains("PEGen.__PEGenHelpers"));
            Assert.Contains(generated, l => l.Contains(":Rotate(") && l.Contains("[FullOpts"));
            Assert.Contains(generated, l => l.Contains(":RotateQueryKey(") && l.Contains("[FullOpts"));
            // The JIT prints the LongRopeFactors parameter as its underlying int.
            Assert.Contains(generated, l => l.Contains("LongRope16:Rotate(System.Span`1[float],int,int,int)") && l.Contains("[FullOpts"));
            if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            {
                Assert.Contains(generated, l => l.Contains("__PEGen_RotateStream") && l.Contains("[FullOpts"));
                Assert.Contains(generated, l => l.Contains("LongRopeI32:__PEGen_RotateStream") && l.Contains("[FullOpts"));
            }
            Assert.DoesNotContain(generated, l => l.Contains("MinOpts"));
        }
        finally
        {
            File.Delete(summary);
        }
    }
}
