namespace PEGen.Emit;

/// <summary>Culture-invariant formatting of interpolated emitter text (numbers in generated code never follow the host).</summary>
internal static class Invariant
{
    /// <summary>The text with every number formatted in the invariant culture.</summary>
    public static string Inv(System.FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
