namespace Simulator.Core.Journal;

/// <summary>One line of the journal: the typed event, and the exact bytes that were hashed and written.</summary>
public sealed record JournalEntry(long Sequence, DateTimeOffset At, JournalEvent Event, string Hash, byte[] Line)
{
    public string Type => Event.GetType().Name;
}
