using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum EscalationState
{
    Monitoring,
    AtRisk,
    Escalated,
    Met,
    Missed,
}

public enum EscalationTrigger
{
    Warn,
    Escalate,
    Meet,
    Miss,
}

/// <summary>
/// A deadline or retention clock being watched: at risk when most of the time is gone, escalated when someone
/// acts on the warning, and finally met or missed.
/// </summary>
public sealed class EscalationLifecycle
{
    private readonly StateMachine<EscalationState, EscalationTrigger> _machine;

    public EscalationLifecycle(EscalationState initial = EscalationState.Monitoring)
    {
        State = initial;
        _machine = new StateMachine<EscalationState, EscalationTrigger>(() => State, s => State = s);
        _machine.Configure(EscalationState.Monitoring)
            .Permit(EscalationTrigger.Warn, EscalationState.AtRisk)
            .Permit(EscalationTrigger.Escalate, EscalationState.Escalated)
            .Permit(EscalationTrigger.Meet, EscalationState.Met)
            .Permit(EscalationTrigger.Miss, EscalationState.Missed);
        _machine.Configure(EscalationState.AtRisk)
            .Permit(EscalationTrigger.Escalate, EscalationState.Escalated)
            .Permit(EscalationTrigger.Meet, EscalationState.Met)
            .Permit(EscalationTrigger.Miss, EscalationState.Missed);
        _machine.Configure(EscalationState.Escalated)
            .Permit(EscalationTrigger.Meet, EscalationState.Met)
            .Permit(EscalationTrigger.Miss, EscalationState.Missed);
    }

    public EscalationState State { get; private set; }
    public bool CanFire(EscalationTrigger trigger) => _machine.CanFire(trigger);
    public void Fire(EscalationTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
