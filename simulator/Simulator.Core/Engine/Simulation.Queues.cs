using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Core.Engine;

/// <summary>
/// Where a received request stands before its review opens, and about when it will: what a seat waiting on its
/// office's queue is told. <see cref="Ahead"/> cases come first (priority ones before it, then those that arrived
/// earlier); <see cref="EstimatedStart"/> assumes no new priority case arrives.
/// </summary>
public sealed record QueueEstimate(string Office, int Ahead, int Officers, int Busy, DateTimeOffset EstimatedStart, string Reason);

public sealed partial class Simulation
{
    /// <summary>Where a received request waits for its review, and about when the review opens; null when it is not waiting.</summary>
    public QueueEstimate? EstimateQueue(RequestRecord r) => QueueEstimator()(r);

    /// <summary>
    /// Estimates for many requests at this moment (a view lists hundreds): each office's queue is played forward once,
    /// on first need, rather than once per request waiting in it, which made a view quadratic in the queue's length.
    /// The estimates are those <see cref="EstimateQueue"/> gives one by one.
    /// </summary>
    public Func<RequestRecord, QueueEstimate?> QueueEstimator()
    {
        var played = new Dictionary<string, Dictionary<RequestRecord, QueueEstimate>>(StringComparer.Ordinal);
        return r => Estimate(r, played);
    }

    private QueueEstimate? Estimate(RequestRecord r, Dictionary<string, Dictionary<RequestRecord, QueueEstimate>> played)
    {
        if (r.State != RequestState.Received) return null;
        if (r.ActiveOffice is { } taken)
        {
            // An officer has it: the review opens when the office does (or at once).
            var opens = Max(r.CaseStartsAt ?? Now, Now);
            return new QueueEstimate(taken.Id, 0, taken.Officers, taken.Busy, opens,
                opens > Now ? $"an officer has it; the office opens {JournalJson.Instant(opens)}" : "an officer is taking it up now");
        }
        var office = r.Office is { } id && _offices.TryGetValue(id, out var o) ? o : null;
        var queued = office?.Waiting.FindIndex(w => w.Request == r) ?? -1;
        if (office is null || queued < 0)
        {
            // Not at a desk yet: the backlog the requested side carries before a desk takes it (a central authority's).
            var desk = r.StepDueAt ?? Now;
            return new QueueEstimate(r.Office ?? "", 0, office?.Officers ?? 1, office?.Busy ?? 0, desk, $"in the requested side's backlog until about {JournalJson.Instant(desk)}");
        }
        if (!played.TryGetValue(office.Id, out var estimates)) played[office.Id] = estimates = PlayForward(office);
        return estimates[r];
    }

    /// <summary>Plays an office's queue forward: each officer takes the next case (priority first) when free and the office is open.</summary>
    private Dictionary<RequestRecord, QueueEstimate> PlayForward(Office office)
    {
        var free = new PriorityQueue<int, DateTimeOffset>();
        var ends = _requests.Where(x => x.ActiveOffice == office).Select(x => x.CaseEndsAt ?? Now).ToList();
        for (var i = 0; i < office.Officers; i++) free.Enqueue(i, i < ends.Count ? Max(ends[i], Now) : Now);
        var order = office.Waiting.Select((w, i) => (w, i)).OrderBy(x => x.w.Case.Priority ? 0 : 1).ThenBy(x => x.i).Select(x => x.w).ToList();
        DateTimeOffset Next(TimeSpan work)
        {
            free.TryDequeue(out var officer, out var at);
            var start = office.Calendar?.NextOpening(at) ?? at;
            free.Enqueue(officer, AnsweredAt(office, start, work));
            return start;
        }
        // A case's start does not depend on its own work, so one pass gives every case's start.
        var estimates = new Dictionary<RequestRecord, QueueEstimate>(ReferenceEqualityComparer.Instance);
        for (var ahead = 0; ahead < order.Count; ahead++)
            estimates[order[ahead].Request] = new QueueEstimate(office.Id, ahead, office.Officers, office.Busy, Next(order[ahead].Work),
                $"{ahead} case(s) ahead, {office.Busy} of {office.Officers} officer(s) busy");
        return estimates;
    }
}
