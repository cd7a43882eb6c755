using System;
using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;

namespace PEGen.Benchmarks;

/// <summary>
/// Token lookup x scale + encoding, vocabulary 32,000: the fused generated Embed against the
/// unfused pipeline (copy each token row, TensorPrimitives.Multiply by the scale, then
/// TensorPrimitives.Add the same constant table slice).
/// </summary>
[MemoryDiagnoser]
public class EmbedBenchmarks
{
    public const int Vocabulary = 32_000;

    private float[] _tokenEmbeddings = null!;
    private float[] _destination = null!;
    private int[] _tokenIds = null!;
    private int _rows, _dim;
    private float _scale;

    [Params("64x512", "2048x1024")]
    public string Shape { get; set; } = "64x512";

    [GlobalSetup]
    public void Setup()
    {
        (_rows, _dim, _) = Shapes.Parse(Shape);
        _tokenEmbeddings = Shapes.Random(Vocabulary * _dim, 3);
        _destination = new float[_rows * _dim];
        var random = new Random(4);
        _tokenIds = new int[_rows];
        for (int r = 0; r < _rows; r++)
            _tokenIds[r] = random.Next(Vocabulary);
        _scale = MathF.Sqrt(_dim);
    }

    [Benchmark]
    public void PEGenEmbed()
    {
        if (_dim == 512)
            Pe512.Embed(_tokenIds, _tokenEmbeddings, _destination, 0, _scale);
        else
            Pe1024.Embed(_tokenIds, _tokenEmbeddings, _destination, 0, _scale);
    }

    [Benchmark(Baseline = true)]
    public void Unfused()
    {
        int dim = _dim;
        int[] ids = _tokenIds;
        ReadOnlySpan<float> matrix = _tokenEmbeddings;
        Span<float> destination = _destination;
        for (int r = 0; r < ids.Length; r++)
            matrix.Slice(ids[r] * dim, dim).CopyTo(destination.Slice(r * dim, dim));
        TensorPrimitives.Multiply(destination, _scale, destination);
        ReadOnlySpan<float> table = dim == 512 ? Pe512.Table : Pe1024.Table;
        TensorPrimitives.Add(destination, table.Slice(0, destination.Length), destination);
    }
}
