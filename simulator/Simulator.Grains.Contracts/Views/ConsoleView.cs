using System.Text.Json.Serialization;

namespace Simulator.Grains.Contracts;

/// <summary>
/// What one credential or audience sees of an exercise (docs/hub.md "Views"): a <see cref="StateView"/> for a
/// state's seats, or the <see cref="Overview"/> for the trainer and observers. SignalR writes it as the type it is.
/// </summary>
[GenerateSerializer, Immutable]
[JsonDerivedType(typeof(StateView)), JsonDerivedType(typeof(Overview))]
public abstract record ConsoleView;

/// <summary>
/// A seat's view. What its state shares with its other seats: the leads of its investigations, its outgoing and
/// incoming requests, the evidence it secured and the preservations it asked for or holds, the requests for consent to
/// another use it asked or must answer (purpose limitation). What is the seat's alone:
/// the injects addressed to it (or to its whole state) or referred to it, the messages it sent and received, its
/// answers to injects and its referrals, and who plays each of its colleagues' offices.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StateView(
    [property: Id(0)] string? Seat,
    [property: Id(1)] string Jurisdiction,
    [property: Id(2)] string? Role,
    [property: Id(3)] IReadOnlyList<DeliveredInject> Injects,
    [property: Id(4)] IReadOnlyList<LeadView> Leads,
    [property: Id(5)] IReadOnlyList<RequestView> Outgoing,
    [property: Id(6)] IReadOnlyList<RequestView> Incoming,
    [property: Id(7)] IReadOnlyList<SecuredEvidence> Evidence,
    [property: Id(8)] IReadOnlyList<PreservationView> Preservations,
    [property: Id(9)] IReadOnlyList<MessageView>? Messages = null,
    [property: Id(10)] IReadOnlyList<ResponseView>? Responses = null,
    [property: Id(11)] IReadOnlyList<ReferralView>? Referrals = null,
    [property: Id(12)] IReadOnlyList<ColleagueView>? Colleagues = null,
    [property: Id(13)] IReadOnlyList<HotWashView>? HotWash = null,
    [property: Id(14)] int UtcOffsetMinutes = 0,
    [property: Id(15)] bool PlayedByEngine = false,
    [property: Id(16)] IReadOnlyList<ConsentView>? Consents = null) : ConsoleView;

/// <summary>
/// The whole exercise, as the trainer and observers see it: the MSEL with each inject's status, every discovered
/// lead, request, secured item and preservation, and how each objective is going. Observers get it without the
/// sealed expected actions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Overview(
    [property: Id(0)] string Scenario,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<JurisdictionName> Jurisdictions,
    [property: Id(3)] IReadOnlyList<MselInject> Injects,
    [property: Id(4)] IReadOnlyList<LeadView> Leads,
    [property: Id(5)] IReadOnlyList<RequestView> Requests,
    [property: Id(6)] IReadOnlyList<SecuredEvidence> Evidence,
    [property: Id(7)] IReadOnlyList<PreservationView> Preservations,
    [property: Id(8)] IReadOnlyList<ObjectiveProgress> Objectives,
    [property: Id(9)] IReadOnlyList<MessageView>? Messages = null,
    [property: Id(10)] IReadOnlyList<ResponseView>? Responses = null,
    [property: Id(11)] IReadOnlyList<ReferralView>? Referrals = null,
    [property: Id(12)] EvaluationView? Evaluation = null,
    [property: Id(13)] IReadOnlyList<ConsentView>? Consents = null) : ConsoleView;

[GenerateSerializer, Immutable]
public sealed record JurisdictionName([property: Id(0)] string Id, [property: Id(1)] string Name);

/// <summary>How an objective is going, by the after-action report's rater applied to the journal so far; provisional before the end.</summary>
[GenerateSerializer, Immutable]
public sealed record ObjectiveProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] string Capability,
    [property: Id(2)] string Task,
    [property: Id(3)] string? Rating,
    [property: Id(4)] string? RatingEvidence,
    [property: Id(5)] bool Provisional);
