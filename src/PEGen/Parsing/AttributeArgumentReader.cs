using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>Reads the attribute's named arguments into plain values.</summary>
internal static class AttributeArgumentReader
{
    public static EncodingArguments Read(AttributeData attribute)
    {
        int? dim = null, maxLen = null, scheme = null, padding = null, storage = null;
        double? @base = null;
        var unreadable = new List<string>();
        var rotary = RotaryArguments.Empty;

        foreach (var pair in attribute.NamedArguments)
        {
            var constant = pair.Value;
            bool error = constant.Kind == TypedConstantKind.Error || constant.IsNull;
            switch (pair.Key)
            {
                case nameof(EncodingArguments.Dim):
                    dim = error ? null : AsInt(constant.Value);
                    break;
                case nameof(EncodingArguments.MaxLen):
                    maxLen = error ? null : AsInt(constant.Value);
                    break;
                case nameof(EncodingArguments.Scheme):
                    scheme = error ? null : AsInt(constant.Value);
                    if (scheme is null) unreadable.Add(pair.Key);
                    break;
                case nameof(EncodingArguments.Base):
                    @base = error ? null : AsDouble(constant.Value);
                    if (@base is null) unreadable.Add(pair.Key);
                    break;
                case nameof(EncodingArguments.PaddingIndex):
                    padding = error ? null : AsInt(constant.Value);
                    if (padding is null) unreadable.Add(pair.Key);
                    break;
                case nameof(EncodingArguments.Storage):
                    storage = error ? null : AsInt(constant.Value);
                    if (storage is null) unreadable.Add(pair.Key);
                    break;
                default:
                    rotary = ReadRotary(rotary, pair.Key, constant, error, unreadable);
                    break;
            }
        }

        return new EncodingArguments(dim, maxLen, scheme, @base, padding)
        {
            Unreadable = new EquatableArray<string>(unreadable.ToArray()),
            Rotary = rotary,
            Storage = storage,
        };
    }

    // Section 5's properties: a value that is not a readable constant is recorded as unreadable (PEG010).
    private static RotaryArguments ReadRotary(RotaryArguments r, string name, TypedConstant constant, bool error, List<string> unreadable)
    {
        object? value = error || constant.Kind == TypedConstantKind.Array ? null : constant.Value;
        RotaryArguments? result = name switch
        {
            nameof(RotaryArguments.Scaling) => AsInt(value) is { } v ? r with { Scaling = v } : null,
            nameof(RotaryArguments.Factor) => AsDouble(value) is { } v ? r with { Factor = v } : null,
            nameof(RotaryArguments.OriginalMaxLen) => AsInt(value) is { } v ? r with { OriginalMaxLen = v } : null,
            nameof(RotaryArguments.LowFreqFactor) => AsDouble(value) is { } v ? r with { LowFreqFactor = v } : null,
            nameof(RotaryArguments.HighFreqFactor) => AsDouble(value) is { } v ? r with { HighFreqFactor = v } : null,
            nameof(RotaryArguments.BetaFast) => AsDouble(value) is { } v ? r with { BetaFast = v } : null,
            nameof(RotaryArguments.BetaSlow) => AsDouble(value) is { } v ? r with { BetaSlow = v } : null,
            nameof(RotaryArguments.Truncate) => value is bool v ? r with { Truncate = v } : null,
            nameof(RotaryArguments.Mscale) => AsDouble(value) is { } v ? r with { Mscale = v } : null,
            nameof(RotaryArguments.MscaleAllDim) => AsDouble(value) is { } v ? r with { MscaleAllDim = v } : null,
            nameof(RotaryArguments.AttentionFactor) => AsDouble(value) is { } v ? r with { AttentionFactor = v } : null,
            nameof(RotaryArguments.RotaryDim) => AsInt(value) is { } v ? r with { RotaryDim = v } : null,
            nameof(RotaryArguments.ConfigFile) => value is string v ? r with { ConfigFile = v } : null,
            nameof(RotaryArguments.ShortFactors) => AsDoubles(constant, error) is { } v ? r with { ShortFactors = v } : null,
            nameof(RotaryArguments.LongFactors) => AsDoubles(constant, error) is { } v ? r with { LongFactors = v } : null,
            _ => r,
        };
        if (result is null)
        {
            unreadable.Add(name);
            return r;
        }
        return result;
    }

    private static EquatableArray<double>? AsDoubles(TypedConstant constant, bool error)
    {
        if (error || constant.Kind != TypedConstantKind.Array || constant.IsNull) return null;
        var values = new double[constant.Values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (constant.Values[i].Kind == TypedConstantKind.Error || AsDouble(constant.Values[i].Value) is not { } v) return null;
            values[i] = v;
        }
        return new EquatableArray<double>(values);
    }

    private static int? AsInt(object? value) => value is int i ? i : null;

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => null,
    };
}
