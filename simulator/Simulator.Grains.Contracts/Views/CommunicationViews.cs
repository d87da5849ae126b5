namespace Simulator.Grains.Contracts;

// What people said besides requests (Core/Communications): as a seat sees its own, and the trainer all of them.

/// <summary>
/// A message: from and to (a seat "STATE/role", a provider's id, or an outside actor's name), its channel (id and
/// name), when it was sent and when it reaches (or reached) the recipient. <see cref="Direction"/> is "out" or "in"
/// for a seat ("all" for the trainer); <see cref="FromSimulationCell"/> marks what the trainer wrote as someone else,
/// shown to the trainer only.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MessageView(
    [property: Id(0)] string Message,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] string Channel,
    [property: Id(4)] string ChannelName,
    [property: Id(5)] string? Subject,
    [property: Id(6)] string Text,
    [property: Id(7)] string? About,
    [property: Id(8)] string? InReplyTo,
    [property: Id(9)] DateTimeOffset SentAt,
    [property: Id(10)] DateTimeOffset DeliversAt,
    [property: Id(11)] bool Delivered,
    [property: Id(12)] string Direction,
    [property: Id(13)] bool FromSimulationCell);

/// <summary>A seat's answer to an inject (kind: status-report, press-line, decision, note).</summary>
[GenerateSerializer, Immutable]
public sealed record ResponseView(
    [property: Id(0)] string Response,
    [property: Id(1)] string Inject,
    [property: Id(2)] string By,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset At);

/// <summary>An inject or a lead (kind) handed from one office of a state to another.</summary>
[GenerateSerializer, Immutable]
public sealed record ReferralView(
    [property: Id(0)] string Item,
    [property: Id(1)] string Kind,
    [property: Id(2)] string From,
    [property: Id(3)] string To,
    [property: Id(4)] string? Note,
    [property: Id(5)] DateTimeOffset At);

/// <summary>Another office of the seat's state and who plays it (trainee, engine or nobody): whom to refer to, whom to call.</summary>
[GenerateSerializer, Immutable]
public sealed record ColleagueView(
    [property: Id(0)] string Seat,
    [property: Id(1)] string PlayedBy);
