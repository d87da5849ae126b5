namespace Simulator.Reports.Transparency;

/// <summary>How requests ended (see <see cref="RequestOutcomeKind"/>).</summary>
public sealed record OutcomeCounts(long Produced, long Refused, long NothingFound, long Withdrawn, long Pending)
{
    public long Total => Produced + Refused + NothingFound + Withdrawn + Pending;

    public long this[string kind] => kind switch
    {
        RequestOutcomeKind.Produced => Produced,
        RequestOutcomeKind.Refused => Refused,
        RequestOutcomeKind.NothingFound => NothingFound,
        RequestOutcomeKind.Withdrawn => Withdrawn,
        _ => Pending,
    };
}

/// <summary>Sent-to-closed times of closed requests: 10th percentile, median, 90th percentile (nearest rank).</summary>
public sealed record DurationFigures(long Closed, TimeSpan? P10, TimeSpan? Median, TimeSpan? P90);

public sealed record InstrumentFigures(
    string Instrument,
    string Name,
    string LegalBasis,
    string Purpose,
    long Requests,
    double PerRun,
    OutcomeCounts Outcomes,
    DurationFigures Duration);

public sealed record StateFigures(string State, long Requests, double PerRun, OutcomeCounts Outcomes);

public sealed record RefusalGroundFigures(
    string Ground,
    string Description,
    string Source,
    long Refusals,
    double PerRun,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> RefusedBy);

/// <summary>Expedited requests of one kind (emergencies, or requests marked urgent): how many, how many answered (data
/// produced), and how long the answer took (sent to delivered).</summary>
public sealed record ExpeditedFigures(long Requests, long Answered, double AnsweredShare, DurationFigures TimeToAnswer);

/// <summary>
/// Preservation requests and how many were confirmed; then, per item frozen (one request may freeze several items):
/// how many items were frozen, extensions, freezes kept alive by a production request, and freezes that lapsed.
/// </summary>
public sealed record PreservationFigures(long Requests, long Confirmed, long ItemsFrozen, long Extensions, long KeptAliveByProduction, long Lapsed);

public sealed record ProviderCostFigures(string Provider, long Requests, long Answered, decimal Cost, decimal PerRun);

/// <summary>What providers charged; <see cref="ReimbursedByIssuingStates"/>: the part issuing states bear, where an
/// instrument lets providers claim it and the issuing state's law reimburses them (REG Art. 14); providers bear the rest.</summary>
public sealed record CostFigures(decimal Total, decimal PerRun, IReadOnlyList<ProviderCostFigures> ByProvider, decimal ReimbursedByIssuingStates = 0);

/// <summary>
/// The safeguards side (docs/safeguards.md), as counts by kind: requests that asked beyond what their facts support and
/// those a requested state narrowed; of the secured items' records, those beyond the need and those of third parties;
/// and the trial at the end: items secured, secured and admissible, open to challenge, excluded; third parties' records
/// redacted before transfer; and the oversight of emergencies: claims reviewed once their threat ended, those that did
/// not hold, requests that lapsed with their emergency, orders sent first and not validated afterwards (REG Art. 4(5));
/// and purpose limitation: uses of evidence beyond its purpose, those with the giving state's consent, consents refused,
/// uses without the consent needed, and uses the other case's court did not admit cleanly (under challenge or excluded);
/// and provider duties: orders whose addressee let the deadline pass, enforcements asked for, those not recognised, and
/// penalties imposed (REG Arts. 15-16); and informing the persons whose data orders obtained: due, informed, delayed with
/// reasons, and neither (REG Art. 13).
/// </summary>
public sealed record SafeguardFigures(long OverBroadRequests, long NarrowedRequests, long RecordsObtained, long RecordsBeyondNeed, long ThirdPartyRecords,
    long ItemsSecured, long SecuredAndAdmissible, long AdmissibleUnderChallenge, long Excluded,
    long RecordsRedacted = 0, long EmergencyClaimsReviewed = 0, long EmergencyClaimsNotHeld = 0, long LapsedWithEmergency = 0, long NotValidatedAfterwards = 0,
    long UsesBeyondPurpose = 0, long UsesWithConsent = 0, long ConsentsRefused = 0, long PurposeViolations = 0, long UsesNotAdmitted = 0,
    long OrdersInDefault = 0, long EnforcementsRequested = 0, long EnforcementsNotRecognised = 0, long Penalties = 0,
    long PersonsToInform = 0, long PersonsInformed = 0, long InformingDelayed = 0, long PersonsNotInformed = 0);

/// <summary>
/// A transparency report's figures, for one exercise (<see cref="Runs"/> = 1) or summed over many runs with the
/// per-run average beside each count. <see cref="Urgent"/>: requests marked urgent without an emergency (Budapest Art. 31(3)).
/// </summary>
public sealed record TransparencyFigures(
    int Runs,
    long Requests,
    double RequestsPerRun,
    OutcomeCounts Outcomes,
    IReadOnlyList<InstrumentFigures> ByInstrument,
    IReadOnlyList<StateFigures> ByIssuingState,
    IReadOnlyList<StateFigures> ByRequestedState,
    IReadOnlyList<RefusalGroundFigures> RefusalGrounds,
    ExpeditedFigures Emergency,
    PreservationFigures Preservation,
    CostFigures ProviderCost,
    ExpeditedFigures Urgent,
    SafeguardFigures? Safeguards = null);
