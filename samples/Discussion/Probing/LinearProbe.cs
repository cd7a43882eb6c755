using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace Discussion.Probing;

/// <summary>
/// Ridge-regularised least squares in double precision: <c>y ≈ ȳ + Σ w_a·z_a</c>, the features
/// <c>z_a</c> standardised with the training samples' mean and deviation. Data is column-major:
/// <c>features[a][sample]</c>, <c>targets[t][sample]</c>.
/// </summary>
public sealed class LinearProbe
{
    private readonly double[] _means, _scales;   // per feature; scale 0 = constant on the training set, unused
    private readonly double[] _targetMeans;
    private readonly double[,] _weights;          // [feature, target]

    private LinearProbe(double[] means, double[] scales, double[] targetMeans, double[,] weights)
    {
        _means = means;
        _scales = scales;
        _targetMeans = targetMeans;
        _weights = weights;
    }

    /// <summary>
    /// Fits every target column at once. <paramref name="ridge"/> is λ in
    /// <c>(ZᵀZ + λ·n·I)·W = Zᵀ(Y − Ȳ)</c>: with standardised features, λ = 1e-3 adds a thousandth
    /// of a feature's variance, enough to keep nearly collinear features (Linear's columns all
    /// ≈ p) solvable without bending the fit.
    /// </summary>
    public static LinearProbe Fit(IReadOnlyList<double[]> features, IReadOnlyList<double[]> targets, double ridge)
    {
        int p = features.Count, n = features[0].Length, t = targets.Count;
        var means = new double[p];
        var scales = new double[p];
        var z = new double[p][];
        for (int a = 0; a < p; a++)
        {
            means[a] = TensorPrimitives.Sum<double>(features[a]) / n;
            z[a] = new double[n];
            TensorPrimitives.Subtract(features[a], means[a], z[a]);
            double deviation = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(z[a]) / n);
            // A feature that does not vary on the training set carries nothing to fit.
            scales[a] = deviation > 1e-12 * (1 + Math.Abs(means[a])) ? 1 / deviation : 0;
            TensorPrimitives.Multiply(z[a], scales[a], z[a]);
        }

        var gram = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b <= a; b++) gram[a, b] = gram[b, a] = TensorPrimitives.Dot<double>(z[a], z[b]);
            gram[a, a] += ridge * n + (scales[a] == 0 ? 1 : 0);
        }

        var targetMeans = new double[t];
        var rhs = new double[p, t];
        var centred = new double[n];
        for (int j = 0; j < t; j++)
        {
            targetMeans[j] = TensorPrimitives.Sum<double>(targets[j]) / n;
            TensorPrimitives.Subtract(targets[j], targetMeans[j], centred);
            for (int a = 0; a < p; a++) rhs[a, j] = TensorPrimitives.Dot<double>(z[a], centred);
        }

        return new LinearProbe(means, scales, targetMeans, Cholesky.Solve(gram, rhs));
    }

    /// <summary>Predicts every target on other samples and returns the squared errors against their spread.</summary>
    public ProbeScore Score(IReadOnlyList<double[]> features, IReadOnlyList<double[]> targets)
    {
        int p = features.Count, n = features[0].Length, t = targets.Count;
        var z = new double[p][];
        for (int a = 0; a < p; a++)
        {
            z[a] = new double[n];
            TensorPrimitives.Subtract(features[a], _means[a], z[a]);
            TensorPrimitives.Multiply(z[a], _scales[a], z[a]);
        }

        var residual = new double[t];
        var total = new double[t];
        var prediction = new double[n];
        for (int j = 0; j < t; j++)
        {
            prediction.AsSpan().Fill(_targetMeans[j]);
            for (int a = 0; a < p; a++)
                if (_scales[a] != 0) TensorPrimitives.MultiplyAdd(z[a], _weights[a, j], prediction, prediction);
            TensorPrimitives.Subtract(targets[j], prediction, prediction);
            residual[j] = TensorPrimitives.SumOfSquares<double>(prediction);
            // R² against the held-out samples' own mean: predicting that mean scores 0.
            double mean = TensorPrimitives.Sum<double>(targets[j]) / n;
            TensorPrimitives.Subtract(targets[j], mean, prediction);
            total[j] = TensorPrimitives.SumOfSquares<double>(prediction);
        }
        return new ProbeScore(residual, total);
    }
}
