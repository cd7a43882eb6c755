using System.Runtime.CompilerServices;

namespace PEGen.Numerics;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name: the table loops run once per
/// build, far too few calls for tiered JIT to promote them, so they are compiled fully optimized straight away.
/// Runtimes that do not know the flag ignore it.
/// </summary>
internal static class Hot
{
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
