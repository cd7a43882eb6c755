using System;

namespace Discussion.Probing;

/// <summary>Held-out squared errors and spreads of each target column of a <see cref="LinearProbe"/>.</summary>
public sealed class ProbeScore
{
    private readonly double[] _residual, _total;

    public ProbeScore(double[] residual, double[] total)
    {
        _residual = residual;
        _total = total;
    }

    /// <summary>1 − SS_res/SS_tot of one column: 1 is perfect, 0 is no better than the mean, below 0 is worse.</summary>
    public double R2(int column) => 1 - _residual[column] / _total[column];

    /// <summary>R² averaged over <paramref name="count"/> columns from <paramref name="first"/>.</summary>
    public double MeanR2(int first, int count)
    {
        double sum = 0;
        for (int j = first; j < first + count; j++) sum += R2(j);
        return sum / count;
    }

    /// <summary>1 − ΣSS_res/ΣSS_tot over every column: the share of the columns' total variance explained.</summary>
    public double PooledR2()
    {
        double residual = 0, total = 0;
        for (int j = 0; j < _residual.Length; j++)
        {
            residual += _residual[j];
            total += _total[j];
        }
        return 1 - residual / Math.Max(total, double.Epsilon);
    }
}
