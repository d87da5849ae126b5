namespace Simulator.Core.Catalogue;

/// <summary>
/// Figures the engine needs that are not tied to one instrument: how capability changes processing times, how much
/// escalation and an emergency speed a case up, when warnings are raised, how providers meet binding deadlines. All
/// configurable, all in the catalogue (`figures:`), all assumptions of the simulator's calibration rather than law
/// (<see cref="Source"/> says so); docs/instruments.md gives each one's meaning.
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
    string Source,
    /// <summary>An emergency request's drafting, transmission and return take this share of their usual time.</summary>
    double EmergencySpeedFactor,
    /// <summary>Answering a request for clarification takes this share of the issuer's drafting time.</summary>
    double ClarificationAnswerShare,
    /// <summary>A provider fitting its work into a binding order's deadline finishes when this share of the time left has passed.</summary>
    double BindingDeadlineShare,
    /// <summary>How many policy reactions may follow one another within one step (a reaction's decision may set off another).</summary>
    int PolicyReactionDepth,
    /// <summary>The holder's time to redact one third party's record before transfer, when minimised production is asked (null: 2 minutes).</summary>
    TimeSpan? RedactionPerRecord = null,
    /// <summary>How long a giving state's central authority takes to answer a request for consent to another use (null: 3 days to 6 weeks, mode 2 weeks).</summary>
    Common.DurationRange? ConsentAnswer = null)
{
    public TimeSpan RedactionTime => RedactionPerRecord ?? TimeSpan.FromMinutes(2);

    public Common.DurationRange ConsentAnswerTime => ConsentAnswer ?? new Common.DurationRange(TimeSpan.FromDays(3), TimeSpan.FromDays(14), TimeSpan.FromDays(42));
}
