using Simulator.Core.Journal;

namespace Simulator.Reports;

/// <summary>
/// One journal event cited by a report: its sequence number (the line in the journal), its simulated time, its
/// type and a one-line description, so a reader can find it in the journal and see what it says.
/// </summary>
public sealed record EventReference(long Seq, DateTimeOffset At, string Type, string Text)
{
    public static EventReference Of(JournalEntry entry) => new(entry.Sequence, entry.At, entry.Type, EventSummary.Of(entry.Event));
}
