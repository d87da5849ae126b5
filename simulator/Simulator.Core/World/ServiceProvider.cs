using Simulator.Core.Common;

namespace Simulator.Core.World;

/// <summary>How a provider answers what it is not obliged to answer, and how it treats foreign orders.</summary>
public sealed record DisclosurePolicy(
    bool VoluntaryPreservation,
    IReadOnlySet<DataCategory> VoluntaryDisclosure,
    double EmergencyDisclosureRate,
    double ForeignOrderComplianceRate,
    double BindingOrderComplianceRate);

/// <summary>
/// A holder of evidence: where it is established and stores data, how long it keeps each category, how it
/// answers each kind of request, how fast and at what cost. <see cref="LegalRepresentativeIn"/> is the state of
/// its designated establishment or legal representative, where EU orders are addressed (Directive (EU) 2023/1544).
/// <see cref="AnnualTurnover"/>: its worldwide annual turnover in the scenario's currency units, where the scenario gives
/// it, from which the ceiling of a penalty for not complying with an EU order is reckoned (REG 2023/1543 Art. 15(1)).
/// </summary>
public sealed record ServiceProvider(
    string Id,
    string Name,
    string Headquarters,
    IReadOnlyList<string> StorageIn,
    IReadOnlySet<string> OffersServicesIn,
    IReadOnlyDictionary<DataCategory, TimeSpan> Retention,
    DisclosurePolicy Policy,
    DurationRange ResponseTime,
    DurationRange PreservationTime,
    DurationRange EmergencyResponseTime,
    int Capacity,
    double ProduceRate,
    decimal CostPerRequest,
    string? LegalRepresentativeIn = null,
    decimal? AnnualTurnover = null);
