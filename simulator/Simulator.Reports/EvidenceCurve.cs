using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;

namespace Simulator.Reports;

/// <summary>How many items were secured, held under preservation (and not yet secured), and lost, from this instant on.</summary>
public sealed record EvidencePoint(DateTimeOffset At, int Secured, int Preserved, int Lost);

/// <summary>Evidence secured, preserved and lost over simulated time, as steps read from the journal.</summary>
public sealed record EvidenceCurve(int Evidence, IReadOnlyList<EvidencePoint> Points)
{
    private static readonly HashSet<string> Holding =
        [Names.Kebab(PreservationState.Active), Names.Kebab(PreservationState.Extended), Names.Kebab(PreservationState.Converted)];

    public static EvidenceCurve From(IReadOnlyList<JournalEntry> journal, DateTimeOffset start, int evidence)
    {
        var secured = new HashSet<string>(StringComparer.Ordinal);
        var lost = new HashSet<string>(StringComparer.Ordinal);
        var holding = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // evidence -> preservations holding it
        var points = new List<EvidencePoint> { new(start, 0, 0, 0) };
        foreach (var e in journal)
        {
            switch (e.Event)
            {
                case EvidenceDelivered d: secured.Add(d.Evidence); break;
                case EvidenceLost l: lost.Add(l.Evidence); break;
                case PreservationStateChanged p:
                    if (!holding.TryGetValue(p.Evidence, out var set)) holding[p.Evidence] = set = new(StringComparer.Ordinal);
                    if (Holding.Contains(p.To)) set.Add(p.Preservation); else set.Remove(p.Preservation);
                    break;
                default: continue;
            }
            var preserved = holding.Count(h => h.Value.Count > 0 && !secured.Contains(h.Key) && !lost.Contains(h.Key));
            var point = new EvidencePoint(e.At, secured.Count, preserved, lost.Count);
            var last = points[^1];
            if ((last.Secured, last.Preserved, last.Lost) == (point.Secured, point.Preserved, point.Lost)) continue;
            if (last.At == point.At) points[^1] = point; else points.Add(point);
        }
        return new EvidenceCurve(evidence, points);
    }
}
