using System;
using PEGen.Model;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes;

/// <summary>
/// Everything PEGen knows about one scheme, in one place: its family and layout, the parameter rules
/// the validator applies, the texts of the generated header and docs, its frequencies and its table.
/// A subclass per scheme lives in <c>Schemes/Definitions</c>; <see cref="SchemeCatalog"/> finds them all.
/// </summary>
internal abstract class SchemeDefinition
{
    /// <summary>The public enum member this definition implements.</summary>
    public abstract SchemeKind Kind { get; }

    public abstract SchemeFamily Family { get; }

    public abstract PairLayout Layout { get; }

    public abstract OddDimension OddDimension { get; }

    public abstract Arithmetic Arithmetic { get; }

    // ---- Parameter rules -------------------------------------------------------------------

    /// <summary>The smallest Dim the reference can compute (PEG010 below it), and why.</summary>
    public virtual (int Dim, string Reason)? MinimumDim => null;

    /// <summary>False for schemes without frequencies: setting <c>Base</c> is then PEG010.</summary>
    public virtual bool HasFrequencies => true;

    /// <summary>Why <c>Base</c> cannot be changed, when the reference hard-codes 10000.</summary>
    public virtual string? FixedBaseReason => null;

    /// <summary>Whether <c>PaddingIndex</c> may name a zeroed row.</summary>
    public virtual bool HasPaddingRow => false;

    /// <summary>The warning every use of this scheme gets (the naive encodings), or null.</summary>
    public virtual string? NaiveWarningId => null;

    // ---- Texts -----------------------------------------------------------------------------

    /// <summary>The one-line summary of the public enum member.</summary>
    public abstract string Summary { get; }

    /// <summary>The reference implementation reproduced.</summary>
    public abstract string Reference { get; }

    /// <summary>The formula, as the header and the <c>&lt;remarks&gt;</c> show it.</summary>
    public abstract string Formula { get; }

    /// <summary>What <c>Dim</c> means for this scheme, for its generated doc.</summary>
    public virtual string DimMeaning => "Values per position (the model dimension)";

    /// <summary>What row p of the table is, for the generated doc of <c>MaxLen</c>.</summary>
    public virtual string RowMeaning => "Row p is position p.";

    // ---- Frequencies and tables ------------------------------------------------------------

    /// <summary>
    /// The nominal exponent e_k = num/den of frequency k (omega_k = Base^(-e_k)), for the slowest
    /// wavelength (PEG008); the table itself follows the reference's arithmetic.
    /// </summary>
    public virtual (long Num, long Den) Exponent(int k, int dim) => throw NoFrequencies();

    /// <summary>How many frequencies a Dim has.</summary>
    public virtual int FrequencyCount(int dim) => ColumnLayout.FrequencyCount(OddDimension, dim);

    /// <summary>The frequencies the table is computed with, in the reference's arithmetic.</summary>
    public virtual Frequency[] Frequencies(EncodingSpec spec) => throw NoFrequencies();

    /// <summary>The additive table, row-major [MaxLen x Dim] (<see cref="SchemeFamily.AdditiveTable"/>).</summary>
    public virtual float[] BuildTable(EncodingSpec spec) =>
        SinusoidTableWriter.Additive(Frequencies(spec), ColumnLayout.For(Layout, OddDimension, spec.Dim), spec.Dim, spec.MaxLen);

    /// <summary>The cos and sin tables (<see cref="SchemeFamily.Rotary"/>).</summary>
    public virtual RotaryTable BuildRotary(EncodingSpec spec) =>
        throw new NotSupportedException(Kind + " is not rotary");

    /// <summary>The compact tables (<c>Storage = Compact</c>): the only one, or LongRoPE's long and short ones.</summary>
    public virtual Compact.CompactTables BuildCompact(EncodingSpec spec) =>
        new(Compact.CompactTable.Of(Frequencies(spec), spec.MaxLen), null);

    /// <summary>The constant data a declaration of this scheme takes.</summary>
    public TableShape Shape(int dim, int maxLen, RotarySpec? rotary = null) => Family switch
    {
        SchemeFamily.Computed => TableShape.None,
        // Cos and Sin, [MaxLen x RotaryDim/2] each; LongRoPE adds the short pair below OriginalMaxLen.
        SchemeFamily.Rotary when rotary is not null => new TableShape(
            (long)rotary.RotaryDim * maxLen + (rotary.IsLongRope ? (long)rotary.RotaryDim * System.Math.Min(maxLen, rotary.OriginalMaxLen) : 0),
            ElementTypes.Default),
        _ => new TableShape((long)dim * maxLen, ElementTypes.Default),
    };

    // ---- References --------------------------------------------------------------------------

    /// <summary>Reference tables in tests/golden that this scheme must reproduce.</summary>
    public virtual string[] GoldenTables => Array.Empty<string>();

    /// <summary>Why no external reference table exists, when <see cref="GoldenTables"/> is empty.</summary>
    public virtual string? NoGoldenReason => null;

    private NotSupportedException NoFrequencies() => new(Kind + " has no frequencies");
}
