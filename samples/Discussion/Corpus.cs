using Discussion.Transformer;

namespace Discussion;

/// <summary>
/// The random token data every variant sees: an embedding table drawn N(0, 1/EmbeddingDim), the
/// usual initialisation of an embedding matrix (fairseq, tensor2tensor), and uniformly random
/// token ids. Random tokens carry no order: position is only what an encoding or a mask adds.
/// </summary>
public sealed class Corpus
{
    public Corpus(ExperimentConfig config)
    {
        var random = new Gaussian(config.Seed ^ 0x0E3BED);
        Embeddings = new float[config.Vocabulary * Variants.EmbeddingDim];
        random.Fill(Embeddings, 1 / System.Math.Sqrt(Variants.EmbeddingDim));
        Tokens = new int[config.Sequences][];
        for (int s = 0; s < config.Sequences; s++)
        {
            Tokens[s] = new int[ExperimentConfig.Positions];
            for (int p = 0; p < Tokens[s].Length; p++) Tokens[s][p] = random.NextInt(config.Vocabulary);
        }
    }

    /// <summary><c>[Vocabulary × EmbeddingDim]</c>.</summary>
    public float[] Embeddings { get; }

    /// <summary>One row of token ids per sequence.</summary>
    public int[][] Tokens { get; }
}
