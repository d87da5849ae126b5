using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum InformingState
{
    /// <summary>The data were produced: the person whose data they are is to be told without undue delay.</summary>
    Due,
    /// <summary>The issuing authority delays telling them, with its reasons in the case file.</summary>
    Delayed,
    /// <summary>The person has been told, with the remedies open to them.</summary>
    Informed,
}

public enum InformingTrigger
{
    Delay,
    Inform,
}

/// <summary>
/// Telling the person whose data an order obtained (REG 2023/1543 Art. 13): due once the data are produced; informed,
/// or delayed with reasons and informed later.
/// </summary>
public sealed class InformingLifecycle
{
    private readonly StateMachine<InformingState, InformingTrigger> _machine;

    public InformingLifecycle()
    {
        State = InformingState.Due;
        _machine = new StateMachine<InformingState, InformingTrigger>(() => State, s => State = s);
        _machine.Configure(InformingState.Due)
            .Permit(InformingTrigger.Delay, InformingState.Delayed)
            .Permit(InformingTrigger.Inform, InformingState.Informed);
        _machine.Configure(InformingState.Delayed)
            .Permit(InformingTrigger.Inform, InformingState.Informed);
    }

    public InformingState State { get; private set; }
    public bool CanFire(InformingTrigger trigger) => _machine.CanFire(trigger);
    public void Fire(InformingTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
