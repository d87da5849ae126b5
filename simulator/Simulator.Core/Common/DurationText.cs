using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Core.Common;

/// <summary>
/// Durations as people write them in scenario files and the catalogue: "30min", "8h", "10d", "2w", "6mo", "1y".
/// A month is 30 days and a year 365 days: legal deadlines in the catalogue are stated in days or hours, so the
/// coarse units only ever describe drawn processing times.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(min|h|d|w|mo|y)\s*$")]
    private static partial Regex Pattern();

    public const string SchemaPattern = @"^-?[0-9]+(\.[0-9]+)?(min|h|d|w|mo|y)$";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var hours = m.Groups[2].Value switch
        {
            "min" => n / 60,
            "h" => n,
            "d" => n * 24,
            "w" => n * 24 * 7,
            "mo" => n * 24 * 30,
            "y" => n * 24 * 365,
            _ => double.NaN,
        };
        // A thousand years is far beyond any exercise; past it, instants would overflow the calendar.
        if (Math.Abs(hours) > 1000 * 365 * 24.0) return false;
        duration = TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a duration (write e.g. 30min, 8h, 10d, 2w, 6mo, 1y)");

    /// <summary>The shortest exact form: 36h stays "36h", 48h becomes "2d".</summary>
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero) return "0h";
        var sign = d < TimeSpan.Zero ? "-" : "";
        d = d.Duration();
        if (d.Ticks % TimeSpan.TicksPerDay == 0) return $"{sign}{d.Ticks / TimeSpan.TicksPerDay}d";
        if (d.Ticks % TimeSpan.TicksPerHour == 0) return $"{sign}{d.Ticks / TimeSpan.TicksPerHour}h";
        if (d.Ticks % TimeSpan.TicksPerMinute == 0) return $"{sign}{d.Ticks / TimeSpan.TicksPerMinute}min";
        return sign + d.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + "h";
    }

    /// <summary>
    /// As <see cref="Format"/>, but a period the law sets in hours stays in hours: "48h", as REG Art. 4(5) writes it,
    /// not "2d", which the rules on periods would count differently (1182/71 Art. 3).
    /// </summary>
    public static string FormatInHours(TimeSpan d) =>
        d != TimeSpan.Zero && d.Ticks % TimeSpan.TicksPerHour == 0 ? $"{d.Ticks / TimeSpan.TicksPerHour}h" : Format(d);

    /// <summary>For people reading an outcome: "3d 4h", "11mo 2d".</summary>
    public static string Human(TimeSpan d)
    {
        if (d < TimeSpan.Zero) return "-" + Human(d.Duration());
        if (d.TotalHours < 1) return $"{(int)d.TotalMinutes}min";
        if (d.TotalDays < 2) return $"{d.TotalHours:0.#}h".Replace(',', '.');
        if (d.TotalDays < 60) return $"{(int)d.TotalDays}d {d.Hours}h";
        return $"{(int)(d.TotalDays / 30)}mo {(int)(d.TotalDays % 30)}d";
    }
}
