namespace Simulator.Core.Catalogue;

/// <summary>
/// A treaty, regulation or national law that instruments and states refer to by id. One not yet in force
/// (<see cref="InForce"/> false, with the provision and the status found as <see cref="InForceSource"/>) binds
/// nobody, whoever has ratified it, unless a scenario plays it as if in force (a rehearsal before it applies).
/// </summary>
public sealed record Framework(string Id, string Name, string Source, string? Note = null, bool InForce = true, string? InForceSource = null);
