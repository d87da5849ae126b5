namespace Simulator.Core.Common;

/// <summary>A stretch of simulated time, from <see cref="From"/> to <see cref="To"/>: the records a request asks for, or the period the facts link to an offence.</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Length => To > From ? To - From : TimeSpan.Zero;

    /// <summary>How much of this window lies inside <paramref name="other"/>.</summary>
    public TimeSpan Overlap(TimeWindow other)
    {
        var from = From > other.From ? From : other.From;
        var to = To < other.To ? To : other.To;
        return to > from ? to - from : TimeSpan.Zero;
    }

    public string Describe() => $"{Journal.JournalJson.Instant(From)} to {Journal.JournalJson.Instant(To)}";
}
