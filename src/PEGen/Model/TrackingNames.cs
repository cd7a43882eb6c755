namespace PEGen.Model;

/// <summary>Names of the incremental steps, used by the caching tests.</summary>
internal static class TrackingNames
{
    public const string Declarations = nameof(Declarations);
    public const string ConfigFileNames = nameof(ConfigFileNames);
    public const string ConfigFiles = nameof(ConfigFiles);
    public const string ConfigFileSet = nameof(ConfigFileSet);
    public const string Outcomes = nameof(Outcomes);
    public const string ValidSpecs = nameof(ValidSpecs);
    public const string TargetFeatures = nameof(TargetFeatures);
    public const string EmbeddedAttributeNeeded = nameof(EmbeddedAttributeNeeded);
    public const string Outputs = nameof(Outputs);
    public const string SharedHelperUse = nameof(SharedHelperUse);
    public const string SharedHelperOutputs = nameof(SharedHelperOutputs);
    public const string DeclarationErrors = nameof(DeclarationErrors);
    public const string AnalyzersOff = nameof(AnalyzersOff);
    public const string ErrorOutputs = nameof(ErrorOutputs);

    /// <summary>A family's step: e.g. <c>AlibiBias.Outcomes</c> (steps Outcomes, Specs, Errors, ErrorOutputs, Outputs, HelperUse).</summary>
    public static string Family(string shortName, string step) => shortName + "." + step;
}
