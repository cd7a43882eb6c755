using System;
using System.Diagnostics;
using System.IO;
using PEGen.TestSupport;

namespace PEGen.IntegrationTests;

/// <summary>Runs the net8.0 consumer's self-checks (rolled forward to the installed runtime if needed).</summary>
public sealed class Net8ConsumerTests
{
    [Fact]
    public void Net8ConsumerPassesItsChecks()
    {
        // Same configuration as this test assembly: .../tests/PEGen.IntegrationTests/bin/<Configuration>/net10.0/
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string consumer = Path.Combine(RepoPaths.Root, "tests", "Fixtures", "PEGen.Net8Consumer", "bin", configuration, "net8.0", "PEGen.Net8Consumer.dll");
        Assert.True(File.Exists(consumer), consumer);

        var start = new ProcessStartInfo("dotnet", new[] { consumer }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "timed out");
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("5 passed, 0 failed", output);
    }
}
