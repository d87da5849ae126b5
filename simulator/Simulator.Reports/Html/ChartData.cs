namespace Simulator.Reports.Html;

/// <summary>A named category of a chart (an outcome, a policy) and the <see cref="ChartStyles"/> index it is drawn in.</summary>
public sealed record ChartCategory(string Key, string Label, int Style);

/// <summary>
/// One bar of a timeline: in lane <see cref="Lane"/>, a thin line from <see cref="From"/> (drafted) to
/// <see cref="Sent"/>, then a bar to <see cref="To"/> (or to the end of the axis, open, when null), in the style of
/// its category. <see cref="Tooltip"/> is shown on hover and kept in the SVG for screen readers.
/// </summary>
public sealed record TimelineBar(string Lane, string Label, DateTimeOffset From, DateTimeOffset? Sent, DateTimeOffset? To, string Category, string Tooltip);

public sealed record StepPoint(DateTimeOffset At, double Value);

/// <summary>A step line: the value holds from each point to the next.</summary>
public sealed record StepSeries(string Label, int Style, IReadOnlyList<StepPoint> Points);

/// <summary>One series of a histogram: a count per bin, bins shared by all series (drawn side by side).</summary>
public sealed record HistogramSeries(string Label, IReadOnlyList<double> Counts, int Style = 0);

/// <summary>A bar to <see cref="Value"/> with an interval from <see cref="Low"/> to <see cref="High"/> (a confidence interval, or p10-p90).</summary>
public sealed record IntervalBar(string Label, double Value, double? Low = null, double? High = null, int Style = 0, string? Tooltip = null);

/// <summary>One bar made of segments, one value per category of the chart, in order.</summary>
public sealed record StackedBar(string Label, IReadOnlyList<double> Values, string? Tooltip = null);
