using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum ConsentState
{
    /// <summary>The receiving state has asked; the giving state's central authority is considering it.</summary>
    Asked,
    Granted,
    Refused,
}

public enum ConsentTrigger
{
    Grant,
    Refuse,
}

/// <summary>
/// A request for consent to use evidence beyond the purpose it was given for (ETS185 Art. 28(2)(b); CETS 224
/// Art. 14): asked of the state that gave it, which grants or refuses it once. Only a granted consent makes the use lawful.
/// </summary>
public sealed class ConsentLifecycle
{
    private readonly StateMachine<ConsentState, ConsentTrigger> _machine;

    public ConsentLifecycle()
    {
        State = ConsentState.Asked;
        _machine = new StateMachine<ConsentState, ConsentTrigger>(() => State, s => State = s);
        _machine.Configure(ConsentState.Asked)
            .Permit(ConsentTrigger.Grant, ConsentState.Granted)
            .Permit(ConsentTrigger.Refuse, ConsentState.Refused);
    }

    public ConsentState State { get; private set; }
    public bool IsAnswered => State != ConsentState.Asked;
    public bool CanFire(ConsentTrigger trigger) => _machine.CanFire(trigger);
    public void Fire(ConsentTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
