using Simulator.Core.World;

namespace Simulator.Core.Catalogue;

/// <summary>
/// One instrument's own definition of an emergency, written once in the catalogue: the threats it covers, with its
/// source. CETS 224 Art. 3(2)(c) speaks of life or safety, 18 USC 2702 of death or serious physical injury, REG Art.
/// 3(18) also of critical infrastructure; a request marked as an emergency is judged by its instrument's definition.
/// </summary>
public sealed record EmergencyDefinition(string Id, string Name, IReadOnlyList<Threat> Threats, string Source, bool Unsure = false)
{
    public bool CoveredBy(Offence offence) => Threats.Any(offence.Faces.Contains);
}
