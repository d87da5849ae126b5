namespace Simulator.Core.Catalogue;

/// <summary>The facts of a case that make a refusal ground available to the requested side.</summary>
public enum RefusalCondition
{
    /// <summary>The requested state regards the offence as political or connected with one.</summary>
    PoliticalOffence,
    /// <summary>Execution would prejudice the requested state's sovereignty, security or ordre public.</summary>
    SovereigntyConcern,
    /// <summary>None of the incident's conduct is an offence in the requested state.</summary>
    OffenceNotCriminalised,
    /// <summary>The data is covered by immunities or privileges, or press freedom.</summary>
    PrivilegedData,
    /// <summary>Execution would manifestly breach a fundamental right.</summary>
    FundamentalRightsConcern,
    /// <summary>The person was already tried for the same acts.</summary>
    NeBisInIdem,
    /// <summary>A voluntary channel: the provider's policy declines.</summary>
    ProviderPolicy,
}

public enum Reviewer
{
    RequestedState,
    EnforcingState,
    Provider,
}

/// <summary>
/// A ground on which a request may be refused, with its source. <see cref="RequiresReservation"/> names the
/// reservation a state must have made for the ground to be open to it (Budapest Art. 29(4)).
/// </summary>
public sealed record RefusalGround(
    string Id,
    string Description,
    RefusalCondition When,
    Reviewer By,
    string Source,
    string? RequiresReservation = null,
    bool Unsure = false);
