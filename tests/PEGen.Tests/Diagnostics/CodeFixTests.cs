using System.Threading.Tasks;
using PEGen.CodeFixes;
using PEGen.Diagnostics;
using static PEGen.Tests.Support.Verifiers;

namespace PEGen.Tests.Diagnostics;

/// <summary>The code fixes, one at a time and with fix-all.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task AddPartialToEveryDeclarationAndContainer() =>
        FixMultiFileAsync<DeclarationAnalyzer, AddPartialCodeFix>(
            new[]
            {
                ("/0/A.cs", "public class Outer\n{\n    [PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)]\n    public static class {|PEG001:Inner|} { }\n}\n"),
            },
            new[]
            {
                ("/0/A.cs", "public partial class Outer\n{\n    [PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)]\n    public static partial class Inner { }\n}\n"),
            });

    [Fact]
    public Task AddPartialWithoutModifiers() =>
        FixAsync<DeclarationAnalyzer, AddPartialCodeFix>(
            "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)]\nclass {|PEG001:P|} { }\n",
            "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)]\npartial class P { }\n");

    [Fact]
    public Task FixAllAddsPartialEverywhere() =>
        FixAsync<DeclarationAnalyzer, AddPartialCodeFix>(
            "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)] public static class {|PEG001:A|} { }\n[PEGen.PositionalEncoding(Dim = 4, MaxLen = 4)] internal sealed class {|PEG001:B|} { }\n",
            "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)] public static partial class A { }\n[PEGen.PositionalEncoding(Dim = 4, MaxLen = 4)] internal sealed partial class B { }\n");

    [Fact]
    public Task RoundDimUp() =>
        FixAsync<DeclarationAnalyzer, RoundDimUpCodeFix>(
            "[PEGen.PositionalEncoding({|PEG003:Dim = 511|}, MaxLen = 8)] public static partial class P { }\n[PEGen.PositionalEncoding({|PEG003:Dim = 3|}, MaxLen = 2)] public static partial class Q { }\n",
            "[PEGen.PositionalEncoding(Dim = 512, MaxLen = 8)] public static partial class P { }\n[PEGen.PositionalEncoding(Dim = 4, MaxLen = 2)] public static partial class Q { }\n");

    [Fact]
    public Task SwitchNaiveSchemesToVaswani() =>
        FixAsync<DeclarationAnalyzer, UseVaswaniCodeFix>(
            "using PEGen;\n[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG005:Scheme = EncodingScheme.Linear|})] public static partial class P { }\n[PositionalEncoding(Dim = 8, MaxLen = 8, {|PEG004:Scheme = PEGen.EncodingScheme.NormalizedRange|})] public static partial class Q { }\n",
            "using PEGen;\n[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = EncodingScheme.Vaswani)] public static partial class P { }\n[PositionalEncoding(Dim = 8, MaxLen = 8, Scheme = PEGen.EncodingScheme.Vaswani)] public static partial class Q { }\n");

    [Fact]
    public Task UseCompactStorageForATableTooLargeToBuild() =>
        FixAsync<DeclarationAnalyzer, UseCompactStorageCodeFix>(
            "using PEGen;\n[PositionalEncoding(Dim = 8192, MaxLen = 8193)] public static partial class {|PEG007:P|} { }\n" +
            "[PEGen.PositionalEncoding(Dim = 4096, MaxLen = 8192, Scheme = PEGen.EncodingScheme.Rope)] public static partial class {|PEG007:Q|} { }\n",
            "using PEGen;\n[PositionalEncoding(Dim = 8192, MaxLen = 8193, Storage = TableStorage.Compact)] public static partial class P { }\n" +
            "[PEGen.PositionalEncoding(Dim = 4096, MaxLen = 8192, Scheme = PEGen.EncodingScheme.Rope, Storage = TableStorage.Compact)] public static partial class Q { }\n");

    [Fact]
    public Task UseCompactStorageQualifiesWithoutUsing() =>
        FixAsync<DeclarationAnalyzer, UseCompactStorageCodeFix>(
            "[PEGen.PositionalEncoding(Dim = 8192, MaxLen = 8193)] public static partial class {|PEG007:P|} { }\n",
            "[PEGen.PositionalEncoding(Dim = 8192, MaxLen = 8193, Storage = global::PEGen.TableStorage.Compact)] public static partial class P { }\n");
}
