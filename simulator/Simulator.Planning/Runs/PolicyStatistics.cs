using Simulator.Core.Engine;

namespace Simulator.Planning.Runs;

/// <summary>A procedural gap: where evidence was lost, or where time went, with its cost per run.</summary>
public sealed record ProceduralGap(string Kind, string Where, double ItemsLostPerRun, double DaysPerRun, string Example);

/// <summary>How often one evidence item ended each way across the runs (shares of runs).</summary>
public sealed record ItemRate(string Evidence, string Holder, double Secured, double Lost, double Refused);

/// <summary>One policy's results over many runs, aggregated as they stream in (nothing per run is kept).</summary>
public sealed partial class PolicyStatistics(string policy)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\breq-\d+ ")]
    private static partial System.Text.RegularExpressions.Regex RequestNumber();

    public string Policy { get; } = policy;
    public int Runs { get; private set; }
    public long Evidence { get; private set; }
    public long Secured { get; private set; }
    /// <summary>Secured items the trial at the end found admissible, without a challenge open against them.</summary>
    public long SecuredAndAdmissible { get; private set; }
    public long Preserved { get; private set; }
    public long Lost { get; private set; }
    public long Refused { get; private set; }
    public DurationHistogram TimeToPreservation { get; } = new();
    public DurationHistogram TimeToEvidence { get; } = new();
    /// <summary>The rights figures per run: over-broad and narrowed requests, records beyond the need and of third parties.</summary>
    public RightsStatistics Rights { get; } = new();
    /// <summary>Secured share per run, for the spread across runs.</summary>
    private readonly RunningMoments _share = new();
    private readonly RunningMoments _admissibleShare = new();
    private readonly Dictionary<string, ItemTally> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Items, string Example)> _losses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _waitingDays = new(StringComparer.Ordinal);

    public double SecuredShare => Evidence == 0 ? 0 : (double)Secured / Evidence;

    /// <summary>The 95% confidence interval of the mean secured share per run (Student's t, see <see cref="RunningMoments"/>).</summary>
    public (double Low, double High) SecuredShareInterval()
    {
        var (low, high) = _share.Interval95();
        return (Math.Max(0, low), Math.Min(1, high));
    }

    public double MeanSecuredShare => _share.Mean;

    /// <summary>The headline beside the secured share: the share of evidence secured and admissible, with its 95% interval per run.</summary>
    public double SecuredAndAdmissibleShare => Evidence == 0 ? 0 : (double)SecuredAndAdmissible / Evidence;

    public (double Low, double High) SecuredAndAdmissibleShareInterval()
    {
        var (low, high) = _admissibleShare.Interval95();
        return (Math.Max(0, low), Math.Min(1, high));
    }

    /// <summary>How often each evidence item ended secured, lost or refused, in the scenario's order of first sight.</summary>
    public IReadOnlyList<ItemRate> Items => _items.Values.OrderBy(i => i.Order).ThenBy(i => i.Evidence, StringComparer.Ordinal)
        .Select(i => new ItemRate(i.Evidence, i.Holder, (double)i.Secured / Runs, (double)i.Lost / Runs, (double)i.Refused / Runs)).ToList();

    public void Add(SimulationOutcome o)
    {
        Runs++;
        Evidence += o.Summary.Evidence;
        Secured += o.Summary.Secured;
        SecuredAndAdmissible += o.Summary.SecuredAndAdmissible;
        Preserved += o.Summary.Preserved;
        Lost += o.Summary.Lost;
        Refused += o.Summary.Refused;
        _share.Add(o.Summary.Evidence == 0 ? 0 : (double)o.Summary.Secured / o.Summary.Evidence);
        _admissibleShare.Add(o.Summary.Evidence == 0 ? 0 : (double)o.Summary.SecuredAndAdmissible / o.Summary.Evidence);
        Rights.Add(o.Rights);
        for (var k = 0; k < o.Evidence.Count; k++)
        {
            var e = o.Evidence[k];
            if (!_items.TryGetValue(e.Evidence, out var item)) _items[e.Evidence] = item = new ItemTally(e.Evidence, e.Holder, k);
            item.Count(e.Status);
            if (e.TimeToPreservation is { } p) TimeToPreservation.Add(p);
            if (e.TimeToEvidence is { } t) TimeToEvidence.Add(t);
            if (e.Status == "lost")
            {
                // Request numbers differ from run to run: the stage without them is the same gap.
                var stage = RequestNumber().Replace(e.Stage ?? "no request sent", "");
                var key = $"{stage} | {e.Holder} ({e.StoredIn})";
                _losses[key] = _losses.TryGetValue(key, out var l) ? (l.Items + 1, First(l.Example, $"{e.Evidence}: {e.Reason}")) : (1, $"{e.Evidence}: {e.Reason}");
            }
        }
        foreach (var w in o.TimeByStage)
        {
            var key = $"{w.Stage} | {w.Authority}";
            _waitingDays[key] = _waitingDays.GetValueOrDefault(key) + w.Total.TotalDays;
        }
    }

    /// <summary>The example kept for a gap: the first in ordinal order, so that it does not depend on which worker merged first.</summary>
    private static string First(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    public void Merge(PolicyStatistics other)
    {
        if (other.Runs == 0) return;
        _share.Merge(other._share);
        _admissibleShare.Merge(other._admissibleShare);
        Rights.Merge(other.Rights);
        SecuredAndAdmissible += other.SecuredAndAdmissible;
        Runs += other.Runs;
        foreach (var (id, theirs) in other._items)
        {
            if (!_items.TryGetValue(id, out var mine)) _items[id] = mine = new ItemTally(id, theirs.Holder, theirs.Order);
            mine.Add(theirs);
        }
        Evidence += other.Evidence; Secured += other.Secured; Preserved += other.Preserved; Lost += other.Lost; Refused += other.Refused;
        TimeToPreservation.Merge(other.TimeToPreservation);
        TimeToEvidence.Merge(other.TimeToEvidence);
        foreach (var (k, v) in other._losses)
            _losses[k] = _losses.TryGetValue(k, out var l) ? (l.Items + v.Items, First(l.Example, v.Example)) : v;
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

    private sealed class ItemTally(string evidence, string holder, int order)
    {
        public string Evidence { get; } = evidence;
        public string Holder { get; } = holder;
        public int Order { get; } = order;
        public long Secured, Lost, Refused;

        public void Count(string status)
        {
            if (status == "secured") Secured++;
            else if (status == "lost") Lost++;
            else if (status == "refused") Refused++;
        }

        public void Add(ItemTally other) { Secured += other.Secured; Lost += other.Lost; Refused += other.Refused; }
    }
}
