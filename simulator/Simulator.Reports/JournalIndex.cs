using Simulator.Core.Journal;

namespace Simulator.Reports;

/// <summary>
/// The journal read once and indexed the ways the reports look things up: each request's drafting, state changes
/// and refusal; each item's preservations, delivery and loss; injects, leads and ratings. Built from the journal
/// alone, so a recorded exercise gives the same report as the run that recorded it.
/// </summary>
public sealed class JournalIndex
{
    private readonly Dictionary<string, List<JournalEntry>> _stateChanges = [];
    private readonly Dictionary<string, List<JournalEntry>> _preservations = [];

    public JournalIndex(IReadOnlyList<JournalEntry> entries)
    {
        Entries = entries;
        foreach (var e in entries)
        {
            switch (e.Event)
            {
                case RequestDrafted d: Drafted[d.Request] = e; break;
                case RequestStateChanged c: Add(_stateChanges, c.Request, e); break;
                case RequestRefused r: Refused[r.Request] = e; break;
                case ReviewRecorded r when r.Unsupported.Count > 0: UnsupportedReviews.Add(e); break;
                case RequestScopeAssessed a when a.Excess.Count > 0: OverBroad.Add(e); break;
                case RequestNarrowed n: Narrowed[n.Request] = e; break;
                case AdmissibilityExamined x when x.Verdict != "admissible": NotAdmitted.Add(e); break;
                case RequestEscalated x: Escalated.TryAdd(x.Request, e); break;
                case DeadlineAtRisk: DeadlinesAtRisk.Add(e); break;
                case PreservationStateChanged p: Add(_preservations, p.Evidence, e); break;
                case EvidenceDelivered v: Delivered.TryAdd(v.Evidence, e); break;
                case EvidenceLost l: Lost.Add(e); break;
                case InjectDelivered or InjectSkipped: Injects.Add(e); break;
                case LeadDiscovered ld: LeadsDiscovered.TryAdd(ld.Lead, e); break;
                case ObjectiveRated o: Ratings[o.Objective] = e; break;
            }
        }
    }

    public IReadOnlyList<JournalEntry> Entries { get; }
    public Dictionary<string, JournalEntry> Drafted { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JournalEntry> Refused { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JournalEntry> Escalated { get; } = new(StringComparer.Ordinal);
    public List<JournalEntry> DeadlinesAtRisk { get; } = [];
    /// <summary>Reviews whose checklist confirmed what the facts do not support.</summary>
    public List<JournalEntry> UnsupportedReviews { get; } = [];
    /// <summary>Requests whose scope asked beyond what the facts support, and those a requested state narrowed.</summary>
    public List<JournalEntry> OverBroad { get; } = [];
    public Dictionary<string, JournalEntry> Narrowed { get; } = new(StringComparer.Ordinal);
    /// <summary>Secured items the trial at the end did not admit cleanly: under challenge or excluded.</summary>
    public List<JournalEntry> NotAdmitted { get; } = [];
    public Dictionary<string, JournalEntry> Delivered { get; } = new(StringComparer.Ordinal);
    public List<JournalEntry> Lost { get; } = [];
    public List<JournalEntry> Injects { get; } = [];
    public Dictionary<string, JournalEntry> LeadsDiscovered { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JournalEntry> Ratings { get; } = new(StringComparer.Ordinal);

    public RequestDrafted Draft(string request) => (RequestDrafted)Drafted[request].Event;

    public IReadOnlyList<JournalEntry> StateChanges(string request) => _stateChanges.GetValueOrDefault(request) ?? [];

    public IReadOnlyList<JournalEntry> PreservationChanges(string evidence) => _preservations.GetValueOrDefault(evidence) ?? [];

    /// <summary>The first change of <paramref name="request"/> into state <paramref name="to"/>, or null.</summary>
    public JournalEntry? FirstChangeTo(string request, string to) =>
        StateChanges(request).FirstOrDefault(e => ((RequestStateChanged)e.Event).To == to);

    /// <summary>Where the request stood just before event <paramref name="seq"/>: "draft" if it had not moved yet.</summary>
    public string StateBefore(string request, long seq)
    {
        var state = "draft";
        foreach (var e in StateChanges(request))
        {
            if (e.Sequence >= seq) break;
            state = ((RequestStateChanged)e.Event).To;
        }
        return state;
    }

    /// <summary>Requests drafted before event <paramref name="seq"/> that covered <paramref name="evidence"/>, oldest first.</summary>
    public IEnumerable<JournalEntry> RequestsCovering(string evidence, long seq) =>
        Drafted.Values.Where(e => e.Sequence < seq && ((RequestDrafted)e.Event).Evidence.Contains(evidence)).OrderBy(e => e.Sequence);

    public static bool IsClosed(string state) => state is "refused" or "nothing-found" or "delivered" or "withdrawn";

    private static void Add(Dictionary<string, List<JournalEntry>> map, string key, JournalEntry e)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(e);
    }
}
