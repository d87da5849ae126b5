using Simulator.Core.Communications;

namespace Simulator.Core.Decisions;

// What the trainer decides that changes what happens: injects fired off the timeline or edited before they fall
// due, and the end of the exercise. (The clock's controls are not decisions: they move time, and a replay reproduces them by applying each
// decision at its simulated time.)

/// <summary>The trainer's decisions: their actor is always <see cref="Decision.Trainer"/>.</summary>
public abstract record TrainerDecision() : Decision(Trainer);

/// <summary>Deliver an inject now, off the timeline (an on-demand inject, or a scripted one early).</summary>
public sealed record FireInject(string Inject) : TrainerDecision
{
    public override string Describe() => $"trainer fires inject {Inject}";
}

/// <summary>Hand a trainee's seat to the engine for now: the exercise's policy plays it until the trainer gives it back.</summary>
public sealed record HandSeatToEngine(string Seat) : TrainerDecision
{
    public override string Describe() => $"trainer hands {Seat} to the engine";
}

/// <summary>Give a seat the engine has been playing back to its trainee.</summary>
public sealed record GiveSeatBack(string Seat) : TrainerDecision
{
    public override string Describe() => $"trainer gives {Seat} back to its trainee";
}

/// <summary>
/// End the exercise now: the clock stops for good, the objectives are rated for the last time and the journal says
/// the trainer ended it (and why, when given), so that the reports are final.
/// </summary>
public sealed record EndExercise(string? Reason = null) : TrainerDecision
{
    public override string Describe() => "trainer ends the exercise";
}

/// <summary>
/// Change a pending inject: a new time, title, text, recipients (states or seats) or expected action (null keeps
/// the current one; an empty expected action removes it).
/// </summary>
public sealed record EditInject(string Inject, DateTimeOffset? At = null, string? Title = null, string? Text = null,
    IReadOnlyList<string>? To = null, string? ExpectedAction = null) : TrainerDecision
{
    public override string Describe() => $"trainer edits inject {Inject}";

    public bool Equals(EditInject? other) => other is not null && Inject == other.Inject && At == other.At && Title == other.Title && Text == other.Text
        && ExpectedAction == other.ExpectedAction && (To ?? []).SequenceEqual(other.To ?? []) && (To is null) == (other.To is null);

    public override int GetHashCode() => HashCode.Combine(Inject, At, Title, Text, ExpectedAction);
}

/// <summary>
/// Add an inject to the MSEL while the exercise runs (an ad-hoc inject): delivered at <see cref="At"/> (now when
/// null) to its recipients, with an expected action for the debrief if given. It informs; it changes nothing in the world.
/// </summary>
public sealed record AddInject(string Title, string Text, IReadOnlyList<string> To, string? ExpectedAction = null, DateTimeOffset? At = null) : TrainerDecision
{
    public override string Describe() => $"trainer adds inject {Title}";

    public bool Equals(AddInject? other) => other is not null && Title == other.Title && Text == other.Text && ExpectedAction == other.ExpectedAction
        && At == other.At && To.SequenceEqual(other.To);

    public override int GetHashCode() => HashCode.Combine(Title, Text, At, To.Count);
}

/// <summary>
/// The trainer writes as the simulation cell: as an office no trainee holds, a provider's desk, or an actor outside
/// the table (a newsdesk, a ministry, the victim), to a seat or an office.
/// </summary>
public sealed record SendMessageAs(string From, string To, MessageChannel Channel, string Text, string? Subject = null) : TrainerDecision
{
    public override string Describe() => $"trainer writes as {From} to {To}";
}
