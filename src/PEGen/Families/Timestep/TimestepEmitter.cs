using System.Globalization;
using PEGen.Emit;
using PEGen.Emit.Shared;
using PEGen.Model;
using static PEGen.Emit.MemberDocs;

namespace PEGen.Families.Timestep;

/// <summary>The sources of one <c>[TimestepEmbedding]</c> class: its members, and its table and frequencies as constant data.</summary>
internal static class TimestepEmitter
{
    public const string TableData = "__PEGen_TableBits";
    public const string FrequencyData = "__PEGen_FrequencyBits";
    private const string M = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string U = "global::System.Runtime.CompilerServices.Unsafe";

    public static string HintName(TimestepSpec spec) => HintNames.For(spec.Shell.MetadataName, "TimestepEmbedding");

    public static string TableHintName(TimestepSpec spec) => HintNames.For(spec.Shell.MetadataName, "TimestepEmbeddingTable");

    public static string Emit(TimestepSpec spec, TargetFeatures features)
    {
        var writer = new SourceWriter();
        Header(writer, spec, "members");
        bool rva = features.DataForm == DataForm.RvaSpan;
        string helpers = SharedHelpersEmitter.ClassName;
        string inline = TargetSyntax.AggressiveInlining;
        string entry = features.EntryPointAttribute();
        using (ClassShell.Open(writer, spec.Shell.Namespace, spec.Shell.Types))
        {
            writer.Line("/// <summary>Values per timestep (diffusers' <c>embedding_dim</c>).</summary>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            writer.Line("public const int Dim = " + Invariant(spec.Dim) + ";");
            writer.Line();
            writer.Line("/// <summary>Rows of <see cref=\"Table\"/>: the integer timesteps 0 to Steps - 1.</summary>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            writer.Line("public const int Steps = " + Invariant(spec.Steps) + ";");
            writer.Line();
            writer.Line("/// <summary>The same as <see cref=\"Steps\"/>: the rows of the table, named as in every PEGen class.</summary>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            writer.Line("public const int MaxLen = Steps;");
            writer.Line();
            writer.Line("// The float32 multiplier of the angles (diffusers' scale, as PyTorch rounds it), and the layout.");
            writer.Line("private const float __PEGen_Scale = " + FloatLiteral((float)spec.Scale) + ";");
            writer.Line("private const bool __PEGen_Flip = " + (spec.FlipSinToCos ? "true" : "false") + ";");
            writer.Line();

            writer.Line("/// <summary>");
            writer.Line("/// The embedding table, row-major [Steps x Dim]: row t is the embedding of the integer timestep t.");
            writer.Line("/// </summary>");
            Remarks(writer, spec, rva
                ? "It is constant data in the assembly: reading it computes nothing and allocates nothing."
                : "It is constant data copied once into a static array when the class is first used.");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            using (writer.Block("public static global::System.ReadOnlySpan<float> Table"))
            {
                writer.Line(inline);
                writer.Lines("get => " + View(TableData, "Dim * Steps", features, (long)spec.Dim * spec.Steps % 2 == 1) + ";");
            }
            writer.Line();

            writer.Line("/// <summary>The float32 frequencies exp(-ln(MaxPeriod) k / (Dim / 2 - FreqShift)), Dim / 2 of them, as PyTorch computes them.</summary>");
            writer.Line("private static global::System.ReadOnlySpan<float> __PEGen_Frequencies");
            using (writer.Block(""))
            {
                writer.Line(inline);
                writer.Lines("get => " + View(FrequencyData, Invariant(spec.Half), features, spec.Half % 2 == 1) + ";");
            }
            writer.Line();

            writer.Line("/// <summary>The embedding of one integer timestep: <c>Dim</c> values, a view into <see cref=\"Table\"/>.</summary>");
            Remarks(writer, spec);
            writer.Line("/// <param name=\"timestep\">The integer timestep, in [0, Steps).</param>");
            writer.Line("/// <returns>Row <paramref name=\"timestep\"/> of <see cref=\"Table\"/>.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"timestep\"/> is negative or at least Steps.</exception>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            using (writer.Block("public static global::System.ReadOnlySpan<float> Row(int timestep)"))
            {
                writer.Line("if ((uint)timestep >= (uint)Steps)");
                writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowPosition) + "(\"timestep\", timestep, Steps);");
                writer.Line("return Table.Slice(timestep * Dim, Dim);");
            }
            writer.Line();

            const string encodeNote =
                "Computed, not looked up: the angles are f32(f32(t * frequency) * scale), as PyTorch computes them, and each sine " +
                "and cosine is the float32 nearest to the exact value (a double-precision reduction and polynomial with an error " +
                "bound, and an exact double-double path where the bound does not decide the rounding). So every host and every " +
                "vector path gives the same bits, and an integer timestep below Steps gives exactly its <see cref=\"Row\"/>. " +
                "A finite timestep whose angle overflows float32 (beyond 3.4e38 / frequency) gives NaN there, as in the reference.";

            writer.Line("/// <summary>Writes the embedding of any finite timestep into the first <c>Dim</c> values of <paramref name=\"destination\"/>.</summary>");
            Remarks(writer, spec, encodeNote);
            writer.Line("/// <param name=\"timestep\">Any finite timestep: fractional, negative or past Steps (-0 counts as +0).</param>");
            writer.Line("/// <param name=\"destination\">Receives the Dim values; at least Dim long (the rest is left untouched).</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than Dim.</exception>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"timestep\"/> is NaN or infinite.</exception>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            if (entry.Length > 0) writer.Line(entry);
            using (writer.Block("public static void Encode(float timestep, global::System.Span<float> destination)"))
            {
                writer.Line("if (!(global::System.Math.Abs(timestep) <= float.MaxValue))");
                writer.Line("    " + helpers + "." + TimestepKernelEmitter.ThrowNotFinite + "(\"timestep\", -1, timestep);");
                writer.Line("if (destination.Length < Dim)");
                writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowDestinationTooShort) + "(Dim, destination.Length);");
                writer.Line("global::System.Span<float> one = stackalloc float[1];");
                writer.Line("one[0] = timestep;");
                writer.Line(helpers + "." + TimestepKernelEmitter.RowsMethod + "(one, __PEGen_Frequencies, __PEGen_Scale, __PEGen_Flip, Dim, destination);");
            }
            writer.Line();

            writer.Line("/// <summary>Writes the embeddings of finite timesteps: row i of <paramref name=\"destination\"/> ([n x Dim]) is that of timesteps[i].</summary>");
            Remarks(writer, spec, encodeNote);
            writer.Line("/// <param name=\"timesteps\">Any finite timesteps, one per row.</param>");
            writer.Line("/// <param name=\"destination\">Receives row-major [timesteps.Length x Dim] values; at least that long (the rest is left");
            writer.Line("/// untouched), and apart from <paramref name=\"timesteps\"/>.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than timesteps.Length x Dim,");
            writer.Line("/// or overlaps <paramref name=\"timesteps\"/>.</exception>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A timestep is NaN or infinite (nothing is written).</exception>");
            writer.Line(GeneratorInfo.GeneratedCodeAttribute);
            if (entry.Length > 0) writer.Line(entry);
            using (writer.Block("public static void Encode(global::System.ReadOnlySpan<float> timesteps, global::System.Span<float> destination)"))
            {
                writer.Line("long needed = (long)timesteps.Length * Dim;");
                writer.Line("if (destination.Length < needed)");
                writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowDestinationTooShort) + "(needed, destination.Length);");
                writer.Line("if (global::System.MemoryExtensions.Overlaps(timesteps, (global::System.ReadOnlySpan<float>)destination))");
                writer.Line("    " + GuardHelpersEmitter.Call(GuardHelpersEmitter.ThrowOverlap) + "();");
                writer.Line("for (int i = 0; i < timesteps.Length; i++)");
                using (writer.Block(""))
                {
                    writer.Line("if (!(global::System.Math.Abs(timesteps[i]) <= float.MaxValue))");
                    writer.Line("    " + helpers + "." + TimestepKernelEmitter.ThrowNotFinite + "(\"timesteps\", i, timesteps[i]);");
                }
                writer.Line(helpers + "." + TimestepKernelEmitter.RowsMethod + "(timesteps, __PEGen_Frequencies, __PEGen_Scale, __PEGen_Flip, Dim, destination);");
            }
        }
        var files = writer.ToString();
        return files;
    }

    /// <summary>The constant data: the table and the frequencies.</summary>
    public static string EmitTable(TimestepSpec spec, TargetFeatures features)
    {
        float[] table = TimestepTable.Build(spec);
        float[] frequencies = TimestepTable.Frequencies(spec.Dim, spec.FreqShift, spec.MaxPeriod);
        var writer = new SourceWriter(capacity: (int)System.Math.Min(int.MaxValue / 4, table.LongLength * 11 + 4096));
        Header(writer, spec, "table data");
        if (features.HasNullableDirective)
        {
            writer.Line("#nullable disable");
            writer.Line();
        }
        bool rva = features.DataForm == DataForm.RvaSpan;
        using (ClassShell.Open(writer, spec.Shell.Namespace, spec.Shell.Types))
        {
            writer.Line("// Float32 bit patterns, two per ulong: the low half is the even index.");
            TableDataEmitter.Write(writer, TableData, table, rva);
            writer.Line();
            TableDataEmitter.Write(writer, FrequencyData, frequencies, rva);
        }
        return writer.ToString();
    }

    private static string View(string data, string length, TargetFeatures features, bool odd) =>
        features.HasCreateReadOnlySpan
            ? M + ".CreateReadOnlySpan(\n    ref " + U + ".As<ulong, float>(\n        ref " + M + ".GetReference(" + data + ")),\n    " + length + ")"
            : M + ".Cast<ulong, float>(" + data + ")" + (odd ? ".Slice(0, " + length + ")" : "");

    private static void Header(SourceWriter writer, TimestepSpec spec, string part)
    {
        writer.Line(ClassShell.FileHeader);
        writer.Line("// " + GeneratorInfo.Name + " " + GeneratorInfo.Version + ": " + part + " of " + spec.Shell.MetadataName + ".");
        writer.Line("//   Family:     TimestepEmbedding (diffusers get_timestep_embedding: DDPM, Stable Diffusion, DiT, PixArt, SD3)");
        writer.Line("//   Formula:    " + Formula(spec));
        writer.Line("//   Arithmetic: float32 in PyTorch's order (frequencies bit for bit; sin and cos correctly rounded)");
        writer.Line("//   Shape:      Steps = " + Invariant(spec.Steps) + " rows x Dim = " + Invariant(spec.Dim) + " values, FlipSinToCos = " +
                    (spec.FlipSinToCos ? "true" : "false") + ", FreqShift = " + Real(spec.FreqShift) + ", Scale = " + Real(spec.Scale) +
                    ", MaxPeriod = " + Real(spec.MaxPeriod));
        writer.Line("//   Data:       " + TableDataEmitter.FormatCount((long)spec.Dim * spec.Steps * 4) + " bytes of constant data");
        writer.Line();
    }

    private static string Formula(TimestepSpec spec) =>
        (spec.FlipSinToCos ? "[cos | sin]" : "[sin | cos]") + "(Scale * t * MaxPeriod^(-k / (Dim/2 - FreqShift))), k < Dim/2" +
        (spec.Dim % 2 == 1 ? ", then a zero column" : "");

    private static void Remarks(SourceWriter writer, TimestepSpec spec, params string[] notes)
    {
        writer.Line("/// <remarks>");
        writer.Line("/// <para>diffusers' get_timestep_embedding: " + Formula(spec).Replace("<", "&lt;") + ".</para>");
        foreach (var note in notes)
            WrappedLines(writer, "<para>" + note + "</para>");
        writer.Line("/// </remarks>");
    }

    private static string FloatLiteral(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        return text + "f";
    }

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
