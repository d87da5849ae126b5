using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.World;

namespace Simulator.Core.Rules;

/// <summary>
/// Judges a draft request against the catalogue: who may issue it, for which data, to which state, under which
/// preconditions. Every rule's content is in the catalogue file; this class only knows how to read each kind.
/// </summary>
public sealed class RequestRules(ScenarioWorld world, InstrumentCatalogue catalogue)
{
    /// <summary>Has this item already been preserved through this instrument? Answered by the running simulation.</summary>
    public Func<string, string, bool> IsPreservedThrough { get; init; } = (_, _) => false;

    /// <summary>Is this item still at its holder, neither frozen, copied nor gone, so that its holder may yet delete it? Answered by the running simulation.</summary>
    public Func<string, bool> IsUnfrozenAtHolder { get; init; } = _ => true;

    /// <summary>The simulated time the rules judge at (an item's deletion is near or far from it); the scenario's start without a running simulation.</summary>
    public Func<DateTimeOffset>? Now { get; init; }

    /// <summary>The incident's offence as the facts now show it (no threat once it has ended); as written without a running simulation.</summary>
    public Func<Incident, Offence> OffenceOf { get; init; } = incident => incident.Offence;

    /// <param name="detailed">false skips what only people read (descriptions of met conditions, refusal risks): policies check often.</param>
    public RequestCheckResult Check(RequestDraft draft, bool detailed = true)
    {
        var problems = new List<string>();
        if (!catalogue.TryGet(draft.InstrumentId, out var instrument))
            return Fail($"unknown instrument '{draft.InstrumentId}' (see `simulator instruments`)");
        if (!world.HasJurisdiction(draft.Issuer))
            return Fail($"unknown issuing state '{draft.Issuer}'");
        if (draft.Evidence.Count == 0)
            return Fail("a request must name at least one evidence item");
        var unknown = draft.Evidence.Where(e => !world.HasItem(e)).ToList();
        if (unknown.Count > 0)
            return Fail($"unknown evidence item(s): {string.Join(", ", unknown.Take(5).Select(u => Echo.Clip(u)))}{(unknown.Count > 5 ? $" (and {unknown.Count - 5} more)" : "")}");

        var items = draft.Evidence.Select(world.Item).ToList();
        var providers = items.Select(i => i.Holder).Distinct().ToList();
        if (providers.Count > 1)
            return Fail($"one request goes to one holder, but these items are held by {string.Join(", ", providers)}");
        var provider = world.Provider(providers[0]);
        var issuer = world.Jurisdiction(draft.Issuer);

        var categories = items.Select(i => i.Category).Distinct().ToList();
        // An issuer who may issue only with validation (REG Art. 4(1)(b)) may send it, validated first or, in an emergency, afterwards.
        var validation = ValidationFor(instrument, draft.IssuerRole, categories, draft.Emergency);
        foreach (var category in categories)
        {
            if (!instrument.Covers(category))
                problems.Add($"{instrument.Id} does not cover {Names.Kebab(category)} data ({instrument.LegalBasis})");
            else if (!instrument.IssuersFor(category).Contains(draft.IssuerRole) && validation is null)
                problems.Add($"{Article(Names.Kebab(draft.IssuerRole))} may not issue {instrument.Id} for {Names.Kebab(category)} data; allowed: {string.Join(", ", instrument.IssuersFor(category).Select(Names.Kebab))}{WithValidation(instrument, category)} ({instrument.LegalBasis})");
        }

        var incident = world.IncidentOf(items[0]);
        if (draft.Emergency && !instrument.SupportsEmergency)
            problems.Add($"{instrument.Id} has no emergency procedure");
        if (instrument.EmergencyOnly && !draft.Emergency)
            problems.Add($"{instrument.Id} is for emergencies only: mark the request as an emergency");
        // An instrument with an emergency precondition says so in that condition; for the others, here.
        if (draft.Emergency && EmergencyOver(incident) is { } over)
            problems.Add(over);
        else if (draft.Emergency && !IsEmergency(instrument, OffenceOf(incident)) && instrument.Preconditions.All(p => p.Kind != PreconditionKind.Emergency))
            problems.Add(instrument.EmergencyDefinition is { } definition
                ? $"an emergency request under {instrument.Id} needs {definition.Name} ({definition.Source}), which incident {incident.Id} does not show"
                : $"an emergency request needs a threat to life or of serious injury, which incident {incident.Id} does not show");

        if (draft.Urgent && instrument.Urgent is null)
            problems.Add($"{instrument.Id} has no urgent handling apart from an emergency ({instrument.LegalBasis})");
        else if (draft.Urgent && draft.Emergency)
            problems.Add("mark the request as an emergency or as urgent, not both: an emergency is handled at least as fast");

        var candidates = CandidateStates(instrument, issuer, provider, items);
        string? requested;
        if (draft.RequestedState is not null && !world.HasJurisdiction(draft.RequestedState))
            return Fail($"requestedState: no state '{Echo.Clip(draft.RequestedState)}' in this scenario; leave it out to let the instrument choose, or name one of {string.Join(", ", candidates)}");
        if (draft.RequestedState is not null)
        {
            requested = draft.RequestedState;
            if (!candidates.Contains(requested))
                problems.Add($"{instrument.Id} for data held by {provider.Id} goes to {string.Join(" or ", candidates)}, not {requested}");
        }
        else requested = candidates.FirstOrDefault();
        if (requested is null)
            problems.Add(instrument.Channel == Channel.DirectToProvider && ServicesFramework(instrument) is { } services && Addressee(provider, services) is null
                ? $"{provider.Id} has no establishment or legal representative in a state under {services} to receive {instrument.Id}"
                : $"no state can receive {instrument.Id} from {issuer.Id} for data held by {provider.Id}" + AtHome(instrument, issuer, provider));

        var conditions = requested is null ? [] : Conditions(instrument, issuer, world.Jurisdiction(requested), provider, items, incident, draft.Emergency, detailed);
        if (validation is not null && detailed) conditions = [.. conditions, new ConditionCheck(validation.Describe(issuer.Id), true, validation.Afterwards?.Source ?? validation.Source)];
        if (draft.Urgent && instrument.Urgent is { } urgent) conditions = [.. conditions, Urgency(instrument, urgent, items)];
        foreach (var c in conditions.Where(c => !c.Met))
            problems.Add($"condition not met: {c.Condition} ({c.Source}){(c.Why is null ? "" : ": " + c.Why)}");

        var risks = requested is null || !detailed ? [] : RefusalRisks(instrument, issuer, world.Jurisdiction(requested), incident, items).Select(g => $"{g.Id}: {g.Describe()} ({g.Source})").ToList();
        if (detailed && instrument.ConflictingObligations is { } rule && ConflictOfLaws.For(instrument, world, provider, issuer.Id, items.Select(i => i.Category)) is { } conflict)
            risks.Add($"conflicting-obligations: {provider.Id} may object that {conflict.Describe()}; execution then waits for your court's review, and {rule.DescribeLift()} ({rule.Source})");
        return new RequestCheckResult(problems, conditions, risks, requested, provider.Id);

        static RequestCheckResult Fail(string problem) => new([problem], [], [], null, null);
    }

    /// <summary>
    /// What an order by <paramref name="role"/> needs before or after it is sent: null where that role issues the order
    /// itself for every category, or may not issue it at all (REG Art. 4(1)(b), 4(2)(b), 4(3)(b), 4(5)).
    /// </summary>
    public static ValidationNeed? ValidationFor(Instrument instrument, AuthorityRole role, IReadOnlyCollection<DataCategory> categories, bool emergency) =>
        instrument.Validation is { } v && categories.Where(c => !instrument.IssuersFor(c).Contains(role)).ToList() is { Count: > 0 } needing
            ? v.For(role, needing, emergency, categories) : null;

    /// <summary>", or an investigator with validation by a prosecutor or judge": who else may issue for this category.</summary>
    private static string WithValidation(Instrument instrument, DataCategory category) =>
        string.Concat((instrument.Validation?.Rules ?? []).Where(r => r.Categories.Contains(category))
            .Select(r => $"; with validation by a {string.Join(" or ", r.Validators.Select(Names.Kebab))}: {string.Join(", ", r.Issuers.Select(Names.Kebab))}"));

    /// <summary>Why an order meant for a provider abroad has nowhere to go when the provider (or its addressee) is at home.</summary>
    private string AtHome(Instrument instrument, Jurisdiction issuer, ServiceProvider provider)
    {
        if (instrument.Channel != Channel.DirectToProvider) return "";
        if (ServicesFramework(instrument) is { } services && Addressee(provider, services) == issuer.Id)
            return $": {provider.Id} is addressed in {issuer.Id} itself, so the order is not cross-border (REG Art. 1(1)); use a domestic order";
        return provider.Headquarters == issuer.Id ? $": {provider.Id} is established in {issuer.Id}; use a domestic order" : "";
    }

    /// <summary>The framework of an order addressed to providers offering services under it (the EU orders), if any.</summary>
    private static string? ServicesFramework(Instrument instrument) =>
        instrument.Preconditions.FirstOrDefault(p => p.Kind == PreconditionKind.ProviderOffersServicesIn)?.Framework;

    /// <summary>Where such an order is addressed: the provider's designated establishment or legal representative, or its
    /// establishment in a state under the framework; null when it has neither.</summary>
    private string? Addressee(ServiceProvider provider, string framework) =>
        provider.LegalRepresentativeIn ?? (Party(world.Jurisdiction(provider.Headquarters), framework) ? provider.Headquarters : null);

    /// <summary>
    /// Which state a request goes to. Treaty channels go to the state where the data is stored, or to the
    /// provider's home state when its law reaches data its providers hold abroad (e.g. 18 USC 2713). Direct
    /// orders go to the provider, addressed in its home state; domestic orders stay at home.
    /// </summary>
    public IReadOnlyList<string> CandidateStates(Instrument instrument, Jurisdiction issuer, ServiceProvider provider, IReadOnlyList<EvidenceItem> items)
    {
        switch (instrument.Channel)
        {
            case Channel.Domestic:
            case Channel.Unilateral:
                return [issuer.Id];
            case Channel.DirectToProvider:
                var framework = ServicesFramework(instrument);
                if (framework is not null)
                {
                    // EU orders go to the provider's designated establishment or legal representative, whose state is
                    // the enforcing state (REG Art. 7, 8); with that representative at home the order is not cross-border.
                    // A provider with neither has no addressee: the order is not sent to wherever it sells.
                    var addressee = Addressee(provider, framework);
                    return addressee is null || addressee == issuer.Id ? [] : [addressee];
                }
                return provider.Headquarters == issuer.Id ? [] : [provider.Headquarters];
            default:
                var list = new List<string>();
                if (world.Jurisdiction(provider.Headquarters).ReachesDataAbroad) list.Add(provider.Headquarters);
                foreach (var s in items.Select(i => i.StoredIn).Distinct())
                    if (!list.Contains(s)) list.Add(s);
                list.Remove(issuer.Id);
                return list;
        }
    }

    /// <summary>
    /// Whether a domestic order reaches the provider: one established in the issuing state, or data stored there; or,
    /// where the law says so (<see cref="Precondition.OfferingServices"/>), a provider that offers its services there,
    /// for those categories only.
    /// </summary>
    private static (bool Met, string Why) DomesticReach(Precondition p, ServiceProvider provider, Jurisdiction issuer, IReadOnlyList<EvidenceItem> items)
    {
        if (provider.Headquarters == issuer.Id || items.All(i => i.StoredIn == issuer.Id)) return (true, "");
        if (p.OfferingServices is { Count: > 0 } reach && provider.OffersServicesIn.Contains(issuer.Id))
            return (items.All(i => reach.Contains(i.Category)),
                $"{provider.Id} only offers its services in {issuer.Id}: a domestic order reaches its {string.Join(", ", reach.Select(Names.Kebab))} data, not {string.Join(", ", items.Where(i => !reach.Contains(i.Category)).Select(i => Names.Kebab(i.Category)).Distinct())} data");
        return (false, $"{provider.Id} is established in {provider.Headquarters} and stores this data abroad");
    }

    public IReadOnlyList<ConditionCheck> Conditions(Instrument instrument, Jurisdiction issuer, Jurisdiction requested, ServiceProvider provider, IReadOnlyList<EvidenceItem> items, Incident incident, bool emergency, bool detailed = true)
    {
        var home = world.Jurisdiction(provider.Headquarters);
        var result = new List<ConditionCheck>(instrument.Preconditions.Count);
        foreach (var p in instrument.Preconditions)
        {
            // A precondition written for some categories binds only a request for them (18 USC 2702: content goes only
            // to a US governmental entity); the minimum penalty reads its categories itself.
            if (p.Kind != PreconditionKind.MinimumPenalty && p.Categories is { Count: > 0 } && !items.Any(i => p.Categories.Contains(i.Category))) continue;
            var (met, why) = p.Kind switch
            {
                PreconditionKind.BothParties => (Party(issuer, p.Framework!) && Party(requested, p.Framework!),
                    Missing(issuer, p.Framework!) ?? Missing(requested, p.Framework!)),
                PreconditionKind.IssuerParty => (Party(issuer, p.Framework!), Missing(issuer, p.Framework!)),
                PreconditionKind.ProviderStateParty => (Party(home, p.Framework!), NotInForce(p.Framework!) ?? $"{provider.Id} is established in {home.Id}, not under {p.Framework}"),
                PreconditionKind.ProviderOffersServicesIn => (provider.OffersServicesIn.Append(provider.Headquarters).Any(s => world.HasJurisdiction(s) && Party(world.Jurisdiction(s), p.Framework!)),
                    NotInForce(p.Framework!) ?? $"{provider.Id} offers no services in a state under {p.Framework}"),
                PreconditionKind.ProviderDomestic => DomesticReach(p, provider, issuer, items),
                PreconditionKind.ProviderForeign => (provider.Headquarters != issuer.Id, $"{provider.Id} is established in {issuer.Id}: use a domestic order"),
                PreconditionKind.Agreement => AgreementBinds(p, issuer, p.WithRequestedState ? requested : home),
                PreconditionKind.Emergency => (emergency && IsEmergency(instrument, OffenceOf(incident)),
                    EmergencyOver(incident) ?? (instrument.EmergencyDefinition is not null ? $"incident {incident.Id} shows no such threat" : "no threat to life or serious injury")),
                PreconditionKind.MinimumPenalty => (MeetsPenalty(p, items, incident.Offence),
                    $"the offence carries {incident.Offence.MaxPenaltyYears} years at most"),
                PreconditionKind.PublicOrConsent => (items.All(i => i.Public || (i.ConsentAvailable && ConsentReaches(p, i))), ConsentMissing(p, items)),
                PreconditionKind.ProviderAccepts => (Accepts(provider, p.Capability!, items), $"{provider.Id}'s policy does not accept {p.Capability}"),
                PreconditionKind.PreservedThrough => (items.All(i => IsPreservedThrough(i.Id, p.Instrument!)), $"not yet preserved through {p.Instrument}"),
                PreconditionKind.CommonFramework => (p.Frameworks!.Any(f => Party(issuer, f) && Party(requested, f))
                        || (p.AgreementKind is { } kind && (issuer.HasAgreement(requested.Id, kind) || requested.HasAgreement(issuer.Id, kind))),
                    $"{issuer.Id} and {requested.Id} share none of {string.Join(", ", p.Frameworks!)}" + (p.AgreementKind is { } k ? $" and have no {k} agreement" : "")),
                PreconditionKind.NotReserved => (!requested.Reservations.Contains(p.Reservation!),
                    $"{requested.Id} made the reservation {p.Reservation}" + (p.Categories is { Count: > 0 } c ? $" for {string.Join(", ", c.Select(Names.Kebab))} data" : "")),
                PreconditionKind.PersonNotOfProviderState => (!incident.Offence.PersonIsOf(home.Id),
                    $"the person whose data is sought is a national or resident of, or located in, {home.Id}, where {provider.Id} is established"),
                _ => (false, $"unknown precondition {p.Kind}"),
            };
            if (met && !detailed) continue;
            var condition = p.Kind == PreconditionKind.Emergency && instrument.EmergencyDefinition is { } emergencyDefinition
                ? $"an emergency: {emergencyDefinition.Name}" : p.Describe();
            result.Add(new ConditionCheck(condition, met, p.Source, met ? null : why));
        }
        return result;
    }

    /// <summary>Whether these items could be asked for urgently under the instrument (ETS185 Art. 31(3)(a)), as the advisor
    /// tells it; null where the instrument has no urgent handling or an item is unknown.</summary>
    public ConditionCheck? UrgencyFor(Instrument instrument, IReadOnlyList<string> evidence) =>
        instrument.Urgent is { } urgent && evidence.Count > 0 && evidence.All(world.HasItem) ? Urgency(instrument, urgent, [.. evidence.Select(world.Item)]) : null;

    /// <summary>
    /// How long an ordinary request under the instrument typically takes to be answered: its usual transmission, review
    /// and return, before any backlog. Data its holder deletes before then is "particularly vulnerable to loss" (ETS185
    /// Art. 31(3)(a)): an ordinary answer would come too late for it.
    /// </summary>
    private static TimeSpan OrdinaryAnswer(Instrument instrument) =>
        instrument.Timing.Transmission.Mode + instrument.Timing.Review.Mode + instrument.Timing.Return.Mode;

    /// <summary>Whether the facts support a request marked urgent: the condition of the instrument's urgent handling.</summary>
    private ConditionCheck Urgency(Instrument instrument, UrgentHandling urgent, IReadOnlyList<EvidenceItem> items)
    {
        var (met, why) = urgent.When switch
        {
            UrgencyCondition.DataVulnerableToLoss => (items.Any(i => IsUnfrozenAtHolder(i.Id) && i.ExpiresAt <= (Now?.Invoke() ?? world.Start) + OrdinaryAnswer(instrument)),
                $"no item sought is at risk before an ordinary answer could come (about {DurationText.Format(OrdinaryAnswer(instrument))}): each is frozen, copied, gone, or kept by its holder beyond then, so the request is not urgent"),
            _ => (false, $"unknown urgency condition {urgent.When}"),
        };
        return new ConditionCheck($"urgent: {urgent.Describe()}", met, urgent.Source, met ? null : why);
    }

    /// <summary>The grounds the requested state or the enforcing state would have, on the facts, to refuse.</summary>
    public IReadOnlyList<RefusalGround> RefusalRisks(Instrument instrument, Jurisdiction issuer, Jurisdiction requested, Incident incident, IReadOnlyList<EvidenceItem> items) =>
        instrument.RefusalGrounds.Where(g => g.By != Reviewer.Provider && GroundHolds(g, issuer, requested, incident.Offence, items.Select(i => i.Category))).ToList();

    /// <summary>
    /// Why the law keeps <paramref name="ground"/> from <paramref name="reviewer"/> on this offence and data, or null
    /// where it is open: a reservation the state did not make, dual criminality its law does not require for the data
    /// sought, or an exception that covers the offence or the measure. Whether the facts then support the ground is <see cref="GroundHolds"/>.
    /// </summary>
    public static string? GroundClosed(RefusalGround ground, Jurisdiction reviewer, Offence offence, IEnumerable<DataCategory> categories)
    {
        var sought = categories.Distinct().ToList();
        if (ground.RequiresReservation is { } reservation && !reviewer.Reservations.Contains(reservation))
            return $"'{ground.Id}' is open only to a state that made the reservation '{reservation}' ({ground.Source}), and {reviewer.Id} did not";
        if (ground.WhereStateRequiresDualCriminality && !sought.Any(reviewer.RequiresDualCriminality))
            return $"'{ground.Id}' is open only where the state's law requires dual criminality for the data sought, and {reviewer.Id}'s does not";
        if (ground.When == RefusalCondition.OffenceOnItsTerritoryNotCriminalised && offence.CommittedIn?.Contains(reviewer.Id) != true)
            return $"'{ground.Id}' is open only where the facts place the offence, wholly or partly, on {reviewer.Id}'s territory, and they do not";
        if (ground.When == RefusalCondition.MeasureRestricted && reviewer.MeasureRestrictions is not { Count: > 0 })
            return $"'{ground.Id}' is open only to a state whose law allows a measure only for listed or graver offences, and {reviewer.Id}'s restricts none";
        if (ground.When == RefusalCondition.OverBroad && reviewer.RefusesOverBroad is null)
            return $"'{ground.Id}' is open only to a state whose law refuses a request beyond what its facts support, and {reviewer.Id}'s narrows or executes it";
        if (ground.ExceptionsToRule.FirstOrDefault(e => e.AppliesTo(offence, sought)) is { } exception)
            return $"'{ground.Id}' does not reach this {(exception.Conducts.Count == 0 ? "request" : "offence")}: {exception.Describe()}";
        return null;
    }

    /// <summary>
    /// Whether the facts support <paramref name="ground"/> against a request from <paramref name="issuer"/>, once the law
    /// leaves it open; <paramref name="overBroad"/>: the request asks beyond what its facts support (known only of a request).
    /// </summary>
    public static bool GroundHolds(RefusalGround ground, Jurisdiction issuer, Jurisdiction reviewer, Offence offence, IEnumerable<DataCategory> categories, bool overBroad = false)
    {
        if (GroundClosed(ground, reviewer, offence, categories) is not null) return false;
        return ground.When switch
        {
            RefusalCondition.PoliticalOffence => offence.Conducts.Any(reviewer.PoliticalOffences.Contains),
            RefusalCondition.SovereigntyConcern => reviewer.SensitiveTowards.Contains(issuer.Id),
            RefusalCondition.OffenceNotCriminalised => !offence.Conducts.Any(reviewer.Criminalises.Contains),
            RefusalCondition.OffenceOnItsTerritoryNotCriminalised => offence.CommittedIn is { } places && !places.Contains(issuer.Id) && places.Contains(reviewer.Id)
                && !offence.Conducts.Any(reviewer.Criminalises.Contains),
            RefusalCondition.MeasureRestricted => reviewer.RestrictionOn(offence, categories) is not null,
            RefusalCondition.PrivilegedData => offence.PrivilegedData,
            RefusalCondition.FundamentalRightsConcern => offence.FundamentalRightsConcern,
            RefusalCondition.NeBisInIdem => offence.AlreadyTriedIn.Contains(reviewer.Id),
            RefusalCondition.ProviderPolicy => false,
            RefusalCondition.NoAgreement => false,
            RefusalCondition.OverBroad => overBroad,
            _ => false,
        };
    }

    private static (bool, string) AgreementBinds(Precondition p, Jurisdiction issuer, Jurisdiction other) =>
        (issuer.HasAgreement(other.Id, p.AgreementKind!) || other.HasAgreement(issuer.Id, p.AgreementKind!), $"no {p.AgreementKind} agreement between {issuer.Id} and {other.Id}");

    /// <summary>
    /// Whether the incident is an emergency as the instrument defines one; an instrument without a definition (catalogues
    /// written before definitions were data) counts a threat to life only.
    /// </summary>
    /// <summary>Why no emergency may be claimed on the incident any more, once its threat has ended or been found unfounded (sunset); else null.</summary>
    private string? EmergencyOver(Incident incident) =>
        incident.Offence.ThreatEnds is { } end && !ReferenceEquals(OffenceOf(incident), incident.Offence)
            ? $"the emergency in {incident.Id} is over: {(end.Found == ThreatFinding.Unfounded ? "the threat was found never to have existed" : "the threat has ended")} ({end.Note}); ask under an ordinary procedure ({catalogue.Sunset.Source})"
            : null;

    public static bool IsEmergency(Instrument instrument, Offence offence) =>
        instrument.EmergencyDefinition is { } definition ? definition.CoveredBy(offence) : offence.ThreatToLife;

    private static string Article(string noun) => ("aeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    private string? Missing(Jurisdiction j, string framework) =>
        Party(j, framework) ? null : j.IsParty(framework) ? NotInForce(framework) : $"{j.Id} is not party to {framework}";

    /// <summary>A state is bound by a framework it is party to, once the framework is in force (or the scenario plays it as if it were).</summary>
    private bool Party(Jurisdiction j, string framework) => j.IsParty(framework) && InForce(framework);

    private bool InForce(string framework) =>
        world.AsIfInForce.Contains(framework) || catalogue.Frameworks.FirstOrDefault(f => f.Id == framework) is not { InForce: false };

    /// <summary>Why a framework binds nobody yet, or null when it is in force here.</summary>
    private string? NotInForce(string framework) => InForce(framework) ? null
        : $"{framework} is not in force ({catalogue.Frameworks.First(f => f.Id == framework).InForceSource}); a scenario rehearsing it lists it under as-if-in-force";

    private static bool MeetsPenalty(Precondition p, IReadOnlyList<EvidenceItem> items, Offence offence)
    {
        var applies = p.Categories is not { Count: > 0 } || items.Any(i => p.Categories.Contains(i.Category));
        if (!applies) return true;
        var sought = items.Select(i => i.Category).Distinct().ToList();
        if (p.ExceptionsToRule.Any(e => e.AppliesTo(offence, sought))) return true;
        return offence.MaxPenaltyYears >= p.Years;
    }

    /// <summary>Budapest Art. 32(b): consent reaches data "located in another Party"; a precondition without a framework reaches any.</summary>
    private bool ConsentReaches(Precondition p, EvidenceItem item) =>
        p.Framework is null || (world.HasJurisdiction(item.StoredIn) && Party(world.Jurisdiction(item.StoredIn), p.Framework));

    private string ConsentMissing(Precondition p, IReadOnlyList<EvidenceItem> items)
    {
        var outside = items.FirstOrDefault(i => !i.Public && i.ConsentAvailable && !ConsentReaches(p, i));
        return outside is null ? "the data is neither public nor available with consent"
            : $"{outside.Id} is available with consent but located in {outside.StoredIn}, which is not party to {p.Framework}: consent reaches only data located in a Party";
    }

    private static bool Accepts(ServiceProvider provider, string capability, IReadOnlyList<EvidenceItem> items) => capability switch
    {
        "voluntary-preservation" => provider.Policy.VoluntaryPreservation,
        "voluntary-disclosure" => items.All(i => provider.Policy.VoluntaryDisclosure.Contains(i.Category)),
        "emergency-disclosure" => provider.Policy.EmergencyDisclosureRate > 0,
        _ => false,
    };
}
