using System.Globalization;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>Dim</c> and <c>MaxLen</c>: constants, so every loop below folds them.</summary>
internal static class ConstantsEmitter
{
    public static void Write(SourceWriter writer, EncodingSpec spec)
    {
        writer.Lines($$"""
            /// <summary>Values per position (the model dimension): {{Invariant(spec.Dim)}}.</summary>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public const int Dim = {{Invariant(spec.Dim)}};

            /// <summary>Number of positions (table rows): {{Invariant(spec.MaxLen)}}. Row p is position p.</summary>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public const int MaxLen = {{Invariant(spec.MaxLen)}};
            """);
        writer.Line();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
