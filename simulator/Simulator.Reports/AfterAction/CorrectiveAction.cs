namespace Simulator.Reports.AfterAction;

/// <summary>
/// One row of the improvement plan (HSEEP IP): for an area for improvement, what to do, which capability element it
/// changes (planning, organization, equipment, training, exercise), who is responsible, and within how long of the
/// after-action meeting. Where the action recommends an instrument, <see cref="LegalBasis"/> cites where it is defined.
/// </summary>
public sealed record CorrectiveAction(
    string Id,
    string Area,
    string Capability,
    string Issue,
    string Action,
    string Element,
    string Responsible,
    TimeSpan DueWithin,
    string? Instrument = null,
    string? InstrumentName = null,
    string? LegalBasis = null);
