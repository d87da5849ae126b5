using Simulator.Core.Engine;

namespace Simulator.Core.Replay;

/// <summary>A trainer's change to a pending inject, as recorded.</summary>
public sealed record InjectChange(string Inject, DateTimeOffset? At = null, string? Title = null, string? Text = null);

/// <summary>
/// One decision of a live exercise as it was applied: at which simulated time, and what: a seat's command, or the
/// trainer firing or editing an inject. Exactly one of <see cref="Command"/>, <see cref="FireInject"/> and
/// <see cref="EditInject"/> is set. Replaying the decisions in order on the same scenario and seed rebuilds the
/// exercise's journal byte for byte (the core is deterministic).
/// </summary>
public sealed record RecordedDecision(long Sequence, DateTimeOffset At, Command? Command = null, string? FireInject = null, InjectChange? EditInject = null)
{
    public CommandResult ApplyTo(Simulation simulation) =>
        Command is not null ? simulation.Execute(Command)
        : FireInject is not null ? simulation.FireInjectNow(FireInject)
        : EditInject is not null ? simulation.EditInject(EditInject.Inject, EditInject.At, EditInject.Title, EditInject.Text)
        : CommandResult.Rejected($"decision {Sequence} records nothing to do");

    public override string ToString() =>
        Command is not null ? $"{Command.Actor}: {Describe(Command)}"
        : FireInject is not null ? $"trainer fires inject {FireInject}"
        : EditInject is not null ? $"trainer edits inject {EditInject.Inject}"
        : "nothing";

    private static string Describe(Command c) => c switch
    {
        SendRequest s => $"send {s.Instrument}{(s.Emergency ? " (emergency)" : "")} for {string.Join(", ", s.Evidence)}",
        AnswerRequest a => $"{Common.Names.Kebab(a.Answer)} {a.Request}{(a.Ground is null ? "" : $" ({a.Ground})")}",
        ProvideClarification p => $"clarify {p.Request}",
        ExtendPreservation e => $"extend {e.Preservation}",
        EscalateRequest e => $"escalate {e.Request}",
        WithdrawRequest w => $"withdraw {w.Request}",
        _ => c.GetType().Name,
    };
}
