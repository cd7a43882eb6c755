using System;
using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;

namespace PEGen.Benchmarks;

/// <summary>
/// In place, row r of [rows x Dim] embeddings += encoding of position r. Every method does the
/// same job on the same buffer, except CopyTo, which moves the same bytes (the memory bound).
/// </summary>
[MemoryDiagnoser]
public class AddToBenchmarks
{
    private float[] _embeddings = null!;
    private float[] _source = null!;
    private float[] _runtimeTable = null!;
    private int _rows, _dim;

    [Params("1x512", "64x512", "2048x512", "2048x1024")]
    public string Shape { get; set; } = "1x512";

    [GlobalSetup]
    public void Setup()
    {
        (_rows, _dim, _) = Shapes.Parse(Shape);
        _embeddings = Shapes.Random(_rows * _dim, 1);
        _source = Shapes.Random(_rows * _dim, 2);
        _runtimeTable = Shapes.Table(_dim).Slice(0, _rows * _dim).ToArray();
    }

    /// <summary>The generated method: loops specialised to the constant Dim over constant data.</summary>
    [Benchmark]
    public void PEGenAddTo()
    {
        if (_dim == 512)
            Pe512.AddTo(_embeddings);
        else
            Pe1024.AddTo(_embeddings);
    }

    /// <summary>The vectorised library call on the same constant table slice.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesAdd()
    {
        float[] embeddings = _embeddings;
        ReadOnlySpan<float> table = _dim == 512 ? Pe512.Table : Pe1024.Table;
        TensorPrimitives.Add(embeddings, table.Slice(0, embeddings.Length), embeddings);
    }

    /// <summary>A plain loop over a table computed at run time into a float[].</summary>
    [Benchmark]
    public void ScalarTableLoop()
    {
        float[] embeddings = _embeddings, table = _runtimeTable;
        for (int i = 0; i < embeddings.Length; i++)
            embeddings[i] += table[i];
    }

    /// <summary>What most C# ports do: Math.Sin/Math.Cos of every element, every call.</summary>
    [Benchmark]
    public void NaiveSinCos()
    {
        float[] embeddings = _embeddings;
        int rows = _rows, dim = _dim;
        for (int p = 0; p < rows; p++)
        {
            for (int k = 0; k < dim / 2; k++)
            {
                double angle = p / Math.Pow(10000.0, 2.0 * k / dim);
                embeddings[p * dim + 2 * k] += (float)Math.Sin(angle);
                embeddings[p * dim + 2 * k + 1] += (float)Math.Cos(angle);
            }
        }
    }

    /// <summary>Copies the same number of bytes: the memory-bandwidth reference.</summary>
    [Benchmark]
    public void SpanCopyTo() => _source.AsSpan().CopyTo(_embeddings);
}
