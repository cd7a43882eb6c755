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
        Assert.Equal(new[]
        {
            "AttentionFactor:double", "Base:double", "BetaFast:double", "BetaSlow:double", "ConfigFile:string", "Dim:int",
            "Factor:double", "HighFreqFactor:double", "LongFactors:double[]", "LowFreqFactor:double", "MaxLen:int",
            "Mscale:double", "MscaleAllDim:double", "OriginalMaxLen:int", "PaddingIndex:int", "RotaryDim:int",
            "Scaling:PEGen.RopeScaling", "Scheme:PEGen.EncodingScheme", "ShortFactors:double[]", "Storage:PEGen.TableStorage", "Truncate:bool",
        }, properties);
    }

    [Fact]
    public void RotaryEnumsHaveTheSpecMembers()
    {
        var (output, _) = GeneratorHarness.Run("class C { }");
        string Members(string name) => string.Join(",", output.GetTypeByMetadataName(name)!.GetMembers().OfType<IFieldSymbol>()
            .Select(f => f.Name + "=" + f.ConstantValue));
        Assert.Equal("None=0,Linear=1,Llama3=2,Yarn=3,LongRope=4", Members("PEGen.RopeScaling"));
        Assert.Equal("Auto=0,Short=1,Long=2", Members("PEGen.LongRopeFactors"));
        Assert.Equal("Full=0,Compact=1", Members("PEGen.TableStorage"));
        Assert.Equal(string.Join(",", Enum.GetValues<PEGen.Model.TableStorageKind>().Select(k => k + "=" + (int)k)), Members("PEGen.TableStorage"));
        Assert.Equal(string.Join(",", Enum.GetValues<PEGen.Model.RopeScalingKind>().Select(k => k + "=" + (int)k)), Members("PEGen.RopeScaling"));
    }
}
