namespace Simulator.Reports.Html;

/// <summary>
/// How a series is drawn. Fills differ in lightness and, for the middle tones, by a pattern; lines differ by dash;
/// so a chart printed in greyscale still tells its series apart.
/// </summary>
public sealed record SeriesStyle(string Fill, string Stroke, string? Pattern, string? Dash, double StrokeWidth = 2.5);

/// <summary>
/// The palette every chart draws from, by index (colour-blind-safe hues from ColorBrewer's PRGn/RdBu).
/// 0 produced / secured, 1 refused / lost, 2 nothing found, 3 withdrawn, 4 pending, 5 preserved, then spares.
/// </summary>
public static class ChartStyles
{
    public const int Produced = 0, Refused = 1, NothingFound = 2, Withdrawn = 3, Pending = 4, Preserved = 5;

    public static readonly IReadOnlyList<SeriesStyle> All =
    [
        new("#1b7837", "#1b7837", null, null),
        new("#d6604d", "#b2182b", "hatch", "2 3"),
        new("#c9c9c9", "#666666", null, "8 3 2 3"),
        new("#8c8c8c", "#3d3d3d", "cross", "1 2"),
        new("#ffffff", "#333333", null, "5 3", 1.5),
        new("#4393c3", "#2166ac", "dots", "7 4"),
        new("#762a83", "#762a83", null, "10 3 3 3"),
        new("#dfc27d", "#8c6d1f", "hatch", "4 2"),
    ];

    public static SeriesStyle Of(int index) => All[((index % All.Count) + All.Count) % All.Count];

    /// <summary>The style index for a request outcome (see <see cref="RequestOutcomeKind"/>).</summary>
    public static int ForOutcome(string outcome) => outcome switch
    {
        RequestOutcomeKind.Produced => Produced,
        RequestOutcomeKind.Refused => Refused,
        RequestOutcomeKind.NothingFound => NothingFound,
        RequestOutcomeKind.Withdrawn => Withdrawn,
        _ => Pending,
    };
}
