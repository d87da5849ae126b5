using Simulator.Core.Common;

namespace Simulator.Core.Catalogue;

/// <summary>
/// Processing times drawn per request, before the capability factor of the acting authority is applied.
/// The provider's execution time comes from the provider, not from here.
/// </summary>
public sealed record InstrumentTiming(
    DurationRange Drafting,
    DurationRange Transmission,
    DurationRange Review,
    DurationRange Return,
    DurationRange? Setup,
    string Source,
    bool Unsure);
