namespace Simulator.Core.World;

/// <summary>
/// A use of evidence beyond the purpose it was obtained for, wanted at <see cref="At"/> as the scenario's facts say
/// (docs/scenarios.md, <c>uses</c>): another investigation of the same state (<see cref="In"/>, an incident) wants the
/// item, or another state asks for it (<see cref="To"/>). Exactly one of the two is set. The investigating state is
/// told; whether it asks the giving state's consent first, uses it anyway or leaves it is its decision.
/// </summary>
public sealed record WantedUse(string Id, string Evidence, string? In, string? To, DateTimeOffset At, string Note)
{
    public Catalogue.UseKind Kind => In is not null ? Catalogue.UseKind.OtherInvestigation : Catalogue.UseKind.OnwardTransfer;

    /// <summary>The incident or the state it is wanted for.</summary>
    public string For => In ?? To!;
}
