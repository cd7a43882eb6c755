using System;
using BenchmarkDotNet.Attributes;

namespace PEGen.Benchmarks;

/// <summary>
/// Rotary embedding in place on [rows x heads x 128] query vectors, pairs (k, k + 64), every head of
/// row r rotated by position r: the generated Rotate against a scalar loop over cos/sin tables held
/// in runtime float[] arrays, and against cos/sin computed on the fly for every element.
/// </summary>
[MemoryDiagnoser]
public class RotateBenchmarks
{
    private const int Dim = Rope128.Dim, Half = Dim / 2;
    private const double Theta = 10000.0;

    private float[] _vectors = null!;
    private float[] _cos = null!, _sin = null!;
    private int _rows, _heads;

    [Params("64x128x32h", "2048x128x8h")]
    public string Shape { get; set; } = "64x128x32h";

    [GlobalSetup]
    public void Setup()
    {
        (_rows, _, _heads) = Shapes.Parse(Shape);
        _vectors = Shapes.Random(_rows * _heads * Dim, 5);
        _cos = Rope128.Cos.ToArray();
        _sin = Rope128.Sin.ToArray();
    }

    [Benchmark]
    public void PEGenRotate() => Rope128.Rotate(_vectors, 0, _heads);

    [Benchmark(Baseline = true)]
    public void ScalarTableLoop()
    {
        float[] x = _vectors, cos = _cos, sin = _sin;
        int rows = _rows, heads = _heads;
        for (int r = 0; r < rows; r++)
        {
            int angles = r * Half;
            for (int h = 0; h < heads; h++)
            {
                int v = (r * heads + h) * Dim;
                for (int k = 0; k < Half; k++)
                {
                    float a = x[v + k], b = x[v + k + Half];
                    float c = cos[angles + k], s = sin[angles + k];
                    x[v + k] = a * c - b * s;
                    x[v + k + Half] = b * c + a * s;
                }
            }
        }
    }

    [Benchmark]
    public void NaiveSinCos()
    {
        float[] x = _vectors;
        int rows = _rows, heads = _heads;
        for (int r = 0; r < rows; r++)
        {
            for (int h = 0; h < heads; h++)
            {
                int v = (r * heads + h) * Dim;
                for (int k = 0; k < Half; k++)
                {
                    double angle = r / Math.Pow(Theta, 2.0 * k / Dim);
                    float c = (float)Math.Cos(angle), s = (float)Math.Sin(angle);
                    float a = x[v + k], b = x[v + k + Half];
                    x[v + k] = a * c - b * s;
                    x[v + k + Half] = b * c + a * s;
                }
            }
        }
    }
}
