namespace Simulator.Grains.Contracts;

/// <summary>
/// A request's scope beside what its leads' facts support (docs/safeguards.md), as the issuing seat sees it before
/// sending and the reviewing seat before answering: what it asks (<see cref="Asked"/>), what exceeds the need and what
/// the window leaves out, the records it brings (beyond the need, of third parties), and what the facts support (the
/// form's starting point). <see cref="Narrowed"/>: a requested state cut it down to the need; <see cref="Narrowable"/>:
/// the reviewer may still do so (over-broad, on an instrument with a scope review).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScopeView(
    [property: Id(0)] string Asked,
    [property: Id(1)] IReadOnlyList<string> Excess,
    [property: Id(2)] IReadOnlyList<string> Shortfall,
    [property: Id(3)] int Records,
    [property: Id(4)] int BeyondNeed,
    [property: Id(5)] int ThirdParty,
    [property: Id(6)] IReadOnlyList<string> SupportedIdentifiers,
    [property: Id(7)] DateTimeOffset? SupportedFrom,
    [property: Id(8)] DateTimeOffset? SupportedTo,
    [property: Id(9)] bool Narrowed = false,
    [property: Id(10)] bool Narrowable = false,
    [property: Id(11)] string? ReviewSource = null,
    [property: Id(12)] string? RefusedUnder = null);
