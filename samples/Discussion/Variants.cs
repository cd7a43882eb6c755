using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace Discussion;

/// <summary>Writes a sequence's layer-0 residual stream from its token ids and the embedding table.</summary>
public delegate void InputBuilder(ReadOnlySpan<int> tokens, ReadOnlySpan<float> embeddings, float scale, Span<float> destination);

/// <summary>One way of giving the model position: how the input is built and how attention runs.</summary>
/// <param name="Key">Short name (plot legend, tests).</param>
/// <param name="Label">Row label of the printed tables.</param>
/// <param name="Width">Model width: the embedding width, or embedding + encoding for ConcatTo.</param>
/// <param name="Rotary">Queries and keys rotated by position inside attention.</param>
/// <param name="Causal">Token i attends to tokens 0..i only.</param>
/// <param name="Build">The layer-0 residual stream.</param>
public sealed record Variant(string Key, string Label, int Width, bool Rotary, bool Causal, InputBuilder Build);

/// <summary>The variants of the experiment, each through PEGen's generated members.</summary>
public static class Variants
{
    /// <summary>Width of the token embeddings, and of the model unless the encoding is concatenated.</summary>
    public const int EmbeddingDim = VaswaniPositions.Dim;

    /// <summary>(a) the sinusoids added: <c>Embed</c> = lookup·scale + PE in one pass.</summary>
    public static readonly Variant Added = new("added", "(a) Vaswani, added (Embed)", EmbeddingDim, false, false,
        (tokens, embeddings, scale, destination) => VaswaniPositions.Embed(tokens, embeddings, destination, scale: scale));

    /// <summary>(b) the same sinusoids concatenated: the model is EmbeddingDim + Dim wide.</summary>
    public static readonly Variant Concatenated = new("concat", "(b) Vaswani, ConcatTo", EmbeddingDim + VaswaniPositions.Dim, false, false,
        (tokens, embeddings, scale, destination) =>
        {
            var content = new float[tokens.Length * EmbeddingDim];
            Lookup(tokens, embeddings, scale, content);
            VaswaniPositions.ConcatTo(content, EmbeddingDim, destination);
        });

    /// <summary>(c) no position in the stream; Rope rotates q and k, so it reaches the scores only.</summary>
    public static readonly Variant Rotary = new("rope", "(c) Rope on q, k (Rotate)", EmbeddingDim, true, false, Lookup);

    /// <summary>(d) nothing: the experiment's zero.</summary>
    public static readonly Variant None = new("none", "(d) no encoding", EmbeddingDim, false, false, Lookup);

    /// <summary>(d') nothing but a causal mask, itself a known source of position.</summary>
    public static readonly Variant NoneCausal = new("causal", "(d') no encoding, causal mask", EmbeddingDim, false, true, Lookup);

    /// <summary>(e) every value of row p is p.</summary>
    public static readonly Variant Linear = new("linear", "(e) Linear, added", EmbeddingDim, false, false,
        (tokens, embeddings, scale, destination) => LinearPositions.Embed(tokens, embeddings, destination, scale: scale));

    /// <summary>(e) every value of row r is r/(n − 1).</summary>
    public static readonly Variant NormalizedRange = new("range", "(e) NormalizedRange, added", EmbeddingDim, false, false,
        (tokens, embeddings, scale, destination) => NormalizedRangePositions.Embed(tokens, embeddings, destination, scale: scale));

    /// <summary>Every variant, in the order of the tables.</summary>
    public static IReadOnlyList<Variant> All { get; } = new[] { Added, Concatenated, Rotary, None, NoneCausal, Linear, NormalizedRange };

    /// <summary>Row r = embeddings[tokens[r]] · scale: the token content alone.</summary>
    private static void Lookup(ReadOnlySpan<int> tokens, ReadOnlySpan<float> embeddings, float scale, Span<float> destination)
    {
        for (int r = 0; r < tokens.Length; r++)
            TensorPrimitives.Multiply(embeddings.Slice(tokens[r] * EmbeddingDim, EmbeddingDim), scale, destination.Slice(r * EmbeddingDim, EmbeddingDim));
    }
}
