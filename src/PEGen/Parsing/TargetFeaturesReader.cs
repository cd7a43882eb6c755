using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PEGen.Emit;
using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>Reads from the compilation which runtime APIs the generated code may use.</summary>
internal static class TargetFeaturesReader
{
    public static TargetFeatures Read(Compilation compilation)
    {
        var runtimeHelpers = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeHelpers");
        bool createSpan = runtimeHelpers is not null && !runtimeHelpers.GetMembers("CreateSpan").IsEmpty;
        var vector128 = compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector128");
        // LoadUnsafe/StoreUnsafe and IsHardwareAccelerated arrived together in .NET 7/8.
        bool vectors = vector128 is not null && !vector128.GetMembers("LoadUnsafe").IsEmpty
                       && !vector128.GetMembers("IsHardwareAccelerated").IsEmpty;
        var language = compilation is CSharpCompilation c ? c.LanguageVersion : LanguageVersion.CSharp7_3;
        bool nativeIntegers = language >= LanguageVersion.CSharp9;
        var vector512 = compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512");
        bool wide = vector512 is not null && !vector512.GetMembers("LoadUnsafe").IsEmpty;
        var memoryMarshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.MemoryMarshal");
        bool createReadOnlySpan = memoryMarshal is not null && !memoryMarshal.GetMembers("CreateReadOnlySpan").IsEmpty;
        return new TargetFeatures(createSpan, vectors && nativeIntegers, language >= LanguageVersion.CSharp8, nativeIntegers,
            wide && vectors && nativeIntegers, createReadOnlySpan);
    }

    public static bool NeedsEmbeddedAttribute(Compilation compilation)
    {
        var existing = compilation.GetTypeByMetadataName(EmbeddedAttributeSource.MetadataName);
        return existing is null || !compilation.IsSymbolAccessibleWithin(existing, compilation.Assembly);
    }
}
