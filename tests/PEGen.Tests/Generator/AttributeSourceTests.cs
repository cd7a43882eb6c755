using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PEGen.Model;
using PEGen.Tests.Support;

namespace PEGen.Tests.Generator;

/// <summary>The emitted public API mirrors the generator's model (the names are public API).</summary>
public sealed class AttributeSourceTests
{
    [Fact]
    public void EmittedEnumHasExactlyTheSchemeKindMembersAndValues()
    {
        var (output, _) = GeneratorHarness.Run("class C { }");
        var scheme = output.GetTypeByMetadataName("PEGen.EncodingScheme")!;
        var emitted = scheme.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
            .Select(f => (f.Name, Value: (int)f.ConstantValue!)).OrderBy(f => f.Value);
        var model = Enum.GetValues<SchemeKind>().Select(k => (Name: k.ToString(), Value: (int)k)).OrderBy(f => f.Value);
        Assert.Equal(model, emitted);
    }

    [Fact]
    public void AttributeHasTheSpecProperties()
    {
        var (output, _) = GeneratorHarness.Run("class C { }");
        var attribute = output.GetTypeByMetadataName("PEGen.PositionalEncodingAttribute")!;
        var properties = attribute.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name + ":" + p.Type.ToDisplayString()).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(new[] { "Base:double", "Dim:int", "MaxLen:int", "PaddingIndex:int", "Scheme:PEGen.EncodingScheme" }, properties);
    }
}
