using System.Linq;
using PEGen.Model;

namespace PEGen.Emit;

/// <summary>The element-wise loops behind the generated methods.</summary>
internal enum Kernel
{
    /// <summary>destination[i] = source[i] + table[i].</summary>
    AddTable,
    /// <summary>destination[i] = source[i] * scale + table[i] (Embed).</summary>
    ScaleAddTable,
    /// <summary>destination[i] = source[i] + value (computed schemes).</summary>
    AddValue,
    /// <summary>destination[i] = source[i] * scale + value (Embed of computed schemes).</summary>
    ScaleAddValue,
}

/// <summary>
/// Writes each generated class's kernel dispatchers: Vector512 (where the CPU has AVX-512), else
/// Vector256, else Vector128, else a scalar loop, over refs (no bounds checks; the callers have
/// validated every length). The vector loops themselves live once per assembly
/// (<see cref="Shared.SharedHelpersEmitter"/>, written by <see cref="Shared.VectorLoopEmitter"/>), so fifty
/// tables do not compile fifty copies of them. Callers pass either a whole block (rows are
/// contiguous in the input and the table, so one flat loop covers them) or one row of the
/// constant Dim, in which case the JIT folds the trip count. Multiply and add stay separate
/// roundings, as in a scalar loop (no FMA), so every path gives the same bits.
/// </summary>
internal static class KernelEmitter
{
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";

    public static string NameOf(Kernel kernel) => "__PEGen_" + kernel + "Kernel";

    /// <summary>Writes one kernel's dispatcher for a generated class: the shared loop of the widest accelerated width, else a scalar loop.</summary>
    /// <param name="writer">Receives the code.</param>
    /// <param name="kernel">Which loop.</param>
    /// <param name="dim">The class's Dim: every count a caller passes is a multiple of it.</param>
    /// <param name="features">What the consumer's target offers.</param>
    /// <param name="element">The element type of the class's spans.</param>
    public static void Write(SourceWriter writer, Kernel kernel, int dim, TargetFeatures features, ElementType element)
    {
        bool scaled = IsScaled(kernel);
        bool table = UsesTable(kernel);
        string parameters = Parameters(kernel, features, element);
        string arguments = "ref source, " + (scaled ? "scale, " : "") + (table ? "ref table, " : "value, ") + "ref destination, count";

        writer.Line("/// <summary>" + Summary(kernel) + ".</summary>");
        writer.Line(TargetSyntax.AggressiveInlining);
        using (writer.Block("private static void " + NameOf(kernel) + "(" + parameters + ")"))
        {
            // A non-zero multiple of Dim fills every vector no wider than Dim, so those widths need
            // no count test: the JIT then imports only the one width this CPU uses (each Vector
            // type the JIT touches first costs milliseconds to load).
            if (features.VectorWidths().Any(w => w.Lanes <= dim))
            {
                writer.Line("if (count == 0)");
                writer.Line("    return;");
            }
            foreach (var (vector, lanes) in features.VectorWidths())
            {
                using (writer.Block("if (global::System.Runtime.Intrinsics." + vector + ".IsHardwareAccelerated" + (lanes <= dim ? "" : " && count >= " + lanes) + ")"))
                {
                    writer.Line(Shared.SharedHelpersEmitter.ClassName + "." + WidthMethodName(kernel, vector) + "(" + arguments + ");");
                    writer.Line("return;");
                }
            }
            using (writer.Block("for (" + features.NUInt() + " i = 0; i < count; i++)"))
            {
                writer.Line(U + ".Add(ref destination, i) =");
                writer.Line("    " + U + ".Add(ref source, i)" + (scaled ? " * scale" : "") + " +");
                writer.Line("    " + (table ? U + ".Add(ref table, i);" : "value;"));
            }
        }
        writer.Line();
    }

    internal static string WidthMethodName(Kernel kernel, string vector) => kernel + "_" + vector;

    internal static bool IsScaled(Kernel kernel) => kernel is Kernel.ScaleAddTable or Kernel.ScaleAddValue;

    internal static bool UsesTable(Kernel kernel) => kernel is Kernel.AddTable or Kernel.ScaleAddTable;

    internal static string Parameters(Kernel kernel, TargetFeatures features, ElementType element)
    {
        string t = ElementSyntax.Keyword(element);
        return "ref " + t + " source, " + (IsScaled(kernel) ? t + " scale, " : "") + (UsesTable(kernel) ? "ref " + t + " table, " : t + " value, ") +
               "ref " + t + " destination, " + features.NUInt() + " count";
    }

    internal static string Summary(Kernel kernel) =>
        "destination[i] = source[i]" + (IsScaled(kernel) ? " * scale" : "") + " + " + (UsesTable(kernel) ? "table[i]" : "value") +
        " for i in [0, count); source may be destination";

    /// <summary>The kernels of the families in <paramref name="use"/>.</summary>
    public static Kernel[] For(SharedHelperUse use) =>
        (use.Table ? new[] { Kernel.AddTable, Kernel.ScaleAddTable } : new Kernel[0])
        .Concat(use.Value ? new[] { Kernel.AddValue, Kernel.ScaleAddValue } : new Kernel[0]).ToArray();

    /// <summary>The kernels a scheme's methods call.</summary>
    public static Kernel[] For(EncodingSpec spec) => For(SharedHelperUse.Of(spec));
}
