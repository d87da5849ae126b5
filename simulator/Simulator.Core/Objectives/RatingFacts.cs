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
    public Dictionary<string, (DateTimeOffset At, EvidenceLost Loss)> Losses { get; } = new(StringComparer.Ordinal);
    /// <summary>Every loss, in journal order.</summary>
    public List<string> Lost { get; } = [];
    /// <summary>Per item, the earliest sent preservation request covering it.</summary>
    public Dictionary<string, (DateTimeOffset At, string Request, string Instrument)> PreservationSent { get; } = new(StringComparer.Ordinal);
    /// <summary>Per instrument, the earliest request sent with it.</summary>
    public Dictionary<string, (DateTimeOffset At, string Request)> InstrumentSent { get; } = new(StringComparer.Ordinal);
    /// <summary>Per item, when it was first preserved, and by which preservation.</summary>
    public Dictionary<string, (DateTimeOffset At, string Preservation)> Preserved { get; } = new(StringComparer.Ordinal);
    /// <summary>Per item, when it was first delivered, and through which request.</summary>
    public Dictionary<string, (DateTimeOffset At, string Request)> Delivered { get; } = new(StringComparer.Ordinal);
    /// <summary>Per inject, its first answer.</summary>
    public Dictionary<string, (DateTimeOffset At, InjectAnswered Answer)> Answered { get; } = new(StringComparer.Ordinal);

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
                Losses.TryAdd(l.Evidence, (e.At, l));
                Lost.Add(l.Evidence);
                break;
            case RequestDrafted d:
                _drafted[d.Request] = d;
                break;
            case RequestStateChanged { To: "sent" } s when _sent.Add(s.Request):
                var drafted = _drafted[s.Request];
                if (!InstrumentSent.TryGetValue(drafted.Instrument, out var used) || e.At < used.At) InstrumentSent[drafted.Instrument] = (e.At, s.Request);
                if (catalogue[drafted.Instrument].Purpose == InstrumentPurpose.Preservation)
                    foreach (var item in drafted.Evidence)
                        if (!PreservationSent.TryGetValue(item, out var first) || e.At < first.At) PreservationSent[item] = (e.At, s.Request, drafted.Instrument);
                break;
            case PreservationStateChanged { To: "active" } p:
                Preserved.TryAdd(p.Evidence, (e.At, p.Preservation));
                break;
            case EvidenceDelivered d:
                Delivered.TryAdd(d.Evidence, (e.At, d.Request));
                break;
            case InjectAnswered a:
                Answered.TryAdd(a.Inject, (e.At, a));
                break;
        }
    }
}
