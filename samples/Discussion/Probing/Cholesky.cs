using System;
using System.Numerics.Tensors;

namespace Discussion.Probing;

/// <summary>Solves <c>A·X = B</c> for a symmetric positive definite <c>A</c> (the ridge normal equations).</summary>
public static class Cholesky
{
    /// <summary>Returns X; <paramref name="a"/> is <c>[p × p]</c>, <paramref name="b"/> is <c>[p × columns]</c>.</summary>
    public static double[,] Solve(double[,] a, double[,] b)
    {
        int p = a.GetLength(0), columns = b.GetLength(1);
        // Lower factor row by row (row-major, so the inner products are contiguous spans).
        var lower = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            ReadOnlySpan<double> rowI = lower.AsSpan(i * p, i);
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j] - TensorPrimitives.Dot(rowI[..j], lower.AsSpan(j * p, j));
                if (i == j)
                {
                    if (!(sum > 0)) throw new InvalidOperationException("normal equations not positive definite");
                    lower[i * p + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i * p + j] = sum / lower[j * p + j];
                }
            }
        }

        var x = new double[p, columns];
        var y = new double[p];
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < p; i++)
            {
                double sum = b[i, c];
                for (int k = 0; k < i; k++) sum -= lower[i * p + k] * y[k];
                y[i] = sum / lower[i * p + i];
            }
            for (int i = p - 1; i >= 0; i--)
            {
                double sum = y[i];
                for (int k = i + 1; k < p; k++) sum -= lower[k * p + i] * x[k, c];
                x[i, c] = sum / lower[i * p + i];
            }
        }
        return x;
    }
}
