namespace Simulator.Core.Common;

/// <summary>
/// A processing time drawn from a triangular distribution (min, mode, max). Written "2d..10d" (mode halfway)
/// or "4mo..20mo~6mo" (mode given), so that skewed legal durations such as MLA (6-24 months, mean about 10)
/// can be stated directly.
/// </summary>
public readonly record struct DurationRange(TimeSpan Min, TimeSpan Mode, TimeSpan Max)
{
    public static DurationRange Exactly(TimeSpan d) => new(d, d, d);

    public TimeSpan Mean => TimeSpan.FromTicks((Min.Ticks + Mode.Ticks + Max.Ticks) / 3);

    public TimeSpan Draw(DeterministicRandom random, double factor = 1.0)
    {
        var u = random.NextDouble();
        double a = Min.Ticks, b = Max.Ticks, c = Mode.Ticks;
        double x;
        if (b <= a) x = a;
        else
        {
            var f = (c - a) / (b - a);
            x = u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
        }
        // Whole minutes keep the journal readable and free of representation noise.
        var minutes = Math.Max(0, Math.Round(x * factor / TimeSpan.TicksPerMinute));
        return TimeSpan.FromMinutes(minutes);
    }

    public static bool TryParse(string text, out DurationRange range)
    {
        range = default;
        var parts = text.Split("..", 2);
        if (parts.Length == 1)
        {
            if (!DurationText.TryParse(parts[0], out var single)) return false;
            range = Exactly(single);
            return true;
        }
        var maxAndMode = parts[1].Split('~', 2);
        if (!DurationText.TryParse(parts[0], out var min) || !DurationText.TryParse(maxAndMode[0], out var max)) return false;
        var mode = TimeSpan.FromTicks((min.Ticks + max.Ticks) / 2);
        if (maxAndMode.Length == 2 && !DurationText.TryParse(maxAndMode[1], out mode)) return false;
        if (min > max || mode < min || mode > max) return false;
        range = new DurationRange(min, mode, max);
        return true;
    }

    public static DurationRange Parse(string text) =>
        TryParse(text, out var r) ? r : throw new FormatException($"'{text}' is not a duration range (write e.g. 2d..10d or 4mo..20mo~6mo, min <= mode <= max)");

    public const string SchemaPattern = @"^[0-9]+(\.[0-9]+)?(min|h|d|w|mo|y)(\.\.[0-9]+(\.[0-9]+)?(min|h|d|w|mo|y)(~[0-9]+(\.[0-9]+)?(min|h|d|w|mo|y))?)?$";

    public override string ToString() =>
        Min == Max ? DurationText.Format(Min)
        : Mode.Ticks == (Min.Ticks + Max.Ticks) / 2 ? $"{DurationText.Format(Min)}..{DurationText.Format(Max)}"
        : $"{DurationText.Format(Min)}..{DurationText.Format(Max)}~{DurationText.Format(Mode)}";
}
