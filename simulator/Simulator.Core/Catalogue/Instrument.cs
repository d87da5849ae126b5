using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// One legal instrument, exactly as the catalogue file states it: who may issue it, to whom, for which data,
/// under which conditions, with which deadlines and on which grounds it may be refused.
/// <see cref="WaitsInBacklog"/>: on the central-authorities channel, whether the request first waits the requested
/// state's central-authority backlog; an order sent authority to authority (the European Investigation Order,
/// Directive 2014/41/EU Art. 7(1)) goes straight to the executing authority's desk, as an emergency request that the
/// law requires handled rapidly does (CETS 224 Art. 10). <see cref="BacklogSource"/> is the article that says so.
/// </summary>
public sealed record Instrument(
    string Id,
    string Name,
    string LegalBasis,
    string Summary,
    InstrumentPurpose Purpose,
    Channel Channel,
    IReadOnlyList<DataCategory> Categories,
    IReadOnlyDictionary<DataCategory, IReadOnlyList<AuthorityRole>> Issuers,
    IReadOnlyList<Precondition> Preconditions,
    bool Binding,
    bool EmergencyOnly,
    bool SupportsEmergency,
    LegalDuration? ResponseDeadline,
    LegalDuration? EmergencyDeadline,
    PreservationTerms? Preservation,
    EnforcingStateNotification? Notification,
    IReadOnlyList<RefusalGround> RefusalGrounds,
    InstrumentTiming Timing,
    bool DisclosesPath,
    bool WaitsInBacklog = true,
    EmergencyDefinition? EmergencyDefinition = null)
{
    /// <summary>The article by which a request skips the central-authority backlog (<see cref="WaitsInBacklog"/> false).</summary>
    public string? BacklogSource { get; init; }

    /// <summary>
    /// The article by which the requested state still reviews an emergency request, rapidly, before acting on it
    /// (CETS 224 Art. 9: it decides on the request and may set conditions), instead of passing it on at once. Null:
    /// an emergency request to a state goes straight to execution, as catalogues written before this field read.
    /// </summary>
    public string? EmergencyReviewSource { get; init; }

    /// <summary>Urgent handling apart from an emergency (ETS185 Art. 31(3)); null where the instrument has none.</summary>
    public UrgentHandling? Urgent { get; init; }

    /// <summary>What the addressee may do when complying would break a third country's law (REG Art. 17); null where the instrument provides nothing.</summary>
    public ConflictingObligations? ConflictingObligations { get; init; }

    /// <summary>What the issuing state may do when the addressee lets the deadline pass (REG Art. 16); null where the instrument provides no enforcement procedure.</summary>
    public Enforcement? Enforcement { get; init; }

    /// <summary>Who bears the provider's cost of answering (REG Art. 14); null where the instrument says nothing, and the provider bears it.</summary>
    public CostReimbursement? Costs { get; init; }

    /// <summary>The issuing authority's duty to tell the person whose data it obtained (REG Art. 13); null where the instrument sets none.</summary>
    public PersonInformation? InformsPerson { get; init; }

    /// <summary>The form its requests are written on (Directive 2014/41/EU Annex A); null where the standard template serves.</summary>
    public RequestTemplate? Template { get; init; }

    /// <summary>Who else may issue it once an authority of their state has validated the order (REG Art. 4(1)(b), 4(2)(b), 4(3)(b)); null where only <see cref="Issuers"/> may.</summary>
    public IssuingWithValidation? Validation { get; init; }

    /// <summary>How the requested state's reviewer answers a request broader than its facts support; null where nobody on the way narrows it.</summary>
    public ScopeReview? ScopeReview { get; init; }

    /// <summary>
    /// What the receiving state may do with what it obtained beyond the stated purpose, and with whose consent
    /// (purpose limitation and speciality: ETS185 Art. 28(2)(b), CETS 224 Art. 14); empty where the instrument sets
    /// none (an order at home, a provider's voluntary answer): national law governs the use.
    /// </summary>
    public IReadOnlyList<UseLimit> UseLimits { get; init; } = [];

    /// <summary>The instrument's limit on <paramref name="use"/>, or null where it sets none.</summary>
    public UseLimit? UseLimitFor(UseKind use) => UseLimits.FirstOrDefault(l => l.Use == use);

    /// <summary>The uses the giving state may make need its consent in a particular case, when it approves a request (<see cref="UseLimit.ConditionSource"/>).</summary>
    public IReadOnlyList<UseLimit> ConditionsOpen => UseLimits.Where(l => !l.NeedsConsent && l.ConditionSource is not null).ToList();

    public bool Covers(DataCategory category) => Categories.Contains(category);

    /// <summary>
    /// Deadlines the law sets per data category, where it sets them apart (CETS 224 Art. 8: 20 days for subscriber
    /// information, 45 for traffic data); a category not listed has <see cref="ResponseDeadline"/>.
    /// </summary>
    public IReadOnlyDictionary<DataCategory, LegalDuration>? ResponseDeadlines { get; init; }

    /// <summary>
    /// The deadline of a request for these categories: the emergency deadline in an emergency; otherwise the longest of
    /// the categories' own deadlines (a request for subscriber and traffic data runs to the traffic data's).
    /// </summary>
    public LegalDuration? DeadlineFor(IEnumerable<DataCategory> categories, bool emergency)
    {
        if (emergency) return EmergencyDeadline;
        if (ResponseDeadlines is not { Count: > 0 } byCategory) return ResponseDeadline;
        var each = categories.Distinct().Select(c => byCategory.TryGetValue(c, out var d) ? d : ResponseDeadline).ToList();
        return each.Count == 0 || each.Any(d => d is null) ? ResponseDeadline : each.MaxBy(d => d!.Value);
    }

    public IReadOnlyList<AuthorityRole> IssuersFor(DataCategory category) =>
        Issuers.TryGetValue(category, out var roles) ? roles : [];

    /// <summary>
    /// Every role that may issue it for <paramref name="category"/>, on its own or once its order is validated
    /// (<see cref="Validation"/>): who can set it in motion at all, as setup asks before seats are filled.
    /// </summary>
    public IEnumerable<AuthorityRole> IssuersOrValidatedFor(DataCategory category) =>
        IssuersFor(category).Concat(Validation?.Rules.Where(r => r.Categories.Contains(category)).SelectMany(r => r.Issuers) ?? []).Distinct();

    /// <summary>Every role that may issue it for some category, on its own or with validation.</summary>
    public IEnumerable<AuthorityRole> AnyIssuerOrValidated() =>
        Issuers.Keys.Concat(Validation?.Rules.SelectMany(r => r.Categories) ?? []).Distinct().SelectMany(IssuersOrValidatedFor).Distinct();

    /// <summary>Every figure not confirmed from the primary text, so tools can list what is configurable.</summary>
    public IEnumerable<string> UnsureFigures()
    {
        if (ResponseDeadline is { Unsure: true }) yield return "response-deadline";
        foreach (var (category, d) in ResponseDeadlines ?? new Dictionary<DataCategory, LegalDuration>())
            if (d.Unsure) yield return $"response-deadlines.{Names.Kebab(category)}";
        if (EmergencyDeadline is { Unsure: true }) yield return "emergency-deadline";
        if (Preservation?.Period is { Unsure: true }) yield return "preservation.period";
        if (Preservation?.Extension is { Unsure: true }) yield return "preservation.extension";
        if (Notification?.ObjectionWindow is { Unsure: true }) yield return "notification.objection-window";
        if (Timing.Unsure) yield return "timing";
        if (Urgent is { Unsure: true }) yield return "urgent.speed-factor";
        if (ConflictingObligations is { Unsure: true }) yield return "conflicting-obligations.court-review";
        if (Validation?.WithoutPriorValidation is { Unsure: true }) yield return "validation.without-prior-validation";
        if (ScopeReview is { Unsure: true }) yield return "scope-review";
        foreach (var g in RefusalGrounds.Where(g => g.Unsure)) yield return $"refusal-grounds.{g.Id}";
        foreach (var l in UseLimits.Where(l => l.Unsure)) yield return $"use-limits.{Names.Kebab(l.Use)}";
        if (Enforcement is { Unsure: true } || Enforcement?.Recognition is { Unsure: true }) yield return "enforcement";
        if (Costs is { Unsure: true }) yield return "costs";
    }
}
