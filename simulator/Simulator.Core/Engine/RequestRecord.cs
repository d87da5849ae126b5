using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>A request in flight or closed, with its machine and the clocks that run on it.</summary>
public sealed class RequestRecord
{
    public required string Id { get; init; }
    public required Instrument Instrument { get; init; }
    public required string Issuer { get; init; }
    public required AuthorityRole IssuerRole { get; init; }
    public required string RequestedState { get; init; }
    public required ServiceProvider Provider { get; init; }
    public required IReadOnlyList<EvidenceItem> Items { get; init; }
    public required bool Emergency { get; init; }
    /// <summary>Marked urgent and accepted as such (ETS185 Art. 31(3)): sent by expedited means, answered on an expedited basis.</summary>
    public bool Urgent { get; init; }
    public required RequestLifecycle Lifecycle { get; init; }
    public required DeterministicRandom Random { get; init; }
    public required DateTimeOffset DraftedAt { get; init; }
    /// <summary>The template a trainee filled in (offence, facts, necessity, urgency); null for a policy's request.</summary>
    public RequestParticulars? Particulars { get; init; }
    /// <summary>The scope the issuer stated (identifiers, window); null: what its leads' facts support.</summary>
    public RequestScope? ScopeAsked { get; init; }
    /// <summary>What its scope brings now, against its leads' facts: as asked, or as a reviewer narrowed it (<see cref="Narrowed"/>).</summary>
    public required Rules.ScopeAssessment Assessment { get; set; }
    /// <summary>The scope as asked, judged when it is sent (at drafting until then), whatever a reviewer later cut.</summary>
    public required Rules.ScopeAssessment AssessmentAsked { get; set; }
    /// <summary>The requested state executed it for what the facts support only (<see cref="Catalogue.ScopeReview"/>).</summary>
    public bool Narrowed { get; set; }
    /// <summary>Minimised production asked: the holder redacts third parties' records before transfer, at a time cost.</summary>
    public bool Minimise { get; init; }
    /// <summary>How many third parties' records the holder redacted from what it produced.</summary>
    public int RecordsRedacted { get; set; }
    /// <summary>The conditions the requested state attached when it approved (<see cref="CaseCondition"/>): uses of what it gives that need its consent.</summary>
    public List<CaseCondition> Conditions { get; } = [];

    public string IssuerSeat => Names.Seat(Issuer, IssuerRole);
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When the holder answered (produced, partly produced or found nothing).</summary>
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public EscalationLifecycle Escalation { get; } = new();
    /// <summary>The holder's own handling of the request, from its legal check to disclosure.</summary>
    public ProviderHandling? ProviderCase { get; set; }
    public string? RefusalGround { get; set; }
    public string? RefusalSource { get; set; }
    public string? RefusedBy { get; set; }

    /// <summary>The office working on the request now, for time accounting and escalation.</summary>
    public string? Office { get; set; }
    /// <summary>Bumped whenever the pending step is rescheduled, so the superseded scheduled step does nothing.</summary>
    public int StepVersion { get; set; }
    public DateTimeOffset? StepDueAt { get; set; }
    public Action? PendingStep { get; set; }
    public DateTimeOffset? StepStartedAt { get; set; }
    /// <summary>The office whose officer is working on the request now, freed if the request closes early.</summary>
    public Office? ActiveOffice { get; set; }
    /// <summary>When the officer working on it is done (its case's start, after the office opens, plus its work).</summary>
    public DateTimeOffset? CaseEndsAt { get; set; }
    /// <summary>When the officer working on it starts (the office's next opening after the officer took it).</summary>
    public DateTimeOffset? CaseStartsAt { get; set; }

    /// <summary>Enforcing-state notification (REG Art. 8): delivery waits until the objection window closes.</summary>
    public DateTimeOffset? NotificationWindowEnds { get; set; }
    public bool AwaitingWindowToDeliver { get; set; }
    /// <summary>The enforcing authority's review of the notified order (REG Art. 12): open while its window runs, then decided or passed.</summary>
    public NotificationReview? NotificationReview { get; set; }
    /// <summary>The ground the enforcing authority raised, once it objected.</summary>
    public string? NotificationGround { get; set; }
    /// <summary>Which engine review of the notification is current: one scheduled before a take-back or a later take-over stands down.</summary>
    public int NotificationReviewVersion { get; set; }
    /// <summary>The addressee objected that complying would break a third country's law (REG Art. 17): it does so once.</summary>
    public bool ConflictRaised { get; set; }
    /// <summary>The categories a court lifted the order for (REG Art. 17, from rules 2026.12.12): the addressee withholds them and produces the rest.</summary>
    public IReadOnlySet<DataCategory> Withheld { get; set; } = new HashSet<DataCategory>();
    /// <summary>The conflict the addressee objected to, and the seat of the court that reviews it (REG Art. 17(3)).</summary>
    public Rules.ConflictOfLaws? Conflict { get; set; }
    public string? CourtSeat { get; set; }
    /// <summary>The court's decision, once given: upheld, lifted, or lifted as to the barred data only.</summary>
    public CourtDecision? CourtDecision { get; set; }
    /// <summary>The addressee let the deadline pass without answering (REG Art. 16(1)): recorded at the deadline, from rules 2026.12.9.</summary>
    public bool InDefault { get; set; }
    /// <summary>Its enforcement by the enforcing state (REG Art. 16), once asked for; null while nobody asked.</summary>
    public EnforcementLifecycle? Enforcement { get; set; }
    /// <summary>The latest the enforcing authority decides on recognition (REG Art. 16(2)).</summary>
    public DateTimeOffset? EnforcementDecideBy { get; set; }
    /// <summary>The ceiling of the penalty the addressee was given for not complying (REG Art. 15(1)), where its turnover is known.</summary>
    public decimal? PenaltyCeiling { get; set; }
    /// <summary>The addressee was penalised for not complying (REG Art. 15), whatever it did afterwards.</summary>
    public bool PenaltyImposed { get; set; }
    /// <summary>Telling the person whose data it produced (REG Art. 13), once due; null before, and where the instrument sets no such duty.</summary>
    public InformingLifecycle? Informing { get; set; }
    public string? InformingReason { get; set; }
    /// <summary>What the order needs from a judge or prosecutor of its own state (REG Art. 4(1)(b), 4(5)); null where its issuer issues it alone.</summary>
    public ValidationNeed? Validation { get; init; }
    /// <summary>The seat validating it (a trainee's where one holds a validating office, else the engine's).</summary>
    public string? ValidatorSeat { get; set; }
    /// <summary>Sent first in an emergency: validated afterwards by then, or withdrawn (REG Art. 4(5)).</summary>
    public DateTimeOffset? ValidationDueBy { get; set; }
    /// <summary>Validated, refused or lapsed: the validation is settled and no later answer counts.</summary>
    public bool ValidationSettled { get; set; }
    public bool Validated { get; set; }
    /// <summary>The seat that validated the order, once it did (with the issuer, its issuing authority: REG Art. 13(1)).</summary>
    public string? ValidatedBy { get; set; }
    public bool ValidationLapsed { get; set; }
    /// <summary>Where its validation stands, for people: awaiting, validated, refused or lapsed; null where it needs none.</summary>
    public string? ValidationStatus => Validation is null ? null
        : Validated ? "validated" : ValidationLapsed ? "lapsed" : ValidationSettled ? "refused" : "awaiting";
    /// <summary>
    /// For an emergency request, once its threat ended or was found unfounded: whether the claim held when it was made
    /// (null until then, and for requests that claimed no emergency).
    /// </summary>
    public bool? EmergencyClaimHeld { get; set; }
    /// <summary>Still open when its emergency ended, and allowed only in an emergency: it lapsed with it (sunset).</summary>
    public bool LapsedWithEmergency { get; set; }
    public List<string> Found { get; } = [];
    /// <summary>Each stretch of time in one state and with whom it lay: the basis of "where the time went".</summary>
    public List<StageSegment> Stages { get; } = [];

    public RequestState State => Lifecycle.State;
    public bool IsProduction => Instrument.Purpose == InstrumentPurpose.Production;
}

public sealed record StageSegment(RequestState State, string Authority, DateTimeOffset From)
{
    public DateTimeOffset? To { get; set; }
}
