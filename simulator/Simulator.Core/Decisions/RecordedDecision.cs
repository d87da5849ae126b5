namespace Simulator.Core.Decisions;

/// <summary>
/// Where an exercise's journal stood after something happened: how many events it held and the hash of the last
/// one. The hash chain makes the head stand for every event before it, so two journals with the same mark agree on
/// every event up to it.
/// </summary>
public sealed record JournalMark(int Events, string Head);

/// <summary>
/// One decision of an exercise as it was taken: its number in the exercise (<see cref="Sequence"/>), its id (given
/// once by whoever took it, so that a store refuses the same decision twice when a call is retried), the simulated
/// time it was taken at, the decision, and where the journal stood once it was applied (<see cref="After"/>; null
/// for decisions stored before marks were kept). Replaying the decisions in order on the same scenario, catalogue,
/// seed and rules rebuilds the exercise's journal byte for byte (the core is deterministic).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RecordedDecisionJson))]
public sealed record RecordedDecision(long Sequence, string Id, DateTimeOffset At, Decision Decision, JournalMark? After = null)
{
    /// <summary>The id given to a decision stored before decisions carried one: unique within its exercise.</summary>
    public static string LegacyId(long sequence) => $"decision-{sequence}";

    public override string ToString() => Decision is TrainerDecision ? Decision.Describe() : $"{Decision.Actor}: {Decision.Describe()}";
}
