using Simulator.Planning.Runs;

namespace Simulator.Reports.Transparency;

/// <summary>
/// Durations for quantiles, in memory that does not grow with the number of runs: exact while there are few (a single
/// exercise's report matches its request table to the minute), counted in <see cref="DurationHistogram"/>'s
/// logarithmic bins (exact to about 2%) once there are more than <see cref="ExactUpTo"/>. Which of the two depends
/// only on the count, so merging in any order gives the same quantiles.
/// </summary>
public sealed class DurationSample
{
    public const int ExactUpTo = 256;
    private List<TimeSpan>? _exact = [];
    private DurationHistogram? _histogram;

    public long Count { get; private set; }

    public void Add(TimeSpan value)
    {
        Count++;
        if (_exact is null) { _histogram!.Add(value); return; }
        _exact.Add(value);
        if (_exact.Count > ExactUpTo) Spill();
    }

    public void Merge(DurationSample other)
    {
        if (other._exact is not null)
        {
            foreach (var v in other._exact) Add(v);
            return;
        }
        if (_exact is not null) Spill();
        _histogram!.Merge(other._histogram!);
        Count += other.Count;
    }

    /// <summary>The nearest-rank q-quantile (0..1): the smallest value with at least a share q of the values at or below it; null when empty.</summary>
    public TimeSpan? Quantile(double q)
    {
        if (Count == 0) return null;
        if (_exact is null) return _histogram!.Quantile(q);
        var sorted = _exact.Order().ToList();
        var rank = (int)Math.Max(1, Math.Ceiling(q * sorted.Count));
        return sorted[rank - 1];
    }

    private void Spill()
    {
        _histogram = new DurationHistogram();
        foreach (var v in _exact!) _histogram.Add(v);
        _exact = null;
    }
}
