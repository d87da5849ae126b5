namespace Simulator.Core.World;

/// <summary>
/// What was done, described as conduct so that dual criminality is judged on the conduct, not the label
/// (Budapest Art. 25(5)).
/// </summary>
public sealed record Offence(
    IReadOnlyList<string> Conducts,
    int MaxPenaltyYears,
    bool ThreatToLife,
    bool FundamentalRightsConcern,
    bool PrivilegedData,
    IReadOnlySet<string> AlreadyTriedIn);
