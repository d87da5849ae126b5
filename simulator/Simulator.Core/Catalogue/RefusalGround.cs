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
    /// <summary>
    /// The offence was committed outside the issuing state and wholly or partly on the requested state's territory
    /// (the offence's <c>committed-in</c>), and none of its conduct is an offence there (Directive 2014/41/EU Art. 11(1)(e)).
    /// </summary>
    OffenceOnItsTerritoryNotCriminalised,
    /// <summary>
    /// The requested state's law allows the measure for the data sought only for listed or graver offences, and this
    /// offence is not among them (Directive 2014/41/EU Art. 11(1)(h); <c>jurisdictions[].restricts-measures</c>).
    /// </summary>
    MeasureRestricted,
    /// <summary>The data is covered by immunities or privileges, or press freedom.</summary>
    PrivilegedData,
    /// <summary>Execution would manifestly breach a fundamental right.</summary>
    FundamentalRightsConcern,
    /// <summary>The person was already tried for the same acts.</summary>
    NeBisInIdem,
    /// <summary>A voluntary channel: the provider's policy declines.</summary>
    ProviderPolicy,
    /// <summary>
    /// What exists only by mutual agreement (a joint investigation team): the requested state may decline for reasons
    /// of its own. Always open to it; no fact compels it, so a state the engine plays agrees, and a trainee may decline.
    /// </summary>
    NoAgreement,
    /// <summary>
    /// The request seeks data beyond what its facts link to the offence (a fishing expedition), and the requested
    /// state's law refuses such a request rather than executing it for the need (<c>jurisdictions[].refuses-over-broad</c>).
    /// </summary>
    OverBroad,
}

public enum Reviewer
{
    RequestedState,
    EnforcingState,
    Provider,
}

/// <summary>
/// A ground on which a request may be refused, with its source. What makes it open to a state is data, never prose:
/// <see cref="RequiresReservation"/> names the reservation the state must have made (Budapest Art. 29(4));
/// <see cref="WhereStateRequiresDualCriminality"/> opens it only to a state whose law makes assistance for the data
/// sought depend on dual criminality (Budapest Art. 25(4)); <see cref="Exceptions"/> are the offences the law keeps
/// out of its reach (Art. 29(4): not for offences under Arts. 2-11). <see cref="Description"/> says what the ground
/// is; <see cref="Describe"/> adds the conditions, rendered from these fields.
/// </summary>
public sealed record RefusalGround(
    string Id,
    string Description,
    RefusalCondition When,
    Reviewer By,
    string Source,
    string? RequiresReservation = null,
    bool Unsure = false,
    bool WhereStateRequiresDualCriminality = false,
    IReadOnlyList<ExceptionToRule>? Exceptions = null)
{
    public IReadOnlyList<ExceptionToRule> ExceptionsToRule => Exceptions ?? [];

    /// <summary>The description with every condition the data encodes, for people to read.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (RequiresReservation is not null) parts.Add($"only for a state that made the reservation {RequiresReservation}");
        if (WhereStateRequiresDualCriminality) parts.Add("only where the state's law requires dual criminality for the data sought");
        parts.AddRange(ExceptionsToRule.Select(e => e.Describe()));
        return parts.Count == 0 ? Description : $"{Description} ({string.Join("; ", parts)})";
    }
}
