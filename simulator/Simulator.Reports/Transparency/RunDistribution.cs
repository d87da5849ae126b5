using Simulator.Planning.Runs;

namespace Simulator.Reports.Transparency;

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
/// Streaming per-run values (counts, or amounts rounded to whole units): running mean and variance
/// (<see cref="RunningMoments"/>) and a count per value, so quantiles and histograms are exact and memory grows only with the number
/// of distinct values, not of runs.
/// </summary>
public sealed class RunDistribution(string measure, string unit)
{
    private readonly SortedDictionary<long, long> _counts = [];
    private readonly RunningMoments _moments = new();

    public string Measure { get; } = measure;
    public string Unit { get; } = unit;
    public long Runs { get; private set; }

    public void Add(double value)
    {
        Runs++;
        _moments.Add(value);
        var key = (long)Math.Round(value);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    public void Merge(RunDistribution other)
    {
        if (other.Runs == 0) return;
        Runs += other.Runs;
        _moments.Merge(other._moments);
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

    public RunDistributionFigures Figures() => new(Measure, Unit, Runs, Math.Round(_moments.Mean, 4),
        Math.Round(Math.Sqrt(_moments.Variance), 4),
        Runs == 0 ? 0 : _counts.Keys.First(), Quantile(0.5), Quantile(0.9), Runs == 0 ? 0 : _counts.Keys.Last(), Bins());
}
