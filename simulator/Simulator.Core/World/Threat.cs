namespace Simulator.Core.World;

/// <summary>
/// What an incident threatens, in the terms the instruments' definitions of an emergency use. Each instrument
/// defines its own emergency (<see cref="Catalogue.EmergencyDefinition"/>): a threat that opens one may not open another.
/// </summary>
public enum Threat
{
    Life,
    SeriousPhysicalInjury,
    Safety,
    CriticalInfrastructure,
}
