namespace Simulator.Core.World;

/// <summary>What became of the threat an incident's emergency rested on, found at <see cref="ThreatEnd.At"/>.</summary>
public enum ThreatFinding
{
    /// <summary>The threat was real and is over (the victim is found safe, the attack on the infrastructure has stopped).</summary>
    Ended,
    /// <summary>The threat is found never to have existed (a hoax, a bluff): the claims made on it did not hold.</summary>
    Unfounded,
}

/// <summary>
/// The moment an incident's threat ends or is found unfounded, as the scenario's facts say (docs/safeguards.md). From
/// then the emergency powers it opened end (sunset), and each emergency claim made on it is reviewed against the facts.
/// </summary>
public sealed record ThreatEnd(DateTimeOffset At, ThreatFinding Found, string Note);
