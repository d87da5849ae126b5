using Simulator.Core.Catalogue;
using Simulator.Core.Journal;

namespace Simulator.Core.Objectives;

/// <summary>
/// What the objective rater reads from a journal, folded in one entry at a time: the first time each thing a measure
/// looks for happened. A finished journal is folded once; a live exercise's views fold only the entries appended
/// since the last view, so rating the objectives does not grow with the journal. Earliest by simulated time, the
/// earlier entry winning a tie, as the rater has always chosen.
/// </summary>
public sealed class RatingFacts(InstrumentCatalogue catalogue)
{
    private readonly Dictionary<string, RequestDrafted> _drafted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    /// <summary>How many journal entries have been folded in.</summary>
    public int Folded { get; private set; }
    /// <summary>Each item's first loss.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, EvidenceLost Loss)> Losses => _losses;
    private readonly Dictionary<string, (DateTimeOffset At, EvidenceLost Loss)> _losses = new(StringComparer.Ordinal);
    /// <summary>Every loss, in journal order.</summary>
    public IReadOnlyList<string> Lost => _lost;
    private readonly List<string> _lost = [];
    /// <summary>Per item, the earliest sent preservation request covering it.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, string Request, string Instrument)> PreservationSent => _preservationSent;
    private readonly Dictionary<string, (DateTimeOffset At, string Request, string Instrument)> _preservationSent = new(StringComparer.Ordinal);
    /// <summary>Per instrument, the earliest request sent with it.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, string Request)> InstrumentSent => _instrumentSent;
    private readonly Dictionary<string, (DateTimeOffset At, string Request)> _instrumentSent = new(StringComparer.Ordinal);
    /// <summary>Per item, when it was first preserved, and by which preservation.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, string Preservation)> Preserved => _preserved;
    private readonly Dictionary<string, (DateTimeOffset At, string Preservation)> _preserved = new(StringComparer.Ordinal);
    /// <summary>Per item, when it was first delivered, and through which request.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, string Request)> Delivered => _delivered;
    private readonly Dictionary<string, (DateTimeOffset At, string Request)> _delivered = new(StringComparer.Ordinal);
    /// <summary>Per inject, its first answer.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, InjectAnswered Answer)> Answered => _answered;
    private readonly Dictionary<string, (DateTimeOffset At, InjectAnswered Answer)> _answered = new(StringComparer.Ordinal);

    /// <summary>Each request that asked beyond what its facts support, with its evidence and what exceeded the need, in journal order.</summary>
    public IReadOnlyList<(string Request, IReadOnlyList<string> Evidence, IReadOnlyList<string> Excess)> OverBroad => _overBroad;
    private readonly List<(string Request, IReadOnlyList<string> Evidence, IReadOnlyList<string> Excess)> _overBroad = [];
    /// <summary>The requests a requested state narrowed to what the facts support.</summary>
    public IReadOnlySet<string> Narrowed => _narrowed;
    private readonly HashSet<string> _narrowed = new(StringComparer.Ordinal);
    /// <summary>The trial's verdict on each secured item, where the trial was held.</summary>
    public IReadOnlyDictionary<string, AdmissibilityExamined> Verdicts => _verdicts;
    private readonly Dictionary<string, AdmissibilityExamined> _verdicts = new(StringComparer.Ordinal);

    /// <summary>Each use of an item beyond its purpose, and each violation among them, in journal order.</summary>
    public IReadOnlyList<EvidenceUsed> Uses => _uses;
    private readonly List<EvidenceUsed> _uses = [];
    public IReadOnlyList<PurposeViolated> Violations => _violations;
    private readonly List<PurposeViolated> _violations = [];

    public static RatingFacts Of(InstrumentCatalogue catalogue, IReadOnlyList<JournalEntry> journal) => new RatingFacts(catalogue).FoldUpTo(journal);

    /// <summary>Folds in the entries of <paramref name="journal"/> (the same journal, grown) not folded in yet.</summary>
    public RatingFacts FoldUpTo(IReadOnlyList<JournalEntry> journal)
    {
        for (; Folded < journal.Count; Folded++) Fold(journal[Folded]);
        return this;
    }

    private void Fold(JournalEntry e)
    {
        switch (e.Event)
        {
            case EvidenceLost l:
                _losses.TryAdd(l.Evidence, (e.At, l));
                _lost.Add(l.Evidence);
                break;
            case RequestDrafted d:
                _drafted[d.Request] = d;
                break;
            case RequestStateChanged { To: "sent" } s when _sent.Add(s.Request):
                var drafted = _drafted[s.Request];
                if (!_instrumentSent.TryGetValue(drafted.Instrument, out var used) || e.At < used.At) _instrumentSent[drafted.Instrument] = (e.At, s.Request);
                if (catalogue[drafted.Instrument].Purpose == InstrumentPurpose.Preservation)
                    foreach (var item in drafted.Evidence)
                        if (!_preservationSent.TryGetValue(item, out var first) || e.At < first.At) _preservationSent[item] = (e.At, s.Request, drafted.Instrument);
                break;
            case PreservationStateChanged { To: "active" } p:
                _preserved.TryAdd(p.Evidence, (e.At, p.Preservation));
                break;
            case EvidenceDelivered d:
                _delivered.TryAdd(d.Evidence, (e.At, d.Request));
                break;
            case InjectAnswered a:
                _answered.TryAdd(a.Inject, (e.At, a));
                break;
            case RequestScopeAssessed s when s.Excess.Count > 0:
                _overBroad.Add((s.Request, _drafted[s.Request].Evidence, s.Excess));
                break;
            case RequestNarrowed n:
                _narrowed.Add(n.Request);
                break;
            case AdmissibilityExamined x:
                _verdicts[x.Evidence] = x;
                break;
            case EvidenceUsed u:
                _uses.Add(u);
                break;
            case PurposeViolated v:
                _violations.Add(v);
                break;
        }
    }
}
