using Simulator.Core.Common;

namespace Simulator.Reports.Html;

/// <summary>
/// Simulated time from the exercise start to an end, as a share of a chart's width. Exercises that last longer
/// than <see cref="LogarithmicFrom"/> are drawn on a logarithmic scale, because both halves of the story matter:
/// retention clocks of days and MLA requests of months. Ticks are offsets from the start ("+3d", "+6mo").
/// </summary>
public sealed class TimeAxis
{
    public static readonly TimeSpan LogarithmicFrom = TimeSpan.FromDays(45);
    private static readonly TimeSpan Origin = TimeSpan.FromHours(1);

    private static readonly TimeSpan[] Candidates =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
        TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(60), TimeSpan.FromDays(90),
        TimeSpan.FromDays(180), TimeSpan.FromDays(365), TimeSpan.FromDays(730), TimeSpan.FromDays(1095), TimeSpan.FromDays(1825),
    ];

    public TimeAxis(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end > start ? end : start + TimeSpan.FromHours(1);
        Logarithmic = End - Start > LogarithmicFrom;
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public bool Logarithmic { get; }

    /// <summary>The share (0..1) of the width at which <paramref name="t"/> lies; clamped to the axis.</summary>
    public double Share(DateTimeOffset t)
    {
        var span = (End - Start).TotalHours;
        var h = Math.Clamp((t - Start).TotalHours, 0, span);
        return Logarithmic ? Math.Log(1 + h / Origin.TotalHours) / Math.Log(1 + span / Origin.TotalHours) : h / span;
    }

    public IReadOnlyList<(double Share, string Label)> Ticks()
    {
        var span = End - Start;
        IEnumerable<TimeSpan> offsets;
        if (Logarithmic) offsets = Candidates.Where(c => c < span * 0.97);
        else
        {
            var step = Candidates.FirstOrDefault(c => span / c <= 8, Candidates[^1]);
            offsets = Enumerable.Range(1, (int)(span / step)).Select(i => step * i).Where(o => o < span * 0.97);
        }
        var ticks = new List<(double Share, string Label)> { (0, "start") };
        foreach (var o in offsets)
        {
            var share = Share(Start + o);
            if (share - ticks[^1].Share >= 0.06) ticks.Add((share, "+" + Label(o)));
        }
        if (1 - ticks[^1].Share < 0.06) ticks.RemoveAt(ticks.Count - 1);
        ticks.Add((1, "+" + Label(span)));
        return ticks;
    }

    public string Caption => $"time since the start, {Html.Instant(Start)}{(Logarithmic ? " (logarithmic scale)" : "")}";

    private static string Label(TimeSpan t)
    {
        if (t.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var d = (long)t.TotalDays;
            return d % 365 == 0 ? $"{d / 365}y" : d % 30 == 0 ? $"{d / 30}mo" : d % 7 == 0 ? $"{d / 7}w" : $"{d}d";
        }
        return t.Ticks % TimeSpan.TicksPerHour == 0 && t.TotalHours < 48 ? $"{(long)t.TotalHours}h" : DurationText.Human(t);
    }
}
