namespace PEGen.Emit.Rotary;

/// <summary>
/// What the rotary kernels test at run time, in one place: which vector width the CPU runs (JIT constants, so each
/// test folds away) and the call size from which source and destination no longer stay in a core's L2 cache.
/// </summary>
internal static class RotaryRuntime
{
    /// <summary>512-bit vectors and AVX-512F's permutes (the stream and 64-byte grid kernels).</summary>
    public const string Avx512 =
        "global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && global::System.Runtime.Intrinsics.X86.Avx512F.IsSupported";

    /// <summary>256-bit vectors and AVX2's lane permute (the 32-byte grid kernel).</summary>
    public const string Avx2 =
        "global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && global::System.Runtime.Intrinsics.X86.Avx2.IsSupported";

    /// <summary>
    /// A large call, in floats (512 KiB): from here the out-of-place, grid and head-by-head kernels take over from the
    /// row kernel (measured on the AVX-512 and AVX2 hosts: below, the data stays in L2, where split and revisited lines
    /// are cheap and the row kernel's angles, loaded once for all heads, win).
    /// </summary>
    public const int LargeCallFloats = 128 * 1024;
}
