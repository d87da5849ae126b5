using System.Text;

namespace Simulator.Reports.Html;

/// <summary>
/// Charts as inline SVG, drawn in C# so reports need no script. Every method returns one &lt;svg&gt; element (wrap it
/// with <see cref="Html.Figure"/>); <c>id</c> must be unique in the page (it scopes the fill patterns). Series
/// differ by pattern and dash as well as colour (<see cref="ChartStyles"/>), so charts survive greyscale printing.
/// All text is escaped.
/// </summary>
public static class SvgCharts
{
    private const double Width = 720;
    private const string Axis = "#555555", Grid = "#e2e2e2";

    /// <summary>Requests (or anything with a start and an end) on a time axis, one block of rows per lane.</summary>
    public static string Timeline(string id, string title, IReadOnlyList<TimelineBar> bars, IReadOnlyList<ChartCategory> categories, DateTimeOffset start, DateTimeOffset end)
    {
        var axis = new TimeAxis(start, end);
        const double left = 58, right = 10, top = 28, bottom = 36, font = 9;
        var plot = Width - left - right;
        var rowHeight = bars.Count > 60 ? 11.0 : 15.0;
        double X(DateTimeOffset t) => left + plot * axis.Share(t);
        var styles = categories.ToDictionary(c => c.Key, c => ChartStyles.Of(c.Style));

        // Pack each lane's bars into rows so that neither bars nor their labels overlap.
        var lanes = bars.GroupBy(b => b.Lane).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var rows = new List<double>(); // right edge of what each row already holds
            var placed = new List<(TimelineBar Bar, int Row, double X1, double X2, double LabelX, string Anchor, LabelPlace Place)>();
            foreach (var b in g.OrderBy(b => b.From).ThenBy(b => b.Label, StringComparer.Ordinal))
            {
                var x1 = X(b.From);
                var x2 = Math.Max(X(b.To ?? end), x1 + 2);
                var xs = b.Sent is { } at ? X(at) : x2;
                var w = SvgWriter.TextWidth(b.Label, font);
                // The label goes after the bar, else over its drafting line, else inside the bar, else before it, else
                // only in the tooltip. Over a line or a bar it gets a white halo, so it stays readable without hiding them.
                var (labelX, anchor, place) = x2 + 3 + w <= Width - right ? (x2 + 3, "start", LabelPlace.After)
                    : xs - 3 - w >= left ? (xs - 3, "end", LabelPlace.Over)
                    : b.Sent is not null && x2 - xs >= w + 8 ? ((xs + x2) / 2, "middle", LabelPlace.Over)
                    : x1 - 3 - w >= left ? (x1 - 3, "end", LabelPlace.Before) : (x2, "start", LabelPlace.None);
                var (labelFrom, labelTo) = anchor switch { "end" => (labelX - w, labelX), "middle" => (labelX - w / 2, labelX + w / 2), _ => (labelX, labelX + w) };
                var occupiedFrom = place == LabelPlace.None ? x1 : Math.Min(x1, labelFrom);
                var occupiedTo = place == LabelPlace.None ? x2 : Math.Max(x2, labelTo);
                var row = rows.FindIndex(r => r + 4 < occupiedFrom);
                if (row < 0) { rows.Add(occupiedTo); row = rows.Count - 1; }
                else rows[row] = occupiedTo;
                placed.Add((b, row, x1, x2, labelX, anchor, place));
            }
            return (Lane: g.Key, Rows: Math.Max(1, rows.Count), Placed: placed);
        }).ToList();

        var height = top + lanes.Sum(l => l.Rows * rowHeight + 6) + bottom;
        var svg = new SvgWriter(id, Width, height, title, $"{bars.Count} bars in {lanes.Count} lanes, from {Html.Instant(axis.Start)} to {Html.Instant(axis.End)}");
        Legend(svg, categories.Select(c => (c.Label, ChartStyles.Of(c.Style), false)).Prepend(("drafting", new SeriesStyle("#ffffff", "#444444", null, "2 2", 1.5), true)));
        var plotBottom = height - bottom;
        TimeTicks(svg, axis, left, plot, top, plotBottom);

        var y = top;
        foreach (var lane in lanes)
        {
            var laneHeight = lane.Rows * rowHeight + 6;
            svg.Line(left - 52, y + laneHeight, Width - right, y + laneHeight, Grid);
            svg.Text(left - 6, y + laneHeight / 2 + 4, lane.Lane, 11, "end", weight: "600");
            foreach (var p in lane.Placed)
            {
                var mid = y + 3 + p.Row * rowHeight + rowHeight / 2;
                var style = styles.TryGetValue(p.Bar.Category, out var s) ? s : ChartStyles.Of(ChartStyles.Pending);
                var sent = p.Bar.Sent is { } at ? X(at) : p.X2;
                if (sent > p.X1) svg.Line(p.X1, mid, sent, mid, "#444444", 1.5, "2 2");
                if (p.Bar.Sent is not null) svg.Box(sent, mid - rowHeight * 0.32, Math.Max(p.X2 - sent, 2), rowHeight * 0.64, style, p.Bar.Tooltip);
                if (p.Bar.To is null) svg.Text(p.X2 - 1, mid + 3, "›", 10, "end", "#333333");
                if (p.Place != LabelPlace.None) svg.Text(p.LabelX, mid + 3, p.Bar.Label, font, p.Anchor, "#1a1a1a", halo: p.Place == LabelPlace.Over);
            }
            y += laneHeight;
        }
        return svg.Close();
    }

    /// <summary>Step lines over time, e.g. evidence secured, preserved and lost.</summary>
    public static string StepLines(string id, string title, IReadOnlyList<StepSeries> series, DateTimeOffset start, DateTimeOffset end, string yLabel, double? yMax = null)
    {
        var axis = new TimeAxis(start, end);
        const double left = 46, right = 84, top = 42, bottom = 36, height = 264;
        var plot = Width - left - right;
        var max = Math.Max(1, yMax ?? series.SelectMany(s => s.Points).Select(p => p.Value).DefaultIfEmpty(1).Max());
        double X(DateTimeOffset t) => left + plot * axis.Share(t);
        double Y(double v) => height - bottom - (height - top - bottom) * v / max;
        var svg = new SvgWriter(id, Width, height, title,
            string.Join("; ", series.Select(s => $"{s.Label}: {Html.Number(s.Points.Count == 0 ? 0 : s.Points[^1].Value)} at the end")));
        Legend(svg, series.Select(s => (s.Label, ChartStyles.Of(s.Style), true)));
        foreach (var (value, label) in NiceTicks(0, max, 5))
        {
            svg.Line(left, Y(value), Width - right, Y(value), Grid);
            svg.Text(left - 6, Y(value) + 3.5, label, 10, "end");
        }
        svg.Text(4, top - 12, yLabel, 10, "start", "#555555");
        TimeTicks(svg, axis, left, plot, top, height - bottom);

        var ends = new List<(double Y, string Text)>();
        foreach (var s in series)
        {
            var points = s.Points.OrderBy(p => p.At).ToList();
            var d = new StringBuilder($"M{SvgWriter.N(left)} {SvgWriter.N(Y(0))}");
            foreach (var p in points) d.Append($" H{SvgWriter.N(X(p.At))} V{SvgWriter.N(Y(p.Value))}");
            d.Append($" H{SvgWriter.N(Width - right)}");
            var last = points.Count == 0 ? 0 : points[^1].Value;
            svg.Path(d.ToString(), ChartStyles.Of(s.Style), $"{s.Label}: {Html.Number(last)}");
            ends.Add((Y(last), $"{s.Label} {Html.Number(last)}"));
        }
        // End labels, nudged apart when lines end at the same height.
        var placed = new List<double>();
        foreach (var (endY, text) in ends.OrderBy(e => e.Y))
        {
            var y = endY + 3.5;
            while (placed.Any(p => Math.Abs(p - y) < 11)) y += 11;
            placed.Add(y);
            svg.Text(Width - right + 4, y, text, 10);
        }
        return svg.Close();
    }

    /// <summary>
    /// Counts per bin, one or more series side by side in each bin (a comparison of policies, say). Bins are labelled
    /// by <paramref name="bins"/>; each series has one count per bin.
    /// </summary>
    public static string Histogram(string id, string title, IReadOnlyList<string> bins, IReadOnlyList<HistogramSeries> series, string xLabel, string yLabel)
    {
        const double left = 46, right = 12, bottom = 44, height = 230;
        var top = series.Count > 1 ? 42.0 : 24.0;
        var plot = Width - left - right;
        var max = Math.Max(1, series.SelectMany(s => s.Counts).DefaultIfEmpty(0).Max());
        double Y(double v) => height - bottom - (height - top - bottom) * v / max;
        var svg = new SvgWriter(id, Width, height, title, $"{series.Count} series over {bins.Count} bins of {xLabel}");
        if (series.Count > 1) Legend(svg, series.Select(s => (s.Label, ChartStyles.Of(s.Style), false)));
        foreach (var (value, label) in NiceTicks(0, max, 5))
        {
            svg.Line(left, Y(value), Width - right, Y(value), Grid);
            svg.Text(left - 6, Y(value) + 3.5, label, 10, "end");
        }
        var group = plot / Math.Max(1, bins.Count);
        var bar = group * 0.8 / Math.Max(1, series.Count);
        var every = Math.Max(1, (int)Math.Ceiling(bins.Count / 14.0));
        for (var b = 0; b < bins.Count; b++)
        {
            var gx = left + b * group + group * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                var v = b < series[s].Counts.Count ? series[s].Counts[b] : 0;
                svg.Box(gx + s * bar, Y(v), bar - 1, Y(0) - Y(v), ChartStyles.Of(series[s].Style), $"{series[s].Label}, {bins[b]}: {Html.Number(v)}");
                if (series.Count == 1 && bins.Count <= 12 && v > 0) svg.Text(gx + s * bar + bar / 2, Y(v) - 3, Html.Number(v), 9, "middle");
            }
            if (b % every == 0) svg.Text(left + b * group + group / 2, height - bottom + 14, bins[b], 9.5, "middle");
        }
        svg.Line(left, Y(0), Width - right, Y(0), Axis);
        svg.Text(left + plot / 2, height - 8, xLabel, 10, "middle", "#555555");
        svg.Text(4, top - 12, yLabel, 10, "start", "#555555");
        return svg.Close();
    }

    /// <summary>
    /// Horizontal bars with an interval drawn as a whisker (e.g. a median with p10-p90, a mean with its 95% interval).
    /// <paramref name="format"/> labels values and ticks; a logarithmic axis suits durations from hours to years.
    /// </summary>
    public static string BarsWithIntervals(string id, string title, IReadOnlyList<IntervalBar> bars, Func<double, string> format, string axisLabel,
        bool logarithmic = false, IReadOnlyList<double>? ticks = null, Func<double, string>? tickFormat = null)
    {
        const double left = 220, right = 70, top = 8, bottom = 40, row = 22;
        var plot = Width - left - right;
        var height = top + Math.Max(1, bars.Count) * row + bottom;
        var values = bars.SelectMany(b => new[] { b.Value, b.Low ?? b.Value, b.High ?? b.Value }).Where(v => !logarithmic || v > 0).DefaultIfEmpty(1).ToList();
        // A linear axis starts at zero, or below it when some value is negative (a change against a baseline).
        var (min, max) = logarithmic ? (values.Min() / 1.6, values.Max() * 1.25) : (Math.Min(0, values.Min() * 1.08), Math.Max(values.Max() * 1.08, 1e-9));
        double X(double v) => logarithmic
            ? left + plot * (Math.Log(Math.Max(v, min)) - Math.Log(min)) / (Math.Log(max) - Math.Log(min))
            : left + plot * (v - min) / (max - min);
        var svg = new SvgWriter(id, Width, height, title, string.Join("; ", bars.Select(b => $"{b.Label}: {format(b.Value)}")));
        var tickValues = (ticks ?? (logarithmic ? LogTicks(min, max) : NiceTicks(min, max, 6).Select(t => t.Value).ToList())).Where(t => t >= min && t <= max).ToList();
        var lastTick = double.NegativeInfinity;
        foreach (var t in tickValues)
        {
            if (X(t) - lastTick < 36) continue;
            lastTick = X(t);
            svg.Line(X(t), top, X(t), height - bottom, Grid);
            svg.Text(X(t), height - bottom + 14, (tickFormat ?? format)(t), 9.5, "middle");
        }
        svg.Text(left + plot / 2, height - 8, axisLabel + (logarithmic ? " (logarithmic scale)" : ""), 10, "middle", "#555555");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * row;
            var label = b.Label.Length > 38 ? b.Label[..37] + "…" : b.Label;
            svg.Text(left - 8, y + row / 2 + 3.5, label, 10, "end");
            var style = ChartStyles.Of(b.Style);
            var x0 = logarithmic ? left : X(0);
            svg.Box(Math.Min(x0, X(b.Value)), y + 5, Math.Abs(X(b.Value) - x0), row - 10, style, b.Tooltip ?? $"{b.Label}: {format(b.Value)}");
            if (b.Low is { } low && b.High is { } high)
            {
                var mid = y + row / 2;
                svg.Line(X(low), mid, X(high), mid, "#1a1a1a", 1.4);
                svg.Line(X(low), mid - 5, X(low), mid + 5, "#1a1a1a", 1.4);
                svg.Line(X(high), mid - 5, X(high), mid + 5, "#1a1a1a", 1.4);
            }
            svg.Text(Math.Max(X(b.High ?? b.Value), X(b.Value)) + 5, y + row / 2 + 3.5, format(b.Value), 9.5);
        }
        svg.Line(logarithmic ? left : X(0), top, logarithmic ? left : X(0), height - bottom, Axis);
        return svg.Close();
    }

    /// <summary>Horizontal bars split into segments by category (e.g. requests per instrument by outcome), with the total at the end.</summary>
    public static string StackedBars(string id, string title, IReadOnlyList<StackedBar> bars, IReadOnlyList<ChartCategory> categories, string axisLabel)
    {
        const double left = 220, right = 48, top = 28, bottom = 38, row = 22;
        var plot = Width - left - right;
        var height = top + Math.Max(1, bars.Count) * row + bottom;
        var max = Math.Max(1, bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max());
        double X(double v) => left + plot * v / max;
        var svg = new SvgWriter(id, Width, height, title, string.Join("; ", bars.Select(b => $"{b.Label}: {Html.Number(b.Values.Sum())}")));
        Legend(svg, categories.Select(c => (c.Label, ChartStyles.Of(c.Style), false)));
        foreach (var (value, label) in NiceTicks(0, max, 6))
        {
            svg.Line(X(value), top, X(value), height - bottom, Grid);
            svg.Text(X(value), height - bottom + 14, label, 9.5, "middle");
        }
        svg.Text(left + plot / 2, height - 8, axisLabel, 10, "middle", "#555555");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * row;
            svg.Text(left - 8, y + row / 2 + 3.5, b.Label.Length > 38 ? b.Label[..37] + "…" : b.Label, 10, "end");
            double at = 0;
            for (var c = 0; c < categories.Count && c < b.Values.Count; c++)
            {
                var v = b.Values[c];
                if (v <= 0) continue;
                var style = ChartStyles.Of(categories[c].Style);
                svg.Box(X(at), y + 4, X(at + v) - X(at), row - 8, style, $"{b.Label}, {categories[c].Label}: {Html.Number(v)}");
                var text = Html.Number(v);
                if (X(at + v) - X(at) > SvgWriter.TextWidth(text, 9) + 6)
                    svg.Text((X(at) + X(at + v)) / 2, y + row / 2 + 3.2, text, 9, "middle", IsDark(style) ? "#ffffff" : "#1a1a1a", "600");
                at += v;
            }
            svg.Text(X(at) + 5, y + row / 2 + 3.5, Html.Number(at), 9.5, weight: "600");
        }
        svg.Line(left, top, left, height - bottom, Axis);
        return svg.Close();
    }

    private enum LabelPlace { None, After, Over, Before }

    private static bool IsDark(SeriesStyle s) => s.Fill is "#1b7837" or "#762a83" or "#2166ac" or "#8c8c8c";

    private static void Legend(SvgWriter svg, IEnumerable<(string Label, SeriesStyle Style, bool Line)> entries)
    {
        var x = 12.0;
        foreach (var (label, style, line) in entries) x = svg.LegendEntry(x, 16, label, style, line);
    }

    private static void TimeTicks(SvgWriter svg, TimeAxis axis, double left, double plot, double top, double bottom)
    {
        foreach (var (share, label) in axis.Ticks())
        {
            var x = left + plot * share;
            svg.Line(x, top, x, bottom, Grid);
            svg.Text(x, bottom + 13, label, 9.5, share >= 0.999 ? "end" : share <= 0.001 ? "start" : "middle");
        }
        svg.Line(left, bottom, left + plot, bottom, Axis);
        svg.Text(left + plot / 2, bottom + 28, axis.Caption, 10, "middle", "#555555");
    }

    /// <summary>Round tick values (1, 2, 5 × 10^k steps) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    private static IReadOnlyList<(double Value, string Label)> NiceTicks(double min, double max, int count)
    {
        var raw = (max - min) / Math.Max(1, count);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1e-9))));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        if (max >= 1 && step < 1) step = 1;
        var ticks = new List<(double, string)>();
        for (var v = Math.Ceiling(min / step) * step; v <= max + step * 1e-9; v += step) ticks.Add((v, Html.Number(v)));
        return ticks;
    }

    private static List<double> LogTicks(double min, double max)
    {
        var ticks = new List<double>();
        for (var e = Math.Floor(Math.Log10(min)); e <= Math.Ceiling(Math.Log10(max)); e++)
            foreach (var m in new[] { 1.0, 3.0 })
            {
                var v = m * Math.Pow(10, e);
                if (v >= min && v <= max) ticks.Add(v);
            }
        return ticks;
    }
}
