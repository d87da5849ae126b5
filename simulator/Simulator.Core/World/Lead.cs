namespace Simulator.Core.World;

/// <summary>
/// Something investigators can follow: an IP address, an account, a wallet. It points at evidence held by
/// providers. It becomes known at a time, through an inject, or when evidence that reveals it is obtained.
/// </summary>
public sealed record Lead(
    string Id,
    string Incident,
    string Title,
    string Description,
    DateTimeOffset? KnownAt);
