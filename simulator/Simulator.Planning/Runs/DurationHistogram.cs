namespace Simulator.Planning.Runs;

/// <summary>
/// Durations counted in fixed logarithmic bins (1 minute to 20 years, 2% wide), so that quantiles over any number
/// of runs take the same small memory: a comparison of a million runs holds no more than one of ten. A quantile is
/// exact to within one bin (about 2%).
/// </summary>
public sealed class DurationHistogram
{
    private const double MinMinutes = 1, Growth = 1.02;
    private static readonly int Bins = (int)Math.Ceiling(Math.Log(20 * 365.25 * 24 * 60 / MinMinutes) / Math.Log(Growth)) + 2;
    private readonly long[] _counts = new long[Bins];

    public long Count { get; private set; }

    public void Add(TimeSpan value)
    {
        var minutes = Math.Max(value.TotalMinutes, 0);
        var bin = minutes < MinMinutes ? 0 : Math.Min(Bins - 1, 1 + (int)(Math.Log(minutes / MinMinutes) / Math.Log(Growth)));
        _counts[bin]++;
        Count++;
    }

    public void Merge(DurationHistogram other)
    {
        for (var i = 0; i < Bins; i++) _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The q-quantile (0..1), as the middle of the bin it falls in; null when empty.</summary>
    public TimeSpan? Quantile(double q)
    {
        if (Count == 0) return null;
        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < Bins; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(1, rank))
                // Whole minutes: the bin is 2% wide, so finer digits would only be noise.
                return i == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Round(MinMinutes * Math.Pow(Growth, i - 1) * Math.Sqrt(Growth)));
        }
        return null;
    }

    /// <summary>
    /// How many durations fall between consecutive <paramref name="edges"/> (ascending; the last bin is open): the
    /// coarse bins a report draws, from the fine ones (each fine bin counted where its middle falls).
    /// </summary>
    public IReadOnlyList<long> CountsIn(IReadOnlyList<TimeSpan> edges)
    {
        var counts = new long[edges.Count];
        for (var i = 0; i < Bins; i++)
        {
            if (_counts[i] == 0) continue;
            var middle = i == 0 ? 0 : MinMinutes * Math.Pow(Growth, i - 1) * Math.Sqrt(Growth);
            var bin = edges.Count - 1;
            while (bin > 0 && middle < edges[bin].TotalMinutes) bin--;
            counts[bin] += _counts[i];
        }
        return counts;
    }
}
