namespace Simulator.Core.World;

/// <summary>One incident, investigated by one state. Several may run at once in one exercise.</summary>
public sealed record Incident(
    string Id,
    string Title,
    string Investigating,
    DateTimeOffset StartsAt,
    DateTimeOffset DiscoveredAt,
    Offence Offence);
