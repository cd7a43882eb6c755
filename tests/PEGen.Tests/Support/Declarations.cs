using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PEGen.Emit;
using PEGen.Model;
using PEGen.Parsing;
using PEGen.Parsing.Config;
using PEGen.TestSupport;

namespace PEGen.Tests.Support;

/// <summary>
/// Declarations read as the generator reads them (C# attribute → <see cref="ParsedDeclaration"/>), validated with
/// config files given as (path, text) pairs, and the checkpoint configs of tests/Fixtures/configs.
/// </summary>
internal static class Declarations
{
    /// <summary>Parses <c>[PositionalEncoding(arguments)] public static partial class P { }</c> (namespace App).</summary>
    public static ParsedDeclaration Parse(string arguments)
    {
        var compilation = GeneratorHarness.CreateCompilation(
            AttributeSource.Text, EmbeddedAttributeSource.Text,
            "using PEGen;\nnamespace App;\n[PositionalEncoding(" + arguments + ")] public static partial class P { }");
        var type = compilation.GetTypeByMetadataName("App.P")!;
        var attributeType = compilation.GetTypeByMetadataName(AttributeSource.AttributeMetadataName)!;
        return DeclarationReader.Read(type, DeclarationReader.FindAttribute(type, attributeType)!, CancellationToken.None);
    }

    /// <summary>The validation of <paramref name="arguments"/> with these additional files.</summary>
    public static EncodingValidator.Validation Check(string arguments, params (string Path, string Text)[] files) =>
        EncodingValidator.Check(Parse(arguments), ConfigFileSet.Of(files.Select(f => ConfigFileReader.Read(f.Path, f.Text))));

    /// <summary>The IDs of the issues, in order.</summary>
    public static string[] Ids(string arguments, params (string Path, string Text)[] files) =>
        Check(arguments, files).Issues.Select(i => i.Id).ToArray();

    /// <summary>The spec of a valid declaration (asserts there is no error).</summary>
    public static EncodingSpec Spec(string arguments, params (string Path, string Text)[] files)
    {
        var validation = Check(arguments, files);
        var spec = EncodingValidator.ToSpec(validation);
        Assert.True(spec is not null, "errors: " + string.Join("\n", validation.Issues.Select(i => i.Id + " " + string.Join(" | ", i.MessageArguments))));
        return spec!;
    }

    /// <summary>A checkpoint config of tests/Fixtures/configs, as an additional file at <c>/proj/models/NAME/config.json</c>.</summary>
    public static (string Path, string Text) Checkpoint(string name) =>
        ("/proj/models/" + name + "/config.json", File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Fixtures", "configs", name + ".json")));
}
