namespace Simulator.Core.Clock;

/// <summary>
/// The future of a run: actions ordered by simulated time, then by the order they were scheduled, so that two
/// events at the same instant always run in the same order. Cancellation is by the caller checking its own
/// state when the action runs, which keeps the queue simple.
/// </summary>
public sealed class EventScheduler
{
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void At(DateTimeOffset instant, Action action) => _queue.Enqueue(action, (instant.UtcTicks, _sequence++));

    public DateTimeOffset? NextAt => _queue.TryPeek(out _, out var key) ? new DateTimeOffset(key.Ticks, TimeSpan.Zero) : null;

    public bool TryTakeDue(DateTimeOffset until, out DateTimeOffset at, out Action action)
    {
        if (_queue.TryPeek(out action!, out var key) && key.Ticks <= until.UtcTicks)
        {
            _queue.Dequeue();
            at = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            return true;
        }
        at = default;
        action = null!;
        return false;
    }
}
