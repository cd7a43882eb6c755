using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>
/// Two assemblies that both use PEGen and see each other's internals: the generated attribute
/// and enum must not collide (CS0436), because both are marked [Embedded].
/// </summary>
public sealed class FriendAssemblyTests
{
    [Fact]
    public void FriendAssembliesUsingPEGenCompileWithoutWarnings()
    {
        var (libraryOutput, _) = GeneratorHarness.Run("""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Consumer")]
            namespace Lib;
            [PEGen.PositionalEncoding(Dim = 4, MaxLen = 4)]
            internal static partial class LibPositions { }
            """);
        Assert.Empty(GeneratorHarness.Problems(libraryOutput));
        using var image = new MemoryStream();
        Assert.True(libraryOutput.WithAssemblyName("Lib").Emit(image).Success);

        var consumer = GeneratorHarness.CreateCompilation("""
            namespace App;
            [PEGen.PositionalEncoding(Dim = 4, MaxLen = 4, Scheme = PEGen.EncodingScheme.Linear)]
            internal static partial class AppPositions
            {
                public static float Both() => AppPositions.Table[4] + Lib.LibPositions.Table[0];
            }
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(consumer, out var output, out _);

        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void ExistingEmbeddedAttributeIsReusedNotDuplicated()
    {
        var (output, result) = GeneratorHarness.Run("""
            namespace Microsoft.CodeAnalysis
            {
                internal sealed class EmbeddedAttribute : System.Attribute { }
            }
            [PEGen.PositionalEncoding(Dim = 4, MaxLen = 4)]
            internal static partial class P { }
            """);
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.EndsWith("PEGen.EmbeddedAttribute.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
    }
}
