using PEGen.Model;

namespace PEGen.Emit;

/// <summary><c>Table</c> and <c>Row</c>: views over the constant data, never a copy.</summary>
internal static class TableAccessEmitter
{
    public const string DataName = "__PEGen_TableBits";

    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        // net8.0+: CreateReadOnlySpan with the constant length is two instructions. Older targets
        // (System.Memory) only have Cast, which also handles the static readonly array form.
        string view = features.HasVector128
            ? "global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref global::System.Runtime.CompilerServices.Unsafe.As<ulong, float>(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(" + DataName + ")), Dim * MaxLen)"
            : "global::System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, float>(" + DataName + ")" + (spec.TableLength % 2 == 1 ? ".Slice(0, Dim * MaxLen)" : "");
        string dataKind = features.HasCreateSpan
            ? "constant data in the assembly: reading it computes nothing and allocates nothing"
            : "constant data copied once into a static array when the class is first used";

        writer.Lines($$"""
            /// <summary>
            /// The encoding table, row-major [MaxLen x Dim]: row p is the encoding of position p.
            /// It is {{dataKind}}.
            /// </summary>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public static global::System.ReadOnlySpan<float> Table
            {
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                get => {{view}};
            }

            /// <summary>The encoding of one position: <c>Dim</c> values, a view into <see cref="Table"/>.</summary>
            /// <param name="position">The position, in [0, MaxLen).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="position"/> is negative or at least MaxLen.</exception>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public static global::System.ReadOnlySpan<float> Row(int position)
            {
                if ((uint)position >= (uint)MaxLen)
                    {{GuardEmitter.ThrowPosition}}("position", position);
                return Table.Slice(position * Dim, Dim);
            }
            """);
        writer.Line();
    }
}
