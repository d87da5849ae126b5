using Simulator.Core.Evaluation;

namespace Simulator.Core.Decisions;

// What the evaluator decides (HSEEP): ratings and observations, at any time, the end included; and the hot wash,
// which every seat, the trainer and the evaluator contribute to. None of it changes what happens in the exercise.

/// <summary>The evaluator's decisions: their actor is always <see cref="Decision.Evaluator"/>.</summary>
public abstract record EvaluatorDecision() : Decision(Evaluator);

/// <summary>Rate a critical task of the evaluation guides, or an objective, on HSEEP's scale, with notes.</summary>
public sealed record RateTask(string Task, HseepRating Rating, string? Notes = null) : EvaluatorDecision
{
    public override string Describe() => $"evaluator rates {Task} {HseepRatings.Letter(Rating)}";
}

/// <summary>Record an observation, tied to journal events (their sequence numbers) and, if given, a task or objective.</summary>
public sealed record RecordObservation(string Text, IReadOnlyList<long> Events, string? Task = null) : EvaluatorDecision
{
    public override string Describe() => $"evaluator observes{(Task is null ? "" : $" on {Task}")}";

    public bool Equals(RecordObservation? other) =>
        other is not null && Text == other.Text && Task == other.Task && Events.SequenceEqual(other.Events);

    public override int GetHashCode() => HashCode.Combine(Text, Task, Events.Count);
}

/// <summary>A contribution to the hot wash: <see cref="Decision.Actor"/> is the seat, the trainer or the evaluator giving it.</summary>
public sealed record HotWash(string Actor, string? Strengths, string? Improvements) : Decision(Actor)
{
    public override string Describe() => $"{Actor} contributes to the hot wash";
}
