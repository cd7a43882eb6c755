using System.Globalization;
using PEGen.Emit.Shared;
using PEGen.Model;
using PEGen.Schemes;

namespace PEGen.Emit.Rotary;

/// <summary>
/// The one decision, per span and call, of which kernel rotates a span's rows: the row kernel, a grid kernel
/// (<see cref="RotaryAlignedEmitter"/>, <see cref="RotaryAligned256Emitter"/>) or the head-by-head one
/// (<see cref="RotaryHeadsEmitter"/>). Every row of a call is at the same offset from the grid (a row is a whole number
/// of vectors) and of the same size, so one answer serves the call. It is a method of its own, not inlined: the address
/// arithmetic inlined into a rows method made the .NET 10 JIT compile that method without optimization. One call
/// returning the kernel, not one test per kernel, so a span pays one call.
/// </summary>
internal static class RowKernelChoiceEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";

    /// <summary>The decision method's name in the generated class.</summary>
    public const string Method = "__PEGen_RowKernel";

    /// <summary>Its answer for a grid kernel (0 is the row kernel).</summary>
    public const string OnGrid = "__PEGen_OnGridKernel";

    /// <summary>Its answer for the head-by-head kernel.</summary>
    public const string HeadByHead = "__PEGen_HeadByHeadKernel";

    /// <summary>Whether a class has more than the row kernel, so its rows methods decide.</summary>
    public static bool Applies(EncodingSpec spec, TargetFeatures features) =>
        RotaryAlignedEmitter.AppliesAny(spec, features) || RotaryHeadsEmitter.Applies(spec, features);

    /// <summary>Whether a span can take the head-by-head kernel (out of place only).</summary>
    public static bool HasHeadByHead(EncodingSpec spec, TargetFeatures features, RowSegment s) =>
        !s.InPlace && RotaryHeadsEmitter.Applies(spec, features);

    /// <summary>Whether the decision matters for a span: a grid kernel, or head by head out of place.</summary>
    public static bool Decides(EncodingSpec spec, TargetFeatures features, RowSegment s) =>
        RotaryAlignedEmitter.AppliesAny(spec, features) || HasHeadByHead(spec, features, s);

    /// <summary>The local a rows method keeps for one span.</summary>
    public static string Variable(RowSegment s) => s.Source + "Kernel";

    /// <summary>The line deciding it for one span.</summary>
    public static string Decide(RowSegment s) =>
        "int " + Variable(s) + " = " + Method + "(ref " + s.Source + ", ref " + s.Destination + ", " + s.Length + ", rows);";

    /// <summary>Writes the decision method and its answers.</summary>
    public static void Write(SourceWriter writer, EncodingSpec spec, TargetFeatures features)
    {
        bool halves = spec.Definition.Layout == PairLayout.RotateHalf;
        bool wide = RotaryAlignedEmitter.Applies(spec, features);
        bool narrow = RotaryAligned256Emitter.Applies(spec, features);
        bool heads = RotaryHeadsEmitter.Applies(spec, features);
        writer.Line("private const int " + OnGrid + " = 1;");
        writer.Line("private const int " + HeadByHead + " = 2;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Which kernel rows at these addresses take: " + OnGrid + ", " + HeadByHead + " or 0 (the row kernel).");
        if (wide)
        {
            writer.Lines($$"""
                /// With AVX-512, the grid kernel (<see cref="{{RotaryAlignedEmitter.Method}}"/>): source and destination
                /// off the 64-byte grid by the same offset{{(halves ? "" : " (an even number of floats)")}}, or on it in place from 16 heads on. On the
                /// grid the row kernel's vectors are aligned already, but in place its column order stores to a head and
                /// loads from one 4 KiB further on (8 heads of 128 floats), which the core cannot tell apart until it
                /// checks the whole address: measured 1.1-1.4x slower at 32 heads.
                """);
        }
        if (narrow)
        {
            writer.Lines($$"""
                /// With AVX2 only, the grid kernel (<see cref="{{RotaryAligned256Emitter.Method}}"/>): both off the
                /// 32-byte grid by the same offset, from 16 heads on, in calls of 512 KiB or more.
                """);
        }
        if (wide || narrow)
        {
            writer.Lines("""
                /// At two offsets one side's vectors split lines either way (the grid kernel with unaligned loads
                /// measured no faster with AVX-512, interleaved 1.5x slower).
                """);
        }
        if (heads)
        {
            writer.Lines($$"""
                /// Else head by head (<see cref="{{RotaryHeadsEmitter.Method}}"/>): 256-bit vectors without AVX-512,
                /// two different buffers, and a call of 512 KiB or more.
                """);
        }
        writer.Lines($$"""
            /// </summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static int {{Method}}(ref float source, ref float destination, nint rowLength, int rows)
            {
            """);
        writer.PushIndent();
        if (wide || narrow)
        {
            writer.Lines(GridOffset.AddressStatement("address", "destination"));
            writer.Line("nint apart = " + U + ".ByteOffset(ref source, ref destination);");
        }
        writer.Line("if (" + RotaryRuntime.Avx512 + ")");
        if (wide)
        {
            writer.Line("    return " + WideRule(halves));
            writer.Line("        ? " + OnGrid + " : 0;");
        }
        else
        {
            writer.Line("    return 0;");
        }
        if (narrow)
        {
            writer.Line("if (" + RotaryAligned256Emitter.RuntimeCondition);
            writer.Line("    && " + RotaryAligned256Emitter.Rule + ")");
            writer.Line("    return " + OnGrid + ";");
        }
        if (heads)
        {
            writer.Line("if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated");
            writer.Line("    && !" + U + ".AreSame(ref source, ref destination)");
            writer.Line("    && (long)rows * rowLength >= " + RotaryHeadsEmitter.MinimumFloats.ToString(CultureInfo.InvariantCulture) + ")");
            writer.Line("    return " + HeadByHead + ";");
        }
        writer.Line("return 0;");
        writer.PopIndent();
        writer.Line("}");
        writer.Line();
    }

    // Interleaved rows need an even offset: a pair must not straddle two vectors.
    private static string WideRule(bool halves) =>
        "(apart & 63) == 0" + (halves ? "" : " && (address & 7) == 0") +
        " && ((address & 63) != 0 || (apart == 0 && rowLength >= 16 * Dim))";
}
