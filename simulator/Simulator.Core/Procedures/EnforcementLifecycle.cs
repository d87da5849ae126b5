using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum EnforcementState
{
    /// <summary>The issuing state has asked the enforcing state to enforce an order its addressee is in default of.</summary>
    Requested,
    /// <summary>The enforcing authority recognised the order and formally required the addressee to comply.</summary>
    Recognised,
    /// <summary>The enforcing authority did not recognise it: a ground held, or nothing was left to enforce.</summary>
    NotRecognised,
    /// <summary>The addressee did not comply once required and was given a pecuniary penalty.</summary>
    Penalised,
    /// <summary>The addressee answered once required, or once penalised.</summary>
    Complied,
    /// <summary>Nothing was left to enforce when the enforcing authority came to it: the addressee had answered on its own, or the order had ended otherwise.</summary>
    NotNeeded,
}

public enum EnforcementTrigger
{
    Recognise,
    Decline,
    Penalise,
    Comply,
    Moot,
}

/// <summary>
/// Enforcing an order whose addressee let the deadline pass (REG 2023/1543 Art. 16): asked of the enforcing state,
/// recognised or not (or found moot: the order answered or ended meanwhile); once recognised the addressee complies, or
/// is penalised (Art. 15) and complies then.
/// </summary>
public sealed class EnforcementLifecycle
{
    private readonly StateMachine<EnforcementState, EnforcementTrigger> _machine;

    public EnforcementLifecycle()
    {
        State = EnforcementState.Requested;
        _machine = new StateMachine<EnforcementState, EnforcementTrigger>(() => State, s => State = s);
        _machine.Configure(EnforcementState.Requested)
            .Permit(EnforcementTrigger.Recognise, EnforcementState.Recognised)
            .Permit(EnforcementTrigger.Decline, EnforcementState.NotRecognised)
            .Permit(EnforcementTrigger.Moot, EnforcementState.NotNeeded);
        _machine.Configure(EnforcementState.Recognised)
            .Permit(EnforcementTrigger.Penalise, EnforcementState.Penalised)
            .Permit(EnforcementTrigger.Comply, EnforcementState.Complied);
        _machine.Configure(EnforcementState.Penalised)
            .Permit(EnforcementTrigger.Comply, EnforcementState.Complied);
    }

    public EnforcementState State { get; private set; }
    public bool CanFire(EnforcementTrigger trigger) => _machine.CanFire(trigger);
    public void Fire(EnforcementTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
