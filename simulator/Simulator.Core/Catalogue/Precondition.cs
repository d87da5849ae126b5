using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// The fixed vocabulary of preconditions the catalogue composes. Adding an instrument needs no code; adding a
/// new kind of condition is the only reason to touch <see cref="Rules.RequestRules"/>.
/// </summary>
public enum PreconditionKind
{
    /// <summary>Issuing and requested state are both party to <c>framework</c>.</summary>
    BothParties,
    /// <summary>The issuing state is party to <c>framework</c>.</summary>
    IssuerParty,
    /// <summary>The state the provider is established in is party to <c>framework</c> (e.g. us-sca for US providers).</summary>
    ProviderStateParty,
    /// <summary>The provider offers services in a state party to <c>framework</c> (EU e-Evidence applies to providers offering services in the Union).</summary>
    ProviderOffersServicesIn,
    /// <summary>
    /// The provider is established in, or the data is stored in, the issuing state; with <c>offering-services</c>, a
    /// provider that only offers its services there is reached for those categories (ETS 185 Art. 18(1)(b):
    /// subscriber information relating to those services).
    /// </summary>
    ProviderDomestic,
    /// <summary>The provider is established abroad.</summary>
    ProviderForeign,
    /// <summary>A bilateral agreement of kind <c>agreement</c> binds the issuing state and the provider's state (or, with <c>between: requested-state</c>, the state the request goes to).</summary>
    Agreement,
    /// <summary>A threat to life or of serious injury (emergency procedures only).</summary>
    Emergency,
    /// <summary>The offence carries at least <c>years</c> of maximum imprisonment, for the listed <c>categories</c>, unless an exception covers it (REG Art. 5(4)(b)-(c)).</summary>
    MinimumPenalty,
    /// <summary>The data is publicly available, or a person with lawful authority consents (Budapest Art. 32); with <c>framework</c>, consent reaches only data located in a state party to it (Art. 32(b): "located in another Party").</summary>
    PublicOrConsent,
    /// <summary>The provider's own policy accepts this kind of request (<c>capability</c>: voluntary-preservation, voluntary-disclosure, emergency-disclosure).</summary>
    ProviderAccepts,
    /// <summary>The data has already been preserved through <c>instrument</c>.</summary>
    PreservedThrough,
    /// <summary>The issuing and requested state are both party to at least one of <c>frameworks</c>, or (with <c>agreement</c>)
    /// bound to each other by an agreement of that kind (the EU-US MLA Agreement binds the United States and each member state).</summary>
    CommonFramework,
    /// <summary>
    /// The requested state has not made the reservation <c>reservation</c>; with <c>categories</c>, only for requests
    /// for those data (CETS 224 Art. 8(13): a Party may reserve the right not to apply Art. 8 to traffic data).
    /// </summary>
    NotReserved,
    /// <summary>
    /// The person whose data is sought is not a national or resident of, nor located in, the state of the provider the
    /// order is served on (18 USC 2523(b)(4)(A)-(B): a partner's order under a CLOUD Act agreement may not target a
    /// US person or a person in the United States; the agreements bind the United States alike towards the partner).
    /// </summary>
    PersonNotOfProviderState,
}

public sealed record Precondition(
    PreconditionKind Kind,
    string Source,
    string? Framework = null,
    IReadOnlyList<string>? Frameworks = null,
    string? AgreementKind = null,
    int? Years = null,
    IReadOnlyList<DataCategory>? Categories = null,
    string? Capability = null,
    string? Instrument = null,
    IReadOnlyList<ExceptionToRule>? Exceptions = null,
    bool WithRequestedState = false,
    string? Reservation = null,
    IReadOnlyList<DataCategory>? OfferingServices = null)
{
    public IReadOnlyList<ExceptionToRule> ExceptionsToRule => Exceptions ?? [];

    public string Describe() => Kind == PreconditionKind.MinimumPenalty || Categories is not { Count: > 0 } ? DescribeKind()
        : $"{DescribeKind()} (for {string.Join(", ", Categories.Select(Names.Kebab))} data)";

    private string DescribeKind() => Kind switch
    {
        PreconditionKind.BothParties => $"both states party to {Framework}",
        PreconditionKind.IssuerParty => $"issuing state party to {Framework}",
        PreconditionKind.ProviderStateParty => $"provider established in a state under {Framework}",
        PreconditionKind.ProviderOffersServicesIn => $"provider offers services under {Framework}",
        PreconditionKind.ProviderDomestic => OfferingServices is { Count: > 0 } reach
            ? $"provider or data in the issuing state, or (for {string.Join(", ", reach.Select(Names.Kebab))} data) a provider offering its services there"
            : "provider or data in the issuing state",
        PreconditionKind.ProviderForeign => "provider established abroad",
        PreconditionKind.Agreement => $"{AgreementKind} agreement between the issuing state and {(WithRequestedState ? "the requested state" : "the provider's state")}",
        PreconditionKind.Emergency => "threat to life or serious injury",
        PreconditionKind.MinimumPenalty => $"offence punishable by at least {Years} years" + (Categories is { Count: > 0 } ? $" (for {string.Join(", ", Categories.Select(Names.Kebab))})" : "")
            + string.Concat(ExceptionsToRule.Select(e => $", or {e.Describe()[4..]}")),
        PreconditionKind.PublicOrConsent => Framework is null ? "data public, or lawful voluntary consent" : $"data public, or lawful voluntary consent for data located in a state party to {Framework}",
        PreconditionKind.ProviderAccepts => $"provider accepts {Capability}",
        PreconditionKind.PreservedThrough => $"data already preserved through {Instrument}",
        PreconditionKind.CommonFramework => $"both states party to one of {string.Join(", ", Frameworks ?? [])}"
            + (AgreementKind is { } agreement ? $", or bound to each other by an agreement of kind {agreement}" : ""),
        PreconditionKind.NotReserved => $"requested state has not made the reservation {Reservation}",
        PreconditionKind.PersonNotOfProviderState => "the person whose data is sought is not a national or resident of, nor located in, the provider's state",
        _ => Kind.ToString(),
    };
}
