namespace Simulator.Grains.Exercises;

/// <summary>
/// The real time a live exercise clock measures between its ticks. It wraps a <see cref="TimeProvider"/> of its own
/// rather than the silo's, so tests can move the exercise's real time by hand while Orleans' membership, gateways
/// and timers keep running on the system clock (freezing those stalls a test silo's start).
/// </summary>
public sealed class ExerciseWallClock(TimeProvider time)
{
    public static ExerciseWallClock System { get; } = new(TimeProvider.System);

    public long GetTimestamp() => time.GetTimestamp();

    /// <summary>The real date and time, for what expires in real time (a console's token), never for the simulation.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
        time.GetElapsedTime(startingTimestamp, endingTimestamp);
}
