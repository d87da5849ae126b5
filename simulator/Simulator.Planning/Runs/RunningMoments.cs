namespace Simulator.Planning.Runs;

/// <summary>
/// Mean and variance of a stream of values (Welford), mergeable across workers (Chan et al.), with a 95% confidence
/// interval for the mean with Student's t (tabled to 30 degrees of freedom, the Cornish-Fisher expansion beyond).
/// </summary>
public sealed class RunningMoments
{
    private double _mean, _m2;

    public long Count { get; private set; }
    public double Mean => _mean;
    public double Variance => Count < 2 ? 0 : _m2 / (Count - 1);

    public void Add(double x)
    {
        Count++;
        var delta = x - _mean;
        _mean += delta / Count;
        _m2 += delta * (x - _mean);
    }

    public void Merge(RunningMoments other)
    {
        if (other.Count == 0) return;
        var n = Count + other.Count;
        var delta = other._mean - _mean;
        _m2 += other._m2 + delta * delta * Count * other.Count / n;
        _mean += delta * other.Count / n;
        Count = n;
    }

    /// <summary>The 95% confidence interval of the mean; the mean itself when there are fewer than two values.</summary>
    public (double Low, double High) Interval95()
    {
        if (Count < 2) return (_mean, _mean);
        var half = TQuantile975(Count - 1) * Math.Sqrt(Variance / Count);
        return (_mean - half, _mean + half);
    }

    /// <summary>Whether the interval excludes zero: the change is more than run-to-run noise.</summary>
    public bool ExcludesZero
    {
        get
        {
            var (low, high) = Interval95();
            return Count >= 2 && (low > 0 || high < 0);
        }
    }

    // Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
    private static readonly double[] T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042];

    /// <summary>t(0.975, ν): the table to 30, then z + (z³+z)/4ν + (5z⁵+16z³+3z)/96ν² (within 0.001 of the exact value).</summary>
    public static double TQuantile975(long degrees)
    {
        if (degrees <= 30) return T975[degrees - 1];
        const double z = 1.959964;
        double n = degrees, z3 = z * z * z, z5 = z3 * z * z;
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n);
    }
}
