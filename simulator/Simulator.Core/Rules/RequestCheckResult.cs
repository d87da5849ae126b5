namespace Simulator.Core.Rules;

/// <summary>
/// The outcome of checking a draft: the problems that stop it being sent, the conditions as judged, the refusal
/// grounds the other side will probably raise, and where it will go.
/// </summary>
public sealed record RequestCheckResult(
    IReadOnlyList<string> Problems,
    IReadOnlyList<ConditionCheck> Conditions,
    IReadOnlyList<string> RefusalRisks,
    string? RequestedState,
    string? Provider)
{
    public bool CanSend => Problems.Count == 0;
}
