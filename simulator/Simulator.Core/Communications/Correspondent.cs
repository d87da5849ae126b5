using Simulator.Core.Common;

namespace Simulator.Core.Communications;

/// <summary>
/// One end of a message: an office of a state ("STATE/role", a seat, whoever plays it), a provider's
/// law-enforcement desk (its id), or, for what the trainer writes as the simulation cell, a named actor outside the
/// table ("Castrel Courier newsdesk"), which can send but not receive.
/// </summary>
public readonly record struct Correspondent(string Name, Seat? Office, string? Provider)
{
    public bool IsOffice => Office is not null;
    public bool IsProvider => Provider is not null;
    public bool IsOutsideActor => Office is null && Provider is null;
    public override string ToString() => Name;
}
