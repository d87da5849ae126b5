using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum ProviderState
{
    Received,
    LegalCheck,
    Searching,
    Disclosed,
    NothingFound,
    Declined,
}

public enum ProviderTrigger
{
    Check,
    Accept,
    Decline,
    Found,
    NotFound,
}

/// <summary>
/// How a provider's law-enforcement response team handles an order or request: it checks it against its policy
/// and the law that binds it, declines what it need not answer, searches, and discloses or finds nothing.
/// </summary>
public sealed class ProviderHandling
{
    private readonly StateMachine<ProviderState, ProviderTrigger> _machine;

    public ProviderHandling(ProviderState initial = ProviderState.Received)
    {
        State = initial;
        _machine = new StateMachine<ProviderState, ProviderTrigger>(() => State, s => State = s);
        _machine.Configure(ProviderState.Received).Permit(ProviderTrigger.Check, ProviderState.LegalCheck);
        _machine.Configure(ProviderState.LegalCheck)
            .Permit(ProviderTrigger.Accept, ProviderState.Searching)
            .Permit(ProviderTrigger.Decline, ProviderState.Declined);
        _machine.Configure(ProviderState.Searching)
            .Permit(ProviderTrigger.Found, ProviderState.Disclosed)
            .Permit(ProviderTrigger.NotFound, ProviderState.NothingFound);
    }

    public ProviderState State { get; private set; }
    public void Fire(ProviderTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
