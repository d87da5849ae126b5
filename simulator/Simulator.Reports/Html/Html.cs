using System.Globalization;
using System.Net;
using System.Text;

namespace Simulator.Reports.Html;

/// <summary>
/// Small pieces of HTML. Everything that comes from a scenario, a journal or a catalogue is user input: it goes
/// through <see cref="Escape"/>, which also drops control characters so the page stays well-formed XML. Methods
/// that take "html" take markup their caller has already built and escaped.
/// </summary>
public static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r'))
            ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t' or '\r').ToArray())
            : text;
        return WebUtility.HtmlEncode(clean);
    }

    public static string Element(string tag, string html, string? cssClass = null) =>
        cssClass is null ? $"<{tag}>{html}</{tag}>" : $"<{tag} class=\"{Escape(cssClass)}\">{html}</{tag}>";

    public static string Paragraph(string text, string? cssClass = null) => Element("p", Escape(text), cssClass);

    /// <summary>A table; <paramref name="rows"/> hold cell markup (escaped by the caller); <paramref name="numeric"/> columns align right.</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null, IReadOnlySet<int>? numeric = null)
    {
        var sb = new StringBuilder();
        sb.Append(cssClass is null ? "<table>" : $"<table class=\"{Escape(cssClass)}\">");
        sb.Append("<thead><tr>");
        for (var i = 0; i < headers.Count; i++)
            sb.Append(numeric?.Contains(i) == true ? "<th class=\"num\">" : "<th>").Append(Escape(headers[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
                sb.Append(numeric?.Contains(i) == true ? "<td class=\"num\">" : "<td>").Append(row[i]).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>A labelled chip that does not rely on colour alone: its text says what it means.</summary>
    public static string Badge(string text, string kind) => $"<span class=\"badge badge-{Escape(kind)}\">{Escape(text)}</span>";

    public static string Figure(string svg, string caption) => $"<figure class=\"chart\">{svg}<figcaption>{Escape(caption)}</figcaption></figure>";

    public static string List(IEnumerable<string> itemsHtml, string? cssClass = null) =>
        Element("ul", string.Concat(itemsHtml.Select(i => $"<li>{i}</li>")), cssClass);

    public static string Code(string text) => $"<code>{Escape(text)}</code>";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
