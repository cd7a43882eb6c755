using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PEGen.Model;

namespace PEGen.Parsing;

/// <summary>Reads the attribute's named arguments into plain values.</summary>
internal static class AttributeArgumentReader
{
    public static EncodingArguments Read(AttributeData attribute)
    {
        int? dim = null, maxLen = null, scheme = null, padding = null;
        double? @base = null;
        var unreadable = new List<string>();

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
            }
        }

        return new EncodingArguments(dim, maxLen, scheme, @base, padding)
        {
            Unreadable = new EquatableArray<string>(unreadable.ToArray()),
        };
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
