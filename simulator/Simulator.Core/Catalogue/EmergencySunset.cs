namespace Simulator.Core.Catalogue;

/// <summary>
/// What becomes of emergency powers when the threat they rest on ends or is found never to have existed (a scenario's
/// <c>threat-ends</c>): no emergency may be claimed on it any more, a request only an emergency allowed lapses where it
/// stands, and each claim made on it is reviewed against the facts (docs/safeguards.md), under <see cref="Source"/>.
/// </summary>
public sealed record EmergencySunset(string Source, bool Unsure = false)
{
    /// <summary>The reading a catalogue without a sunset section plays by.</summary>
    public static readonly EmergencySunset Default = new("the simulator's reading: an emergency power lasts as long as its emergency", Unsure: true);
}
