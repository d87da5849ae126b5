using Simulator.Core.Common;

namespace Simulator.Reports.Html;

/// <summary>The charts the exercise reports share, drawn from report data with <see cref="SvgCharts"/>.</summary>
public static class ReportCharts
{
    /// <summary>The request outcomes as chart categories, in <see cref="RequestOutcomeKind.All"/> order.</summary>
    public static readonly IReadOnlyList<ChartCategory> Outcomes =
        RequestOutcomeKind.All.Select(k => new ChartCategory(k, k.Replace('-', ' '), ChartStyles.ForOutcome(k))).ToList();

    /// <summary>One row per issuing state; each request from drafting (dashed) and sending to closing, coloured by outcome.</summary>
    public static string RequestTimeline(string id, IReadOnlyList<RequestSpan> requests, DateTimeOffset start, DateTimeOffset end) =>
        SvgCharts.Timeline(id, "Requests per issuing state, from drafting to closing", requests.Select(r => new TimelineBar(
            r.IssuingState, $"{r.Request} {r.Instrument} → {r.RequestedState}", r.DraftedAt, r.SentAt, r.ClosedAt, r.Outcome,
            $"{r.Request}: {r.Instrument} from {r.Issuer} to {r.RequestedState} / {r.Provider}{(r.Emergency ? " (emergency)" : r.Urgent ? " (urgent)" : "")}; drafted {Html.Instant(r.DraftedAt)}"
            + (r.SentAt is { } s ? $", sent {Html.Instant(s)}" : ", not sent")
            + (r.ClosedAt is { } c ? $", closed {Html.Instant(c)} ({r.State})" : $", {r.State} at the end"))).ToList(), Outcomes, start, end);

    public static string EvidenceOverTime(string id, EvidenceCurve curve, DateTimeOffset start, DateTimeOffset end) =>
        SvgCharts.StepLines(id, "Evidence secured, preserved and lost over time",
        [
            new("secured", ChartStyles.Produced, curve.Points.Select(p => new StepPoint(p.At, p.Secured)).ToList()),
            new("preserved", ChartStyles.Preserved, curve.Points.Select(p => new StepPoint(p.At, p.Preserved)).ToList()),
            new("lost", ChartStyles.Refused, curve.Points.Select(p => new StepPoint(p.At, p.Lost)).ToList()),
        ], start, end, $"items (of {curve.Evidence})", curve.Evidence);

    /// <summary>Hours as people read them: "6h", "3d 4h", "11mo 2d".</summary>
    public static string Hours(double hours) => DurationText.Human(TimeSpan.FromHours(hours));

    /// <summary>Tick values (in hours) that read well on a duration axis, and their labels.</summary>
    public static readonly IReadOnlyList<double> DurationTicks = [1, 6, 24, 72, 168, 720, 2160, 4320, 8760, 17520];

    public static string HoursTick(double hours) => hours switch
    {
        < 24 => $"{Html.Number(hours)}h",
        < 168 => $"{Html.Number(hours / 24)}d",
        < 720 => $"{Html.Number(hours / 168)}w",
        < 8760 => $"{Html.Number(hours / 720)}mo",
        _ => $"{Html.Number(hours / 8760)}y",
    };

    /// <summary>A journal event cited in a report: sequence number, simulated time and offset from the start, text.</summary>
    public static string Events(IEnumerable<EventReference> events, DateTimeOffset start) =>
        Html.List(events.Select(e =>
            $"<span class=\"seq\">#{e.Seq}</span> <span class=\"when\">{Html.Escape(Html.Instant(e.At))} (+{Html.Escape(DurationText.Human(e.At - start))})</span>{Html.Escape(e.Text)}"), "events");
}
