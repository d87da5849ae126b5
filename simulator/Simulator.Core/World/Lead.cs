namespace Simulator.Core.World;

/// <summary>
/// Something investigators can follow: an IP address, an account, a wallet. It points at evidence held by
/// providers. It becomes known at a time, through an inject, or when evidence that reveals it is obtained.
/// What the facts link to the offence, where the scenario says: the <see cref="Identifiers"/> (accounts, addresses)
/// and the <see cref="Period"/> of the records; a request's scope is judged against them (<see cref="Rules.ScopeAssessment"/>).
/// </summary>
public sealed record Lead(
    string Id,
    string Incident,
    string Title,
    string Description,
    DateTimeOffset? KnownAt,
    IReadOnlyList<string>? Identifiers = null,
    Common.TimeWindow? Period = null);
