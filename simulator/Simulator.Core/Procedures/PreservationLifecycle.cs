using Stateless;
using Stateless.Graph;

namespace Simulator.Core.Procedures;

public enum PreservationState
{
    Requested,
    Active,
    Extended,
    Converted,
    Lapsed,
    Released,
}

public enum PreservationTrigger
{
    Confirm,
    Extend,
    Convert,
    Lapse,
    Release,
}

/// <summary>
/// A preservation at a holder: active once confirmed, extendable while extensions remain, kept alive by a
/// production request for the same data (converted), and lapsing at its end otherwise. Periods come from the
/// instrument (Budapest Art. 29(7), REG Art. 11, 18 USC 2703(f)).
/// </summary>
public sealed class PreservationLifecycle
{
    private readonly StateMachine<PreservationState, PreservationTrigger> _machine;

    public PreservationLifecycle(int maxExtensions, PreservationState initial = PreservationState.Requested)
    {
        MaxExtensions = maxExtensions;
        State = initial;
        _machine = new StateMachine<PreservationState, PreservationTrigger>(() => State, s => State = s);
        Configure();
    }

    public PreservationState State { get; private set; }
    public int MaxExtensions { get; }
    public int Extensions { get; private set; }
    public bool Holds => State is PreservationState.Active or PreservationState.Extended or PreservationState.Converted;
    public bool CanExtend => _machine.CanFire(PreservationTrigger.Extend);

    public bool CanFire(PreservationTrigger trigger) => _machine.CanFire(trigger);
    public void Fire(PreservationTrigger trigger) => _machine.Fire(trigger);
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private void CountExtension() => Extensions++;
    private bool ExtensionsLeft() => Extensions < MaxExtensions;

    private void Configure()
    {
        _machine.Configure(PreservationState.Requested)
            .Permit(PreservationTrigger.Confirm, PreservationState.Active);
        _machine.Configure(PreservationState.Active)
            .PermitIf(PreservationTrigger.Extend, PreservationState.Extended, ExtensionsLeft, "extensions left")
            .Permit(PreservationTrigger.Convert, PreservationState.Converted)
            .Permit(PreservationTrigger.Lapse, PreservationState.Lapsed);
        _machine.Configure(PreservationState.Extended)
            .OnEntry(CountExtension)
            .PermitReentryIf(PreservationTrigger.Extend, ExtensionsLeft, "extensions left")
            .Permit(PreservationTrigger.Convert, PreservationState.Converted)
            .Permit(PreservationTrigger.Lapse, PreservationState.Lapsed);
        _machine.Configure(PreservationState.Converted)
            .Permit(PreservationTrigger.Release, PreservationState.Released)
            .Permit(PreservationTrigger.Lapse, PreservationState.Lapsed);
    }
}
