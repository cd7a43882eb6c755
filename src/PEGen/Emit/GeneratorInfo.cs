using System.Reflection;

namespace PEGen.Emit;

/// <summary>Name and version stamped into <c>[GeneratedCode]</c> and the headers.</summary>
internal static class GeneratorInfo
{
    public const string Name = "PEGen";

    public static readonly string Version =
        typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(GeneratorInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";
}
