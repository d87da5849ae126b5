using System.Text;

namespace Simulator.Reports.Html;

/// <summary>
/// The layout every report shares: a header with what the report is, its title and its provenance (where the
/// figures come from and how to check them), a table of contents, the sections, and a footer. One self-contained
/// page: inline style and SVG, no script, no external request (its content security policy forbids both).
/// </summary>
public sealed class ReportPage(string kind, string title)
{
    private sealed record Section(string Id, string Title, string Html, bool NewPage);

    private readonly List<(string Label, string Html)> _provenance = [];
    private readonly List<Section> _sections = [];

    public string? Subtitle { get; init; }

    /// <summary>A line of the provenance table; the value is text (escaped here).</summary>
    public ReportPage Provenance(string label, string value) => ProvenanceHtml(label, Html.Escape(value));

    public ReportPage ProvenanceHtml(string label, string html)
    {
        _provenance.Add((label, html));
        return this;
    }

    /// <summary>A section; <paramref name="html"/> is markup built and escaped by the caller. A major section starts a new printed page.</summary>
    public ReportPage Add(string id, string sectionTitle, string html, bool newPage = false)
    {
        _sections.Add(new Section(id, sectionTitle, html, newPage));
        return this;
    }

    public string Render()
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        // Defence in depth: even a text that escaped escaping could neither run nor fetch anything.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\" />\n");
        sb.Append("<title>").Append(Html.Escape($"{kind}: {title}")).Append("</title>\n");
        sb.Append("<style>").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header class=\"report-header\">");
        sb.Append("<p class=\"kind\">").Append(Html.Escape(kind)).Append("</p>");
        sb.Append("<h1>").Append(Html.Escape(title)).Append("</h1>");
        if (Subtitle is not null) sb.Append("<p class=\"subtitle\">").Append(Html.Escape(Subtitle)).Append("</p>");
        if (_provenance.Count > 0)
        {
            sb.Append("<table class=\"provenance\"><tbody>");
            foreach (var (label, value) in _provenance) sb.Append("<tr><th>").Append(Html.Escape(label)).Append("</th><td>").Append(value).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("</header>\n<nav class=\"toc\"><h2>Contents</h2><ol>");
        foreach (var s in _sections) sb.Append("<li><a href=\"#").Append(Html.Escape(s.Id)).Append("\">").Append(Html.Escape(s.Title)).Append("</a></li>");
        sb.Append("</ol></nav>\n<main>\n");
        foreach (var s in _sections)
        {
            sb.Append("<section id=\"").Append(Html.Escape(s.Id)).Append(s.NewPage ? "\" class=\"major\">" : "\">");
            sb.Append("<h2>").Append(Html.Escape(s.Title)).Append("</h2>\n").Append(s.Html).Append("\n</section>\n");
        }
        sb.Append("</main>\n<footer>");
        sb.Append(Html.Escape("Drawn by the cross-border evidence simulator from the exercise journal; every figure can be traced to the journal events cited. A training tool, not legal advice."));
        sb.Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
