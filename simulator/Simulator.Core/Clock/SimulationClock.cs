namespace Simulator.Core.Clock;

/// <summary>
/// Simulated time: the only clock the domain reads. It moves only forward, and only when the scheduler
/// processes an event or a host advances it (a live exercise at the trainer's speed).
/// </summary>
public sealed class SimulationClock(DateTimeOffset start)
{
    public DateTimeOffset Start { get; } = start;
    public DateTimeOffset Now { get; private set; } = start;
    public TimeSpan Elapsed => Now - Start;

    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant < Now)
            throw new InvalidOperationException($"Simulated time cannot go back from {Now:O} to {instant:O}.");
        Now = instant.ToUniversalTime();
    }
}
