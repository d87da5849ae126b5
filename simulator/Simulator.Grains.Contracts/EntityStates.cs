namespace Simulator.Grains.Contracts;

// The state each entity grain keeps in Orleans grain storage: one state's authorities, one provider's holdings,
// one incident's investigation, as they stood after journal event `Through`. The exercise grain, which sequences
// the exercise, records a new state in the entity grain whenever a step changed it; the procedures' Stateless
// machine states (request, queue case, preservation, provider handling, escalation) are kept in kebab-case text.
// Serialized as JSON both in storage and to hub clients: field meanings in docs/hub.md.

/// <summary>
/// Which recording an entity state is: the exercise grain's activation that took it (<c>Writer</c>, increasing
/// with each activation) and the journal length it reflects (<c>Through</c>). A later activation's state replaces
/// an earlier one's even with a shorter journal (a restart that replayed less than a lost activation had run).
/// </summary>
public interface IEntityState
{
    long Writer { get; }
    long Through { get; }
    DateTimeOffset At { get; }
}

public static class EntityStamp
{
    /// <summary>True when <paramref name="candidate"/> was taken before <paramref name="current"/> and must not replace it.</summary>
    public static bool IsOlder(IEntityState candidate, IEntityState current) =>
        candidate.Writer < current.Writer || (candidate.Writer == current.Writer && candidate.Through < current.Through);
}

/// <summary>One office's queue: who plays it, its officers, how many are busy and on which requests (<c>Working</c>), the cases waiting, and the cases done.</summary>
[GenerateSerializer, Immutable]
public sealed record OfficeState(
    [property: Id(0)] string Seat,
    [property: Id(1)] string PlayedBy,
    [property: Id(2)] int? Officers,
    [property: Id(3)] int Busy,
    [property: Id(4)] IReadOnlyList<QueuedCase> Waiting,
    [property: Id(5)] int Handled,
    [property: Id(6)] IReadOnlyList<string> Working);

/// <summary>A case waiting in an office's queue, with its queue-case machine's state and whether it was prioritised.</summary>
[GenerateSerializer, Immutable]
public sealed record QueuedCase([property: Id(0)] string Request, [property: Id(1)] bool Priority, [property: Id(2)] string Case);

[GenerateSerializer, Immutable]
public sealed record ContactPointDesk([property: Id(0)] string Staffing, [property: Id(1)] OfficeState Office);

[GenerateSerializer, Immutable]
public sealed record CentralAuthorityDesk([property: Id(0)] string QueueWait, [property: Id(1)] OfficeState Office);

/// <summary>
/// A request as one state sees it: the other state (`to` for one it sent, `from` for one it received), the
/// request machine's state, the escalation machine's state and the response deadline, who reviews it, and the
/// evidence items it asks for.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestAtDesk(
    [property: Id(0)] string Request,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string State,
    [property: Id(3)] string Escalation,
    [property: Id(4)] string? To = null,
    [property: Id(5)] string? From = null,
    [property: Id(6)] DateTimeOffset? Deadline = null,
    [property: Id(7)] string? Reviewer = null,
    [property: Id(8)] IReadOnlyList<string>? Evidence = null);

/// <summary>
/// One state of one exercise (grain key "exerciseId/STATE"): its authorities, the policy that plays it when no
/// trainee does (null while trainees hold any of its seats), and the requests it sent and received.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JurisdictionDesk(
    [property: Id(0)] long Through,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string State,
    [property: Id(3)] string Name,
    [property: Id(4)] string Capability,
    [property: Id(5)] IReadOnlyList<string> Frameworks,
    [property: Id(6)] ContactPointDesk ContactPoint,
    [property: Id(7)] CentralAuthorityDesk CentralAuthority,
    [property: Id(8)] IReadOnlyList<string> Seats,
    [property: Id(9)] IReadOnlyList<RequestAtDesk> Sent,
    [property: Id(10)] IReadOnlyList<RequestAtDesk> Received,
    [property: Id(11)] string? Policy,
    [property: Id(12)] long Writer,
    [property: Id(13)] IReadOnlyList<string>? HandedOver = null) : IEntityState;

/// <summary>A preservation at the holder: the request behind it, its machine's state, and until when it holds.</summary>
[GenerateSerializer, Immutable]
public sealed record HeldPreservation([property: Id(0)] string Preservation, [property: Id(1)] string Request, [property: Id(2)] string State, [property: Id(3)] DateTimeOffset? Until);

/// <summary>One item a provider holds: whether it exists yet, where it stands, when its retention runs out, what preserves it.</summary>
[GenerateSerializer, Immutable]
public sealed record Holding(
    [property: Id(0)] string Evidence,
    [property: Id(1)] string Category,
    [property: Id(2)] string Status,
    [property: Id(3)] bool Exists,
    [property: Id(4)] DateTimeOffset RetentionExpiresAt,
    [property: Id(5)] DateTimeOffset? PreservedUntil,
    [property: Id(6)] IReadOnlyList<HeldPreservation> Preservations);

/// <summary>A request at the provider: the request machine's state and the provider's own handling machine's state.</summary>
[GenerateSerializer, Immutable]
public sealed record ProviderCase([property: Id(0)] string Request, [property: Id(1)] string Instrument, [property: Id(2)] string From, [property: Id(3)] string State, [property: Id(4)] string? Handling);

[GenerateSerializer, Immutable]
public sealed record ResponseTeam([property: Id(0)] int Capacity, [property: Id(1)] int Busy, [property: Id(2)] int Waiting, [property: Id(3)] int Handled);

/// <summary>One service provider of one exercise (grain key "exerciseId/provider"): its data, retention and handling.</summary>
[GenerateSerializer, Immutable]
public sealed record ProviderHoldings(
    [property: Id(0)] long Through,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Provider,
    [property: Id(3)] string Name,
    [property: Id(4)] string Headquarters,
    [property: Id(5)] IReadOnlyList<string> StorageIn,
    [property: Id(6)] IReadOnlyDictionary<string, string> Retention,
    [property: Id(7)] ResponseTeam Team,
    [property: Id(8)] IReadOnlyList<Holding> Holdings,
    [property: Id(9)] IReadOnlyList<ProviderCase> Requests,
    [property: Id(10)] decimal Cost,
    [property: Id(11)] long Writer) : IEntityState;

/// <summary>An item behind a lead: who holds it, where it stands, when its retention runs out.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadEvidence([property: Id(0)] string Evidence, [property: Id(1)] string Holder, [property: Id(2)] string Status, [property: Id(3)] DateTimeOffset RetentionExpiresAt);

[GenerateSerializer, Immutable]
public sealed record LeadState([property: Id(0)] string Lead, [property: Id(1)] string Title, [property: Id(2)] bool Discovered, [property: Id(3)] IReadOnlyList<LeadEvidence> Evidence);

/// <summary>One incident's investigation in one exercise (grain key "exerciseId/incident"): every lead, discovered or not, and the requests sent.</summary>
[GenerateSerializer, Immutable]
public sealed record InvestigationStatus(
    [property: Id(0)] long Through,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Incident,
    [property: Id(3)] string Title,
    [property: Id(4)] string Investigating,
    [property: Id(5)] IReadOnlyList<LeadState> Leads,
    [property: Id(6)] IReadOnlyList<RequestAtDesk> Requests,
    [property: Id(7)] long Writer) : IEntityState;
