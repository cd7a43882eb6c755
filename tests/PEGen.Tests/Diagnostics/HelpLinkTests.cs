using System;
using System.IO;
using System.Linq;
using PEGen.Diagnostics;
using PEGen.TestSupport;

namespace PEGen.Tests.Diagnostics;

/// <summary>Every diagnostic's help link points to a real section of docs/diagnostics.md.</summary>
public sealed class HelpLinkTests
{
    private static readonly string[] Ids = Enumerable.Range(1, 13).Select(i => $"PEG{i:000}").ToArray();

    [Fact]
    public void EveryIdHasADescriptorWithAHelpLinkToItsSection()
    {
        string page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        Assert.StartsWith(HelpLinks.Repository + "/blob/main/", HelpLinks.Page);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, HelpLinks.Page.Substring((HelpLinks.Repository + "/blob/main/").Length))));

        foreach (var id in Ids)
        {
            var descriptor = DiagnosticDescriptors.ForId(id);
            Assert.Equal(id, descriptor.Id);
            var link = new Uri(descriptor.HelpLinkUri);
            Assert.Equal("#" + id.ToLowerInvariant(), link.Fragment);
            // GitHub turns "## PEG003" into the anchor #peg003; the section needs a wrong and a right example.
            int section = page.IndexOf("\n## " + id + "\n", StringComparison.Ordinal);
            Assert.True(section >= 0, "no section for " + id);
            int next = page.IndexOf("\n## ", section + 4, StringComparison.Ordinal);
            string body = page.Substring(section, (next < 0 ? page.Length : next) - section);
            Assert.Contains("```", body);
            Assert.Contains("right", body);
        }
    }

    [Fact]
    public void AnalyzersSupportExactlyTheSpecIds()
    {
        var supported = new DeclarationAnalyzer().SupportedDiagnostics.Concat(new CallSiteAnalyzer().SupportedDiagnostics)
            .Select(d => d.Id).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(Ids, supported);
    }
}
