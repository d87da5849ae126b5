namespace Simulator.Grains.Access;

/// <summary>
/// How long a token opens an exercise, and how many trainees may share one seat unless its trainer sets another
/// number (Simulator:Access:TokenHours, Simulator:Access:TraineesPerSeat in appsettings.json).
/// </summary>
public sealed record AccessSettings(TimeSpan TokenLifetime, int TraineesPerSeat)
{
    public const int MaxTraineesPerSeat = 1000;
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>A training day and its evening: 12 hours; 8 trainees at one seat.</summary>
    public static AccessSettings Default { get; } = new(TimeSpan.FromHours(12), 8);

    /// <summary>Checked settings, refused with the setting named.</summary>
    public static AccessSettings Of(double tokenHours, int traineesPerSeat)
    {
        if (!(tokenHours > 0) || !(tokenHours <= MaxTokenLifetime.TotalHours))
            throw new ArgumentException($"Simulator:Access:TokenHours: between 0 and {MaxTokenLifetime.TotalHours} hours, not {tokenHours}");
        if (traineesPerSeat is < 1 or > MaxTraineesPerSeat)
            throw new ArgumentException($"Simulator:Access:TraineesPerSeat: 1 to {MaxTraineesPerSeat}, not {traineesPerSeat}");
        return new(TimeSpan.FromHours(tokenHours), traineesPerSeat);
    }
}
