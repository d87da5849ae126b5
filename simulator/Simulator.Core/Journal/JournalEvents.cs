using Simulator.Core.Common;
using Simulator.Core.Communications;
using Simulator.Core.Engine;

namespace Simulator.Core.Journal;

/// <summary>
/// Everything that happens in an exercise is one of these. The record's name is the event type in the journal,
/// its members the event's data, in declaration order. Add new members last so old journals still read.
/// </summary>
public abstract record JournalEvent;

public sealed record ExerciseStarted(string Scenario, string Title, long Seed, string Policy, DateTimeOffset Start, DateTimeOffset End) : JournalEvent;
public sealed record ExerciseEnded(string Reason) : JournalEvent;
public sealed record IncidentStarted(string Incident, string Title, string Investigating, DateTimeOffset StartedAt) : JournalEvent;
public sealed record EvidenceCreated(string Evidence, string Lead, string Holder, string StoredIn, DataCategory Category, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string ContentSha256, int Records) : JournalEvent;
public sealed record LeadDiscovered(string Lead, string Incident, string Jurisdiction, string How) : JournalEvent;
public sealed record InjectDelivered(string Inject, IReadOnlyList<string> To, string Title, string? ExpectedAction, bool OnDemand) : JournalEvent;
public sealed record InjectSkipped(string Inject, string Reason) : JournalEvent;
public sealed record DecisionTaken(string Actor, string Decision, string? Request, string? Detail) : JournalEvent;
/// <summary><see cref="Urgent"/>: marked urgent without an emergency (ETS185 Art. 31(3)); written only when true, so journals
/// of requests without it read as they always did.</summary>
public sealed record RequestDrafted(string Request, string Instrument, string Issuer, string RequestedState, string Provider, IReadOnlyList<string> Evidence, IReadOnlyList<DataCategory> Categories, bool Emergency, string? Deadline,
    RequestParticulars? Particulars = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Urgent = false,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RequestScope? Scope = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Minimise = false) : JournalEvent;
/// <summary>
/// A request's scope judged against what its leads' facts support, when it states one (<see cref="Rules.ScopeAssessment"/>):
/// what exceeds the need, what the window leaves out, and the records it brings, of which third-party and beyond the need.
/// </summary>
public sealed record RequestScopeAssessed(string Request, IReadOnlyList<string> Excess, IReadOnlyList<string> Shortfall, int Records, int BeyondNeed, int ThirdParty) : JournalEvent;
/// <summary>The holder redacted <see cref="Records"/> third parties' records before transfer, as minimised production was asked, taking <see cref="Took"/> more.</summary>
public sealed record RecordsRedacted(string Request, string By, int Records, string Took) : JournalEvent;
/// <summary>The requested state executes an over-broad request for what the facts support only (<see cref="Cut"/>), under <see cref="Source"/>.</summary>
public sealed record RequestNarrowed(string Request, string By, IReadOnlyList<string> Cut, string Source, int Records, int ThirdParty) : JournalEvent;
/// <summary>The requested state approves on conditions (<see cref="Uses"/>: uses of what it gives that need its consent), under <see cref="Source"/>.</summary>
public sealed record ConditionsAttached(string Request, string By, IReadOnlyList<string> Uses, string Source) : JournalEvent;
public sealed record RequestStateChanged(string Request, string From, string To, string Trigger, string By) : JournalEvent;
public sealed record RequestRefused(string Request, string Ground, string Description, string Source, string By) : JournalEvent;
public sealed record ClarificationRequested(string Request, string By, string Question) : JournalEvent;
public sealed record EnforcingStateNotified(string Request, string State, DateTimeOffset WindowEnds) : JournalEvent;
/// <summary>
/// An order that would be notified to <see cref="State"/> is not, because the offence was committed in the issuing state
/// and the person whose data is sought resides there (<see cref="Rule"/>, REG Art. 8(2)): no objection window runs.
/// </summary>
public sealed record NotificationNotRequired(string Request, string State, string Rule) : JournalEvent;
/// <summary>The enforcing authority <see cref="By"/> confirmed within its window that it raises no ground against the order (<see cref="Rule"/>, REG Art. 10(2)).</summary>
public sealed record NoGroundRaised(string Request, string By, string Rule) : JournalEvent;
/// <summary>The enforcing state objected, within the emergency window, to data already transmitted (REG Art. 10(4)): its use is restricted.</summary>
public sealed record DataUseObjected(string Request, string Ground, string Description, string Source, string By, string Rule) : JournalEvent;
/// <summary>
/// The addressee objected that complying would break <see cref="ThirdCountry"/>'s law (REG Art. 17(1)-(2)); execution
/// waits for <see cref="Court"/>'s review, due by <see cref="ReviewEndsAt"/> where the engine plays the court, and
/// whenever its trainee decides where one holds the seat (null).
/// </summary>
public sealed record ConflictingObligationRaised(string Request, string By, string ThirdCountry, IReadOnlyList<DataCategory> Categories, string Law, string Rule, string Court,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReviewEndsAt) : JournalEvent;
/// <summary>
/// The court's review of a conflict of obligations: the order upheld (then executed) or lifted (then refused). Lifted
/// <see cref="OnlyFor"/> some categories (from rules 2026.12.12), it stands for the rest, which the addressee produces.
/// </summary>
public sealed record ConflictingObligationReviewed(string Request, string By, bool Upheld, string Reason, string Source,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DataCategory>? OnlyFor = null) : JournalEvent;
/// <summary>An order produced data: the person whose data they are is to be told without undue delay (REG Art. 13(1)), or the delay recorded with reasons.</summary>
public sealed record PersonToBeInformed(string Request, string By, string Source) : JournalEvent;
/// <summary>The issuing authority told the person whose data the order obtained, with the remedies open to them (<see cref="Remedies"/>).</summary>
public sealed record PersonInformed(string Request, string By, string Remedies) : JournalEvent;
/// <summary>The issuing authority delays telling the person, with its reasons for the case file (REG Art. 13(2)).</summary>
public sealed record InformingDelayed(string Request, string By, string Reason, string Source) : JournalEvent;
/// <summary>The addressee of a binding order let its deadline pass without answering (REG Art. 16(1)): the issuing state may now ask for enforcement.</summary>
public sealed record OrderInDefault(string Request, string Provider, DateTimeOffset Deadline, string Source) : JournalEvent;
/// <summary>The issuing state asked the enforcing authority (<see cref="EnforcingAuthority"/>) to enforce an order in default; it decides by <see cref="DecideBy"/>.</summary>
public sealed record EnforcementRequested(string Request, string By, string EnforcingAuthority, DateTimeOffset DecideBy, string Source) : JournalEvent;
/// <summary>The enforcing authority's decision: the order recognised (the addressee formally required to comply) or not, with the reason and article.</summary>
public sealed record EnforcementDecided(string Request, string By, bool Recognised, string Reason, string Source) : JournalEvent;
/// <summary>
/// The addressee did not comply with a recognised order and was given a pecuniary penalty (REG Art. 15(1)):
/// <see cref="CeilingShare"/> of its worldwide annual turnover at most, <see cref="Ceiling"/> where its turnover is known;
/// <see cref="Remedy"/> says where it may challenge it.
/// </summary>
public sealed record PenaltyImposed(string Request, string Provider, string By, double CeilingShare, decimal? Ceiling, string Source, string Remedy) : JournalEvent;
/// <summary>
/// The reviewing officer's checklist beside an answer: the checks confirmed and not confirmed, and each confirmation the
/// case's facts do not support (<see cref="Unsupported"/>, for the evaluator and the debrief).
/// </summary>
public sealed record ReviewRecorded(string Request, string By, string Answer, IReadOnlyList<string> Confirmed, IReadOnlyList<string> NotConfirmed, IReadOnlyList<string> Unsupported) : JournalEvent;
/// <summary>
/// An order issued by an authority that needs validation went to <see cref="Validator"/> of its state (REG Art. 4(1)(b),
/// 4(2)(b), 4(3)(b)); <see cref="MayValidate"/> are the roles that may. <see cref="DueBy"/>: the order went first in an
/// emergency and is validated afterwards by then (Art. 4(5)); null: it waits for validation before it is sent.
/// </summary>
public sealed record ValidationSought(string Request, string Validator, IReadOnlyList<string> MayValidate, DateTimeOffset? DueBy, string Source) : JournalEvent;
/// <summary>The order was validated, before it was sent or (<see cref="Afterwards"/>) after it went first in an emergency.</summary>
public sealed record RequestValidated(string Request, string By, bool Afterwards, string? Note) : JournalEvent;
/// <summary>Validation was refused: an order not yet sent is not issued; one already sent is withdrawn and what it produced erased (REG Art. 4(5)).</summary>
public sealed record ValidationRefused(string Request, string By, string Reason, bool Afterwards, string Source) : JournalEvent;
/// <summary>An order sent first in an emergency was not validated by <see cref="DueBy"/> (REG Art. 4(5)): it is withdrawn and what it produced erased.</summary>
public sealed record ValidationLapsed(string Request, DateTimeOffset DueBy, string Source) : JournalEvent;
/// <summary>
/// The threat incident <see cref="Incident"/>'s emergencies rested on <see cref="Found"/> "ended" (it was real and is
/// over) or "unfounded" (there never was one): from now no emergency may be claimed on it (sunset, <see cref="Source"/>).
/// </summary>
public sealed record ThreatEnded(string Incident, string Investigating, string Found, string Note, string Source) : JournalEvent;
/// <summary>
/// An emergency request reviewed against the facts once its threat ended: whether the claim <see cref="Held"/> when it
/// was made, and whether the request, still open and allowed only in an emergency, <see cref="Lapsed"/> with it.
/// </summary>
public sealed record EmergencyClaimReviewed(string Request, bool Held, bool Lapsed, string Finding, string Source) : JournalEvent;
public sealed record RetentionAtRisk(string Evidence, DateTimeOffset ExpiresAt) : JournalEvent;
public sealed record DeadlineAtRisk(string Request, DateTimeOffset Deadline) : JournalEvent;
public sealed record RequestEscalated(string Request, string By, string Stage) : JournalEvent;
public sealed record PreservationStateChanged(string Preservation, string Request, string Evidence, string From, string To, DateTimeOffset? Until) : JournalEvent;
public sealed record PreservationExpiring(string Preservation, string Evidence, DateTimeOffset Until) : JournalEvent;
public sealed record EvidenceLost(string Evidence, string Reason, string Stage) : JournalEvent;
public sealed record PathDisclosed(string Request, string Evidence, IReadOnlyList<string> RevealsLeads) : JournalEvent;
public sealed record EvidenceProduced(string Request, string Evidence, bool Found, string? Reason) : JournalEvent;
public sealed record CustodyRecorded(string Evidence, int Step, string Action, string Holder, string ContentSha256, string? Via, string PreviousHash, string Hash) : JournalEvent;
public sealed record EvidenceDelivered(string Request, string Evidence, string To, string ContentSha256) : JournalEvent;
public sealed record ObjectiveRated(string Objective, string Rating, string Evidence) : JournalEvent;
/// <summary>A pending inject changed; <see cref="To"/> only when its recipients did (its expected action is the trainer's, in the MSEL).</summary>
public sealed record InjectEdited(string Inject, DateTimeOffset At, string Title, IReadOnlyList<string>? To = null) : JournalEvent;
/// <summary>Live: the trainer handed a trainee's seat to the engine (<see cref="Policy"/> plays it), and later gave it back.</summary>
public sealed record SeatHandedToEngine(string Seat, string Policy) : JournalEvent;
public sealed record SeatTakenBack(string Seat) : JournalEvent;
/// <summary>The trainer added an inject to the MSEL while the exercise runs.</summary>
public sealed record InjectAdded(string Inject, DateTimeOffset At, IReadOnlyList<string> To, string Title) : JournalEvent;
/// <summary>A planner's branch of a recorded exercise: from here a policy plays the seats trainees held.</summary>
public sealed record PolicyTookOver(string Policy, IReadOnlyList<string> Seats) : JournalEvent;
/// <summary>A message leaves its sender; its recipient has it at <see cref="DeliversAt"/> (<see cref="MessageDelivered"/>).</summary>
public sealed record MessageSent(string Message, string From, string To, MessageChannel Channel, string? Subject, string Text, string? About, string? InReplyTo,
    DateTimeOffset DeliversAt, bool ByTrainer) : JournalEvent;
public sealed record MessageDelivered(string Message, string From, string To) : JournalEvent;
/// <summary>An office hands an inject or a lead (<see cref="Kind"/>) to another office of its state.</summary>
public sealed record Referred(string Item, string Kind, string From, string To, string? Note) : JournalEvent;
/// <summary>The evaluator rated a critical task or an objective (HSEEP P, S, M, U).</summary>
public sealed record TaskRated(string Task, Evaluation.HseepRating Rating, string? Notes) : JournalEvent;
public sealed record ObservationRecorded(string Observation, string Text, IReadOnlyList<long> Events, string? Task) : JournalEvent;
public sealed record HotWashRecorded(string By, string? Strengths, string? Improvements) : JournalEvent;
public sealed record InjectAnswered(string Response, string Inject, string By, ResponseKind Kind, string Text) : JournalEvent;
/// <summary>
/// The trial at the end in <see cref="Investigating"/> examined a secured item: its <see cref="Verdict"/> (admissible,
/// admissible-under-challenge, excluded), each finding against it and the article of each (docs/safeguards.md).
/// </summary>
public sealed record AdmissibilityExamined(string Evidence, string Investigating, string Verdict, IReadOnlyList<string> Findings, IReadOnlyList<string> Sources) : JournalEvent;

// Purpose limitation and speciality (docs/safeguards.md): evidence given for one investigation, wanted for another.

/// <summary>The facts bring up a use of an item beyond its purpose (<see cref="World.WantedUse"/>): <see cref="For"/> an incident or a state.</summary>
public sealed record UseWanted(string Use, string Evidence, string Kind, string For, string Note) : JournalEvent;
/// <summary>The receiving state asks the state that gave the item for consent to another use, under <see cref="Source"/>.</summary>
public sealed record UseConsentAsked(string Consent, string Evidence, string Kind, string For, string By, string Giver, string Source, string? Note = null) : JournalEvent;
/// <summary>The giving state's central authority grants or refuses the consent, with its reason.</summary>
public sealed record UseConsentAnswered(string Consent, bool Granted, string By, string? Reason) : JournalEvent;
/// <summary>
/// An item is put to a use beyond its purpose: in another investigation, or passed on to another state. <see cref="Consent"/>:
/// the consent granted for it, where one was needed and given.
/// </summary>
public sealed record EvidenceUsed(string Evidence, string Kind, string For, string By, bool NeededConsent, string? Consent, string? Note = null) : JournalEvent;
/// <summary>A use made without the consent the giving state's terms require: a violation of purpose limitation or speciality, with its article.</summary>
public sealed record PurposeViolated(string Evidence, string Kind, string For, string By, string Giver, string Why, string Source) : JournalEvent;
/// <summary>
/// The trial at the end in <see cref="Investigating"/> examined an item relied on in another investigation
/// (<see cref="In"/>) than the one it was given for: its verdict there, and each finding with its article.
/// </summary>
public sealed record UseExamined(string Evidence, string In, string Investigating, string Verdict, IReadOnlyList<string> Findings, IReadOnlyList<string> Sources) : JournalEvent;
