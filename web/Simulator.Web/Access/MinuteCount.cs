namespace Simulator.Web.Access;

/// <summary>
/// How many attempts a target had in the last minute, in sixty one-second buckets: constant memory however many come
/// (a guess spread over many addresses is exactly when they are many). Not thread-safe: the throttle holds its lock.
/// </summary>
public sealed class MinuteCount
{
    private readonly int[] _counts = new int[60];
    private readonly long[] _seconds = new long[60];

    /// <summary>Counts one attempt now; the second it was counted in, to take it back with <see cref="Remove"/>.</summary>
    public long Add(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var i = (int)(second % 60);
        if (_seconds[i] != second) (_seconds[i], _counts[i]) = (second, 0);
        _counts[i]++;
        return second;
    }

    /// <summary>Takes back an attempt counted in <paramref name="second"/>, if its bucket has not been reused since.</summary>
    public void Remove(long second)
    {
        var i = (int)(second % 60);
        if (_seconds[i] == second && _counts[i] > 0) _counts[i]--;
    }

    /// <summary>The attempts counted in the minute before <paramref name="now"/>.</summary>
    public int Count(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var total = 0;
        for (var i = 0; i < 60; i++)
            if (second - _seconds[i] < 60) total += _counts[i];
        return total;
    }
}
