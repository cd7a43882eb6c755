using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PEGen.Tests.Support;

/// <summary>
/// Golden-file snapshots: compares text with <c>Snapshots/&lt;name&gt;.verified.txt</c>. On a
/// mismatch it writes <c>&lt;name&gt;.received.txt</c> beside it and fails with a line diff. Set
/// <c>PEGEN_ACCEPT_SNAPSHOTS=1</c> to overwrite the verified files instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "PEGEN_ACCEPT_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        string verified = Path.Combine(folder, name + ".verified.txt");
        string received = Path.Combine(folder, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        string expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : "";
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(
            (File.Exists(verified) ? $"Snapshot {name} differs" : $"Snapshot {name} is new") +
            $" (received: {received}; rerun with {AcceptVariable}=1 to accept):\n" + Diff(expected, actual));
    }

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual);
        var builder = new StringBuilder();
        int shown = 0;
        foreach (var line in model.Lines)
        {
            if (line.Type == ChangeType.Unchanged) continue;
            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position).Append(": ").AppendLine(line.Text);
            if (++shown == 60) { builder.AppendLine("... (more differences)"); break; }
        }
        return builder.ToString();
    }
}
