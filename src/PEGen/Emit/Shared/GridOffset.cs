namespace PEGen.Emit.Shared;

/// <summary>
/// The emitted expressions that place a reference against the vector grid, in one place. A byte address is
/// <c>Unsafe.ByteOffset</c> from a null reference: no unsafe context and no pinning (if the GC moves the buffer in
/// between, the accesses are merely unaligned, never wrong). Offsets are masks: <c>(nuint)ByteOffset(...) % 64</c>
/// made the .NET 10 JIT compile a method unoptimized.
/// </summary>
internal static class GridOffset
{
    /// <summary>The fully qualified <c>Unsafe</c> of generated class files.</summary>
    public const string QualifiedUnsafe = "global::System.Runtime.CompilerServices.Unsafe";

    /// <summary>The byte address of <paramref name="reference"/> (a <c>nint</c>), with <paramref name="unsafeType"/> as written in the file.</summary>
    public static string Address(string reference, string unsafeType = QualifiedUnsafe) =>
        unsafeType + ".ByteOffset(ref " + unsafeType + ".NullRef<float>(), ref " + reference + ")";

    /// <summary>
    /// The statement <c>nint name = address of reference;</c> on two lines (the qualified names are long), for
    /// <see cref="SourceWriter.Lines"/> or a raw string.
    /// </summary>
    public static string AddressStatement(string name, string reference) =>
        "nint " + name + " = " + QualifiedUnsafe + ".ByteOffset(ref " + QualifiedUnsafe + ".NullRef<float>(),\n    ref " + reference + ");";

    /// <summary>How many floats <paramref name="address"/> lies past a boundary of <paramref name="bytes"/> bytes.</summary>
    public static string FloatsPast(string address, int bytes) => "(" + address + " & " + Mask(bytes) + ") / sizeof(float)";

    /// <summary>How many floats from <paramref name="address"/> to the next boundary of <paramref name="bytes"/> bytes (0 on one).</summary>
    public static string FloatsTo(string address, int bytes) => "(-" + address + " & " + Mask(bytes) + ") / sizeof(float)";

    private static string Mask(int bytes) => (bytes - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
