using System.Linq;
using System.Text.RegularExpressions;
using PEGen.Tests.Support;
using Xunit;

namespace PEGen.Tests.Generator;

/// <summary>
/// Generated run-time code never calls the host's libm (Math.Sin, Math.Pow, MathF.Exp, ...) or a fused multiply-add:
/// values must be the same bits on every host. Sqrt, Abs and Round are exact IEEE operations and allowed.
/// </summary>
public sealed class NoHostMathTests
{
    private static readonly Regex HostMath = new(
        @"\bMathF?\s*\.\s*(Sin|Cos|Tan|SinCos|Asin|Acos|Atan|Atan2|Sinh|Cosh|Tanh|Exp|Pow|Log|Log2|Log10|Cbrt|FusedMultiplyAdd|ScaleB)\s*\(" +
        @"|\bFusedMultiplyAdd\s*\(|\bMultiplyAdd(Estimate)?\s*\(");

    private const string Declarations = """
        using PEGen;
        [PositionalEncoding(Dim = 16, MaxLen = 64)] partial class Vaswani { }
        [PositionalEncoding(Dim = 15, MaxLen = 64, Scheme = EncodingScheme.Vaswani)] partial class VaswaniOdd { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.AnnotatedTransformer)] partial class Annotated { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.HuggingFaceXlm)] partial class Xlm { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.HuggingFaceMarian)] partial class Marian { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.TensorToTensor)] partial class T2t { }
        [PositionalEncoding(Dim = 16, MaxLen = 66, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1)] partial class Fairseq { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.Whisper)] partial class Whisper { }
        [PositionalEncoding(Dim = 16, MaxLen = 64, Scheme = EncodingScheme.NormalizedRange)] partial class Normalized { }
        [PositionalEncoding(Dim = 16, MaxLen = 4096, Storage = TableStorage.Compact)] partial class VaswaniCompact { }
        [PositionalEncoding(Dim = 16, MaxLen = 4096, Scheme = EncodingScheme.HuggingFaceXlm, Storage = TableStorage.Compact)] partial class XlmCompact { }
        [PositionalEncoding(Dim = 16, MaxLen = 4096, Scheme = EncodingScheme.Fairseq, PaddingIndex = 1, Storage = TableStorage.Compact)] partial class FairseqCompact { }
        [PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.Rope)] partial class Rope { }
        [PositionalEncoding(Dim = 32, MaxLen = 64, Scheme = EncodingScheme.RopeInterleaved, RotaryDim = 16)] partial class RopeI { }
        [PositionalEncoding(Dim = 32, MaxLen = 16384, Scheme = EncodingScheme.Rope, Base = 500000, Scaling = RopeScaling.Llama3,
            Factor = 8, OriginalMaxLen = 8192, Storage = TableStorage.Compact)] partial class Llama3Compact { }
        [PositionalEncoding(Dim = 32, MaxLen = 256, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.Yarn, Factor = 4,
            OriginalMaxLen = 64)] partial class Yarn { }
        [PositionalEncoding(Dim = 8, MaxLen = 128, Scheme = EncodingScheme.Rope, Scaling = RopeScaling.LongRope, Factor = 4,
            OriginalMaxLen = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 2.0, 3.0, 4.0 })] partial class LongRope { }
        [PositionalEncoding2D(Dim = 32, GridHeight = 4, GridWidth = 5, ExtraTokens = 1)] partial class Grid { }
        [PositionalEncoding2D(Dim = 32, GridHeight = 4, GridWidth = 5, Storage = TableStorage.Compact)] partial class GridCompact { }
        [TimestepEmbedding(Dim = 32, Steps = 10)] partial class Timestep { }
        [AlibiBias(Heads = 12)] partial class Alibi { }
        [AlibiBias(Heads = 12, Reference = AlibiReference.Mpt, MaxBias = 8)] partial class AlibiMpt { }
        """;

    [Fact]
    public void GeneratedCodeCallsNoHostMath()
    {
        var (output, result) = GeneratorHarness.Run(Declarations);
        Assert.Empty(GeneratorHarness.Problems(output).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var trees = result.GeneratedTrees;
        // Every declaration generated (a class that failed would make the test pass vacuously).
        foreach (string name in new[] { "Vaswani", "Fairseq", "VaswaniCompact", "Llama3Compact", "LongRope", "GridCompact", "Timestep", "AlibiMpt" })
            Assert.Contains(trees, t => System.IO.Path.GetFileName(t.FilePath).StartsWith(name + ".", System.StringComparison.Ordinal));
        Assert.Contains(trees, t => t.GetText().ToString().Contains("ShiftSinCos(double angle", System.StringComparison.Ordinal));
        foreach (var tree in trees)
        {
            string text = tree.GetText().ToString();
            var hit = HostMath.Match(text);
            Assert.False(hit.Success, $"{System.IO.Path.GetFileName(tree.FilePath)}: '{hit.Value}' at {hit.Index}");
        }
    }
}
