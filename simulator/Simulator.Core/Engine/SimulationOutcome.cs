using Simulator.Core.Common;

namespace Simulator.Core.Engine;

/// <summary>What became of one evidence item, and why. Documented field by field in docs/cli.md.</summary>
public sealed record EvidenceOutcome(
    string Evidence,
    string Lead,
    string Holder,
    string StoredIn,
    DataCategory Category,
    string Status,
    string Reason,
    string? Stage,
    string? Ground,
    TimeSpan? TimeToPreservation,
    TimeSpan? TimeToEvidence,
    string? SecuredBy,
    DateTimeOffset ExpiresAt,
    string? Admissibility = null,
    string? AdmissibilityReason = null);

public sealed record LeadOutcome(string Lead, string Title, DateTimeOffset? DiscoveredAt, int Evidence, int Secured, int Lost);

public sealed record StageTime(string Stage, string Authority, TimeSpan Duration);

/// <summary>One request at the end. <see cref="Urgent"/>: marked urgent without an emergency (Budapest Art. 31(3));
/// written only when true, so outcomes of runs without one read as before.</summary>
public sealed record RequestOutcome(
    string Request,
    string Instrument,
    string Issuer,
    string RequestedState,
    string Provider,
    IReadOnlyList<string> Evidence,
    bool Emergency,
    string State,
    DateTimeOffset? SentAt,
    DateTimeOffset? ClosedAt,
    TimeSpan? Duration,
    string? Ground,
    string? GroundSource,
    DateTimeOffset? Deadline,
    string? DeadlineOutcome,
    int Clarifications,
    int Escalations,
    IReadOnlyList<StageTime> Stages,
    string? ProviderState,
    decimal Cost,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Urgent = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool OverBroad = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Narrowed = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Minimised = false,
    string? CostBorneBy = null,
    string? Enforcement = null,
    decimal? PenaltyCeiling = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool InDefault = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Catalogue.UseKind>? Conditions = null);

/// <summary>
/// The rights side of a run, as counts by kind, never folded into one score (docs/safeguards.md): requests that asked
/// beyond what their facts support, those a requested state narrowed, the records of the secured items (all, beyond
/// the need, of third parties), and the trial's verdicts against secured items (under challenge, excluded). The
/// oversight of emergencies: claims reviewed once their threat ended, those that did not hold, requests that lapsed
/// with their emergency, and orders sent first whose validation afterwards was refused or not given in time (REG Art. 4(5)).
/// Purpose limitation: uses made of secured items beyond their purpose, those with the giving state's consent, consents
/// refused, uses without the consent needed (violations), and uses the other investigation's court did not admit cleanly
/// (under challenge or excluded). Provider duties: orders whose addressee let the deadline pass, enforcements asked for,
/// those the enforcing state did not recognise, and penalties imposed (REG Arts. 15-16). Informing the persons whose data
/// orders obtained (REG Art. 13): due, informed, delayed with reasons, and neither by the end (not informed). Figures
/// added after a release are written only when not zero, so outcomes of runs without them read as before.
/// </summary>
public sealed record RightsSummary(int OverBroadRequests, int NarrowedRequests, int RecordsObtained, int RecordsBeyondNeed, int ThirdPartyRecords,
    int AdmissibleUnderChallenge = 0, int Excluded = 0, int RecordsRedacted = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int EmergencyClaimsReviewed = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int EmergencyClaimsNotHeld = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int LapsedWithEmergency = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int NotValidatedAfterwards = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int UsesBeyondPurpose = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int UsesWithConsent = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int ConsentsRefused = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int PurposeViolations = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int UsesNotAdmitted = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int OrdersInDefault = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int EnforcementsRequested = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int EnforcementsNotRecognised = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int Penalties = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int PersonsToInform = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int PersonsInformed = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int InformingDelayed = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] int PersonsNotInformed = 0);

public sealed record WaitingTime(string Stage, string Authority, TimeSpan Total, int Requests);

public sealed record ObjectiveOutcome(string Objective, string Capability, string Task, string Rating, string Evidence);

public sealed record OutcomeSummary(
    int Evidence,
    int Secured,
    int Preserved,
    int Lost,
    int Refused,
    int NotFound,
    int Pending,
    int Requests,
    TimeSpan? MedianTimeToPreservation,
    TimeSpan? MedianTimeToEvidence,
    decimal ProviderCost,
    int SecuredAndAdmissible = 0);

/// <summary>The result of a run: per evidence item, per lead, per request, where the time went, and the objectives.</summary>
public sealed record SimulationOutcome(
    string Scenario,
    long Seed,
    string Policy,
    DateTimeOffset Start,
    DateTimeOffset End,
    OutcomeSummary Summary,
    IReadOnlyList<EvidenceOutcome> Evidence,
    IReadOnlyList<LeadOutcome> Leads,
    IReadOnlyList<RequestOutcome> Requests,
    IReadOnlyList<WaitingTime> TimeByStage,
    IReadOnlyList<ObjectiveOutcome> Objectives,
    int JournalEvents,
    string JournalHead,
    IReadOnlyList<string> PolicyRejections,
    RightsSummary? Rights = null);
