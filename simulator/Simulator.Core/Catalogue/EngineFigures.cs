namespace Simulator.Core.Catalogue;

/// <summary>
/// Figures the engine needs that are not tied to one instrument: how capability changes processing times,
/// how much escalation speeds a case up, and when warnings are raised. All configurable, all in the catalogue.
/// </summary>
public sealed record EngineFigures(
    double HighCapabilityFactor,
    double MediumCapabilityFactor,
    double LowCapabilityFactor,
    double EscalationFactor,
    double DeadlineWarningShare,
    TimeSpan RetentionWarning,
    TimeSpan PreservationExpiryWarning,
    double ClarificationChanceHigh,
    double ClarificationChanceMedium,
    double ClarificationChanceLow,
    string Source);
