using Simulator.Core.Engine;

namespace Simulator.Scenarios.Planning;

/// <summary>A procedural gap: where evidence was lost, or where time went, with its cost per run.</summary>
public sealed record ProceduralGap(string Kind, string Where, double ItemsLostPerRun, double DaysPerRun, string Example);

/// <summary>One policy's results over many runs, aggregated as they stream in (nothing per run is kept).</summary>
public sealed partial class PolicyStatistics(string policy)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\breq-\d+ ")]
    private static partial System.Text.RegularExpressions.Regex RequestNumber();

    public string Policy { get; } = policy;
    public int Runs { get; private set; }
    public long Evidence { get; private set; }
    public long Secured { get; private set; }
    public long Preserved { get; private set; }
    public long Lost { get; private set; }
    public long Refused { get; private set; }
    public DurationHistogram TimeToPreservation { get; } = new();
    public DurationHistogram TimeToEvidence { get; } = new();
    /// <summary>Secured share per run, for the spread across runs (mean and variance, Welford).</summary>
    private double _shareMean, _shareM2;
    private readonly Dictionary<string, (long Items, string Example)> _losses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _waitingDays = new(StringComparer.Ordinal);

    public double SecuredShare => Evidence == 0 ? 0 : (double)Secured / Evidence;

    /// <summary>The 95% confidence interval of the mean secured share per run (normal approximation).</summary>
    public (double Low, double High) SecuredShareInterval()
    {
        if (Runs < 2) return (_shareMean, _shareMean);
        var half = 1.96 * Math.Sqrt(_shareM2 / (Runs - 1) / Runs);
        return (Math.Max(0, _shareMean - half), Math.Min(1, _shareMean + half));
    }

    public double MeanSecuredShare => _shareMean;

    public void Add(SimulationOutcome o)
    {
        Runs++;
        Evidence += o.Summary.Evidence;
        Secured += o.Summary.Secured;
        Preserved += o.Summary.Preserved;
        Lost += o.Summary.Lost;
        Refused += o.Summary.Refused;
        var share = o.Summary.Evidence == 0 ? 0 : (double)o.Summary.Secured / o.Summary.Evidence;
        var delta = share - _shareMean;
        _shareMean += delta / Runs;
        _shareM2 += delta * (share - _shareMean);
        foreach (var e in o.Evidence)
        {
            if (e.TimeToPreservation is { } p) TimeToPreservation.Add(p);
            if (e.TimeToEvidence is { } t) TimeToEvidence.Add(t);
            if (e.Status == "lost")
            {
                // Request numbers differ from run to run: the stage without them is the same gap.
                var stage = RequestNumber().Replace(e.Stage ?? "no request sent", "");
                var key = $"{stage} | {e.Holder} ({e.StoredIn})";
                _losses[key] = _losses.TryGetValue(key, out var l) ? (l.Items + 1, l.Example) : (1, $"{e.Evidence}: {e.Reason}");
            }
        }
        foreach (var w in o.TimeByStage)
        {
            var key = $"{w.Stage} | {w.Authority}";
            _waitingDays[key] = _waitingDays.GetValueOrDefault(key) + w.Total.TotalDays;
        }
    }

    public void Merge(PolicyStatistics other)
    {
        if (other.Runs == 0) return;
        // Combine the running means and variances (Chan et al.).
        var n = Runs + other.Runs;
        var delta = other._shareMean - _shareMean;
        _shareM2 += other._shareM2 + delta * delta * Runs * other.Runs / n;
        _shareMean += delta * other.Runs / n;
        Runs = n;
        Evidence += other.Evidence; Secured += other.Secured; Preserved += other.Preserved; Lost += other.Lost; Refused += other.Refused;
        TimeToPreservation.Merge(other.TimeToPreservation);
        TimeToEvidence.Merge(other.TimeToEvidence);
        foreach (var (k, v) in other._losses)
            _losses[k] = _losses.TryGetValue(k, out var l) ? (l.Items + v.Items, l.Example) : v;
        foreach (var (k, v) in other._waitingDays) _waitingDays[k] = _waitingDays.GetValueOrDefault(k) + v;
    }

    /// <summary>
    /// The gaps, costliest first: where items were lost (items per run), then where requests waited longest (days
    /// per run). A planner reads the top of the list as "fix this first".
    /// </summary>
    public IReadOnlyList<ProceduralGap> Gaps(int top = 10)
    {
        if (Runs == 0) return [];
        var losses = _losses.Select(l => new ProceduralGap("evidence lost", l.Key, (double)l.Value.Items / Runs, 0, l.Value.Example))
            .OrderByDescending(g => g.ItemsLostPerRun).ThenBy(g => g.Where, StringComparer.Ordinal);
        var waits = _waitingDays.Select(w => new ProceduralGap("time spent", w.Key, 0, w.Value / Runs, ""))
            .OrderByDescending(g => g.DaysPerRun).ThenBy(g => g.Where, StringComparer.Ordinal);
        return losses.Take(top).Concat(waits.Take(top)).ToList();
    }
}
