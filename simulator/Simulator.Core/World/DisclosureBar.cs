using Simulator.Core.Common;

namespace Simulator.Core.World;

/// <summary>
/// A state's law forbidding the providers established there to disclose data of <see cref="Categories"/> to a
/// foreign authority (18 USC 2702(a): content, to anyone), with its source. An agreement of kind
/// <see cref="LiftedByAgreement"/> between this state and the requesting state lifts the bar for that state's orders
/// (18 USC 2523: a CLOUD Act agreement), as <see cref="LiftSource"/> says. An EU order that meets such a bar is the
/// conflict of obligations of REG Art. 17.
/// </summary>
public sealed record DisclosureBar(IReadOnlySet<DataCategory> Categories, string Source, string? LiftedByAgreement = null, string? LiftSource = null);
