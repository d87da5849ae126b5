using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Simulator.Core.Engine;

namespace Simulator.Web.Hubs;

/// <summary>
/// What the console's request form sends: the standard template (offence, facts, necessity, urgency: Budapest
/// Art. 29(2)) and the scope of the data sought, the identifiers and the window of the records (docs/safeguards.md).
/// Times are ISO 8601; one without an offset is UTC, as the console shows every time. A form without identifiers or
/// window asks for what the facts support. <see cref="Minimise"/> asks for minimised production: the holder redacts
/// third parties' records before transfer, at a time cost.
/// </summary>
public sealed record RequestTemplate(string? Offence = null, string? Facts = null, string? Necessity = null, string? Urgency = null,
    string[]? Identifiers = null, string? From = null, string? To = null, bool Minimise = false)
{
    private const int MaxIdentifiers = 50;
    private const int MaxIdentifierLength = 200;

    public RequestParticulars Particulars() => RequestParticulars.FromForm(Offence, Facts, Necessity, Urgency);

    /// <summary>The scope the form states, or null where it states none; a field out of shape is refused, named.</summary>
    public RequestScope? Scope()
    {
        var identifiers = (Identifiers ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (identifiers.Count > MaxIdentifiers) throw new HubException($"refused: template.identifiers: at most {MaxIdentifiers}");
        if (identifiers.FirstOrDefault(i => i.Length > MaxIdentifierLength) is not null)
            throw new HubException($"refused: template.identifiers: each at most {MaxIdentifierLength} characters");
        var from = Time(From, "from");
        var to = Time(To, "to");
        if (from is { } f && to is { } t && t < f) throw new HubException("refused: template.to: the window ends before it starts (template.from)");
        return identifiers.Count == 0 && from is null && to is null ? null : new RequestScope(identifiers.Count == 0 ? null : identifiers, from, to);
    }

    /// <summary>ISO 8601 date and time, to the minute or the second, with an offset or Z (without one: UTC, as the console shows times).</summary>
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>Times a record window can sensibly name; beyond them a typo (year 0001, 9999) rather than a window.</summary>
    private static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        var shown = value.Length > 40 ? value[..40] + "..." : value;
        if (value.Length > 40 || !DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw new HubException($"refused: template.{field}: '{shown}' is not a time: write ISO 8601, e.g. 2026-09-07T06:00:00Z");
        if (time < Earliest || time >= Latest)
            throw new HubException($"refused: template.{field}: '{shown}' is outside 1970-2199: name the records' window in the years of the case");
        return time;
    }
}
