using System.Globalization;
using System.Text;

namespace Simulator.Reports.Html;

/// <summary>Writes one inline SVG: numbers in invariant culture, every text escaped, patterns scoped to the chart's id.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();
    private readonly string _id;

    public SvgWriter(string id, double width, double height, string title, string description)
    {
        _id = Html.Escape(id);
        _sb.Append($"<svg id=\"{_id}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"{_id}-t {_id}-d\" font-family=\"Segoe UI, Helvetica Neue, Arial, Liberation Sans, sans-serif\">");
        _sb.Append($"<title id=\"{_id}-t\">{Html.Escape(title)}</title><desc id=\"{_id}-d\">{Html.Escape(description)}</desc>");
        _sb.Append("<defs>");
        _sb.Append($"<pattern id=\"{_id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"2\" /></pattern>");
        _sb.Append($"<pattern id=\"{_id}-cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0 0 L6 6 M6 0 L0 6\" stroke=\"#000\" stroke-opacity=\"0.5\" stroke-width=\"1\" /></pattern>");
        _sb.Append($"<pattern id=\"{_id}-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#fff\" fill-opacity=\"0.9\" /></pattern>");
        _sb.Append("</defs>");
    }

    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A filled box in a series style: colour, then its pattern over it.</summary>
    public void Box(double x, double y, double w, double h, SeriesStyle style, string? tooltip = null)
    {
        if (tooltip is not null) _sb.Append("<g><title>").Append(Html.Escape(tooltip)).Append("</title>");
        var dash = style.Fill == "#ffffff" ? $" stroke-dasharray=\"{style.Dash}\"" : "";
        _sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(w, 0))}\" height=\"{N(h)}\" fill=\"{style.Fill}\" stroke=\"{style.Stroke}\" stroke-width=\"0.8\"{dash} />");
        if (style.Pattern is not null)
            _sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(w, 0))}\" height=\"{N(h)}\" fill=\"url(#{_id}-{style.Pattern})\" stroke=\"none\" />");
        if (tooltip is not null) _sb.Append("</g>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null) _sb.Append($" stroke-dasharray=\"{dash}\"");
        _sb.Append(" />");
    }

    public void Path(string d, SeriesStyle style, string? tooltip = null)
    {
        if (tooltip is not null) _sb.Append("<g><title>").Append(Html.Escape(tooltip)).Append("</title>");
        _sb.Append($"<path d=\"{d}\" fill=\"none\" stroke=\"{style.Stroke}\" stroke-width=\"{N(style.StrokeWidth)}\" stroke-linejoin=\"round\"");
        if (style.Dash is not null) _sb.Append($" stroke-dasharray=\"{style.Dash}\"");
        _sb.Append(" />");
        if (tooltip is not null) _sb.Append("</g>");
    }

    /// <param name="halo">A white outline behind the glyphs, for text drawn over lines or bars.</param>
    public void Text(double x, double y, string text, double size = 10, string anchor = "start", string fill = "#1a1a1a", string? weight = null, bool halo = false)
    {
        _sb.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (halo) _sb.Append(" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        if (weight is not null) _sb.Append($" font-weight=\"{weight}\"");
        _sb.Append('>').Append(Html.Escape(text)).Append("</text>");
    }

    /// <summary>A legend entry: a swatch (box or line sample) and its label; returns the x after it.</summary>
    public double LegendEntry(double x, double y, string label, SeriesStyle style, bool line)
    {
        if (line) Path($"M{N(x)} {N(y - 3.5)} H{N(x + 22)}", style);
        else Box(x, y - 9, 14, 10, style);
        var textX = x + (line ? 26 : 18);
        Text(textX, y, label, 10);
        return textX + TextWidth(label, 10) + 14;
    }

    public static double TextWidth(string text, double size) => text.Length * size * 0.56;

    public string Close() => _sb.Append("</svg>").ToString();
}
