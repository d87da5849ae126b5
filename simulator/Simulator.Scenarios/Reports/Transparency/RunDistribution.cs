namespace Simulator.Scenarios.Reports.Transparency;

/// <summary>A bin of a distribution across runs: how many runs had a value in [Low, High].</summary>
public sealed record DistributionBin(double Low, double High, long Runs);

/// <summary>One per-run measure across many runs: mean and spread, quantiles, and a histogram.</summary>
public sealed record RunDistributionFigures(
    string Measure,
    string Unit,
    long Runs,
    double Mean,
    double StandardDeviation,
    double Min,
    double Median,
    double P90,
    double Max,
    IReadOnlyList<DistributionBin> Bins);

/// <summary>
/// Streaming per-run values (counts, or amounts rounded to whole units): running mean and variance (Welford, merged
/// as Chan et al.) and a count per value, so quantiles and histograms are exact and memory grows only with the number
/// of distinct values, not of runs.
/// </summary>
public sealed class RunDistribution(string measure, string unit)
{
    private readonly SortedDictionary<long, long> _counts = [];
    private double _mean, _m2;

    public string Measure { get; } = measure;
    public string Unit { get; } = unit;
    public long Runs { get; private set; }

    public void Add(double value)
    {
        Runs++;
        var delta = value - _mean;
        _mean += delta / Runs;
        _m2 += delta * (value - _mean);
        var key = (long)Math.Round(value);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    public void Merge(RunDistribution other)
    {
        if (other.Runs == 0) return;
        var n = Runs + other.Runs;
        var delta = other._mean - _mean;
        _m2 += other._m2 + delta * delta * Runs * other.Runs / n;
        _mean += delta * other.Runs / n;
        Runs = n;
        foreach (var (k, v) in other._counts) _counts[k] = _counts.GetValueOrDefault(k) + v;
    }

    public double Quantile(double q)
    {
        if (Runs == 0) return 0;
        var rank = (long)Math.Max(1, Math.Ceiling(q * Runs));
        long seen = 0;
        foreach (var (k, v) in _counts)
        {
            seen += v;
            if (seen >= rank) return k;
        }
        return _counts.Keys.Last();
    }

    /// <summary>One bin per whole value when there are few, else at most <paramref name="maxBins"/> equal whole-number bins.</summary>
    public IReadOnlyList<DistributionBin> Bins(int maxBins = 20)
    {
        if (Runs == 0) return [];
        long min = _counts.Keys.First(), max = _counts.Keys.Last();
        var width = Math.Max(1, (long)Math.Ceiling((max - min + 1) / (double)maxBins));
        var bins = new List<DistributionBin>();
        for (var low = min; low <= max; low += width)
        {
            var high = low + width - 1;
            bins.Add(new DistributionBin(low, high, _counts.Where(c => c.Key >= low && c.Key <= high).Sum(c => c.Value)));
        }
        return bins;
    }

    public RunDistributionFigures Figures() => new(Measure, Unit, Runs, Math.Round(_mean, 4),
        Math.Round(Runs < 2 ? 0 : Math.Sqrt(_m2 / (Runs - 1)), 4),
        Runs == 0 ? 0 : _counts.Keys.First(), Quantile(0.5), Quantile(0.9), Runs == 0 ? 0 : _counts.Keys.Last(), Bins());
}
