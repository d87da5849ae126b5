using Simulator.Core.Engine;

namespace Simulator.Grains.Contracts;

// The parts the state view and the overview share. Statuses are the journal's kebab-case names, as in the entity
// states (EntityStates.cs), so that a view and an entity read the same.

/// <summary>
/// An inject as its recipients received it; the expected action only where the sealed content may be shown. An inject
/// a colleague referred to this seat names who referred it (<see cref="ReferredBy"/>), with the note, and is dated when referred.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeliveredInject(
    [property: Id(0)] string Inject,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyList<string> To,
    [property: Id(5)] bool OnDemand,
    [property: Id(6)] string? ExpectedAction,
    [property: Id(7)] string? ReferredBy = null,
    [property: Id(8)] string? ReferralNote = null);

/// <summary>
/// An MSEL line as the trainer drives it: when it was planned, to whom, whether it waits for a condition, its status
/// (pending, delivered, skipped) and, once delivered or skipped, when that actually happened.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MselInject(
    [property: Id(0)] string Inject,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Title,
    [property: Id(3)] IReadOnlyList<string> To,
    [property: Id(4)] bool Conditional,
    [property: Id(5)] string? ExpectedAction,
    [property: Id(6)] string Text,
    [property: Id(7)] string Status,
    [property: Id(8)] DateTimeOffset? HappenedAt = null);

[GenerateSerializer, Immutable]
public sealed record LeadView(
    [property: Id(0)] string Lead,
    [property: Id(1)] string Incident,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] IReadOnlyList<LeadItem> Evidence);

/// <summary>One evidence item of a lead: where it is, what it is, how long it will be kept (by retention or a preservation), and, once lost, when and why.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadItem(
    [property: Id(0)] string Evidence,
    [property: Id(1)] string Description,
    [property: Id(2)] string Holder,
    [property: Id(3)] string HolderName,
    [property: Id(4)] string HolderState,
    [property: Id(5)] string StoredIn,
    [property: Id(6)] string Category,
    [property: Id(7)] string Status,
    [property: Id(8)] DateTimeOffset RetentionExpiresAt,
    [property: Id(9)] DateTimeOffset? PreservedUntil,
    [property: Id(10)] DateTimeOffset? LostAt = null,
    [property: Id(11)] string? LostReason = null);

[GenerateSerializer, Immutable]
public sealed record RequestView(
    [property: Id(0)] string Request,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string InstrumentName,
    [property: Id(3)] string Issuer,
    [property: Id(4)] string RequestedState,
    [property: Id(5)] string Provider,
    [property: Id(6)] IReadOnlyList<string> Evidence,
    [property: Id(7)] bool Emergency,
    [property: Id(8)] string State,
    [property: Id(9)] string? Reviewer,
    [property: Id(10)] DateTimeOffset DraftedAt,
    [property: Id(11)] DateTimeOffset? SentAt,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] DateTimeOffset? Deadline,
    [property: Id(14)] string? DeadlineStatus,
    [property: Id(15)] string? RefusalGround,
    [property: Id(16)] IReadOnlyList<GroundView> RefusalGrounds,
    [property: Id(17)] int Clarifications,
    [property: Id(18)] RequestParticulars? Particulars,
    [property: Id(19)] IReadOnlyList<EvidenceFate>? Fates = null,
    [property: Id(20)] QueueView? Queue = null,
    [property: Id(21)] bool Urgent = false,
    [property: Id(22)] ValidationView? Validation = null,
    [property: Id(23)] IReadOnlyList<string>? Checks = null,
    [property: Id(24)] ScopeView? Scope = null,
    [property: Id(25)] bool Minimise = false,
    [property: Id(26)] int RecordsRedacted = 0,
    [property: Id(27)] EnforcementView? Enforcement = null,
    [property: Id(28)] bool? EmergencyClaimHeld = null,
    [property: Id(29)] bool LapsedWithEmergency = false,
    [property: Id(30)] InformingView? Informing = null,
    [property: Id(31)] IReadOnlyList<UseConditionView>? Conditions = null,
    [property: Id(32)] IReadOnlyList<UseConditionView>? ConditionsOpen = null,
    [property: Id(33)] CourtReviewView? Court = null,
    [property: Id(34)] NotificationView? Notification = null);

/// <summary>
/// An addressee's objection that complying would break a third country's law (REG 2023/1543 Art. 17), before the
/// issuing state's court (<see cref="Court"/>, the seat): <see cref="Status"/> `awaiting`, `upheld`, `lifted` or
/// `lifted-in-part` (as to the <see cref="Barred"/> categories only); <see cref="Text"/> the objection and the facts the
/// court weighs, with the articles; <see cref="PersonConnected"/> whether the person whose data is sought is a national
/// or resident of, or located in, <see cref="ThirdCountry"/>; <see cref="TraineeDecides"/> whether the court's trainee
/// decides it now (the seat is held, under rules from 2026.12.12), else the engine's court does.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CourtReviewView(
    [property: Id(0)] string Court,
    [property: Id(1)] string Status,
    [property: Id(2)] string ThirdCountry,
    [property: Id(3)] IReadOnlyList<string> Barred,
    [property: Id(4)] string Text,
    [property: Id(5)] bool PersonConnected,
    [property: Id(6)] bool TraineeDecides = false);

/// <summary>
/// An EU production order notified to the enforcing state (REG Arts. 8, 12): its <see cref="Authority"/> (that state's
/// judge seat) may raise a ground until <see cref="WindowEnds"/>. <see cref="Status"/> `open`, `no-ground`, `objected` or
/// `passed`; <see cref="TraineeDecides"/> whether the seat's trainee decides now (held, under rules from 2026.12.13), else
/// the engine does; <see cref="Grounds"/> the enforcing state's grounds the law leaves open to it on this order;
/// <see cref="Text"/> where it stands, with the articles.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NotificationView(
    [property: Id(0)] string State,
    [property: Id(1)] string Authority,
    [property: Id(2)] DateTimeOffset WindowEnds,
    [property: Id(3)] string Status,
    [property: Id(4)] bool TraineeDecides,
    [property: Id(5)] IReadOnlyList<GroundView> Grounds,
    [property: Id(6)] string Text);

/// <summary>
/// A condition on the use of what a request gives (<see cref="Use"/>: `other-investigation` or `onward-transfer`, which
/// then need the giving state's consent), under <see cref="Source"/>: on a request, those its requested state attached
/// when it approved; for the reviewer, while the request awaits its answer, those the instrument lets it attach.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UseConditionView([property: Id(0)] string Use, [property: Id(1)] string Source);

/// <summary>
/// Telling the person whose data the order obtained (REG 2023/1543 Art. 13), once due: <see cref="Status"/> is `due`,
/// `delayed` (with <see cref="Reason"/>) or `informed`; <see cref="Text"/> says what the seat must do, with the article;
/// <see cref="By"/> the seats that are the order's issuing authority and may inform or delay (REG Art. 13(1)).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InformingView(
    [property: Id(0)] string Status,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] IReadOnlyList<string>? By = null);

/// <summary>
/// An order's enforcement (REG 2023/1543 Arts. 15-16), shown once its addressee let the deadline pass: <see cref="Status"/>
/// is `in-default` (nobody has asked yet; <see cref="MayAsk"/> when the issuing state may ask now: only its seats are
/// offered the action), `requested`, `recognised`, `not-recognised`, `penalised`, `complied` or `not-needed` (the order
/// was answered or ended before the decision); <see cref="Text"/> says it in words, with the article.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnforcementView(
    [property: Id(0)] string Status,
    [property: Id(1)] bool MayAsk,
    [property: Id(2)] string Text,
    [property: Id(3)] bool Penalised = false);

/// <summary>
/// An order that needs validation by a judge or prosecutor of its state (REG Art. 4): who validates it
/// (<see cref="Validator"/>), the seats that may (<see cref="MayValidate"/>), by when where it went first in an
/// emergency (<see cref="DueBy"/>, Art. 4(5)), and <see cref="Status"/>: awaiting, validated, refused or lapsed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ValidationView(
    [property: Id(0)] string Validator,
    [property: Id(1)] IReadOnlyList<string> MayValidate,
    [property: Id(2)] DateTimeOffset? DueBy,
    [property: Id(3)] string Status,
    [property: Id(4)] string Text);

/// <summary>
/// What a request has done for one of its items, in words, beside the procedure's state: `in-locker`, `preserved`
/// (until <see cref="At"/>), `lapsed`, `released`, `produced` (on its way), `nothing-found`, `lost` (at, with why),
/// `secured-elsewhere` (through another request) or `pending`.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceFate(
    [property: Id(0)] string Evidence,
    [property: Id(1)] string Fate,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset? At);

/// <summary>Where a received request waits for its review, and about when it opens (Simulation.EstimateQueue).</summary>
[GenerateSerializer, Immutable]
public sealed record QueueView(
    [property: Id(0)] string Office,
    [property: Id(1)] int Ahead,
    [property: Id(2)] int Officers,
    [property: Id(3)] int Busy,
    [property: Id(4)] DateTimeOffset EstimatedStart,
    [property: Id(5)] string Reason);

/// <summary>A refusal ground open to the request's reviewer, with its source.</summary>
[GenerateSerializer, Immutable]
public sealed record GroundView([property: Id(0)] string Id, [property: Id(1)] string Description, [property: Id(2)] string Source);

/// <summary>A secured item: its content's hash and records, and its chain of custody (verified or not).</summary>
[GenerateSerializer, Immutable]
public sealed record SecuredEvidence(
    [property: Id(0)] string Evidence,
    [property: Id(1)] string Category,
    [property: Id(2)] DateTimeOffset? SecuredAt,
    [property: Id(3)] string? SecuredBy,
    [property: Id(4)] string ContentSha256,
    [property: Id(5)] IReadOnlyList<string> Records,
    [property: Id(6)] IReadOnlyList<CustodyView> Custody,
    [property: Id(7)] bool CustodyVerified,
    [property: Id(8)] string? Admissibility = null,
    [property: Id(9)] string? AdmissibilityReason = null,
    [property: Id(10)] UseTermsView? Terms = null,
    [property: Id(11)] IReadOnlyList<UseView>? Uses = null,
    [property: Id(12)] IReadOnlyList<WantedUseView>? Wanted = null);

/// <summary>
/// The purpose and conditions a secured item was given under (docs/safeguards.md, purpose limitation): the incident it
/// was obtained for, the state that gave it (null where none did), the terms in words, and each limit on another use.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UseTermsView(
    [property: Id(0)] string Purpose,
    [property: Id(1)] string? Giver,
    [property: Id(2)] string Terms,
    [property: Id(3)] IReadOnlyList<UseLimitView> Limits);

[GenerateSerializer, Immutable]
public sealed record UseLimitView([property: Id(0)] string Use, [property: Id(1)] bool NeedsConsent, [property: Id(2)] string Source, [property: Id(3)] string? ConsentGroundsOf);

/// <summary>A use made of a secured item beyond its purpose: <see cref="Violation"/> where it needed a consent it did not have.</summary>
[GenerateSerializer, Immutable]
public sealed record UseView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string For,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Consent,
    [property: Id(5)] bool Violation);

/// <summary>A use the facts brought up for the item (a scenario's uses), not made yet: whether it needs the giving state's consent now, and the consent asked for it.</summary>
[GenerateSerializer, Immutable]
public sealed record WantedUseView(
    [property: Id(0)] string Use,
    [property: Id(1)] string Kind,
    [property: Id(2)] string For,
    [property: Id(3)] string Note,
    [property: Id(4)] bool NeedsConsent,
    [property: Id(5)] string? Consent,
    [property: Id(6)] string? ConsentState);

/// <summary>A request for consent to another use, as both states see it; <see cref="Answerer"/> answers it (the giving state's central authority).</summary>
[GenerateSerializer, Immutable]
public sealed record ConsentView(
    [property: Id(0)] string Consent,
    [property: Id(1)] string Evidence,
    [property: Id(2)] string Kind,
    [property: Id(3)] string For,
    [property: Id(4)] string AskedBy,
    [property: Id(5)] string Giver,
    [property: Id(6)] string Answerer,
    [property: Id(7)] string State,
    [property: Id(8)] string? Reason,
    [property: Id(9)] DateTimeOffset AskedAt,
    [property: Id(10)] DateTimeOffset? AnsweredAt,
    [property: Id(11)] string Source);

[GenerateSerializer, Immutable]
public sealed record CustodyView(
    [property: Id(0)] int Step,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Action,
    [property: Id(3)] string Holder,
    [property: Id(4)] string ContentSha256,
    [property: Id(5)] string? Via);

[GenerateSerializer, Immutable]
public sealed record PreservationView(
    [property: Id(0)] string Preservation,
    [property: Id(1)] string Request,
    [property: Id(2)] string Evidence,
    [property: Id(3)] string Instrument,
    [property: Id(4)] string State,
    [property: Id(5)] DateTimeOffset? Until,
    [property: Id(6)] bool CanExtend);
