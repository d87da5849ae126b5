namespace Simulator.Core.World;

/// <summary>
/// When an office works, in the state's own time zone (a fixed UTC offset, so runs never depend on a time-zone
/// database). Work that arrives outside office hours waits for the next opening; a 24/7 office never waits.
/// <see cref="CountsWorkingDays"/>: the state's law counts periods of days in working days only (for the periods an
/// instrument leaves to the requested state's law, <see cref="Catalogue.PeriodCounting.RequestedStateLaw"/>).
/// </summary>
public sealed record WorkingCalendar(
    TimeSpan UtcOffset,
    IReadOnlySet<DayOfWeek> WorkingDays,
    TimeSpan OpensAt,
    TimeSpan ClosesAt,
    IReadOnlySet<DateOnly> Holidays,
    bool CountsWorkingDays = false)
{
    /// <summary>Whether the state works on <paramref name="day"/> (a local date): a working day of the week that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => WorkingDays.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public static WorkingCalendar OfficeHours(TimeSpan utcOffset) =>
        new(utcOffset, MondayToFriday, TimeSpan.FromHours(8), TimeSpan.FromHours(18), new HashSet<DateOnly>());

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        return WorkingDays.Contains(local.DayOfWeek)
            && !Holidays.Contains(DateOnly.FromDateTime(local.DateTime))
            && local.TimeOfDay >= OpensAt && local.TimeOfDay < ClosesAt;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> when the office is open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant)) return instant;
        var local = instant.ToOffset(UtcOffset);
        for (var day = 0; day < 370; day++)
        {
            var date = local.Date.AddDays(day);
            var candidate = new DateTimeOffset(date + OpensAt, UtcOffset);
            if (candidate < local) continue;
            if (WorkingDays.Contains(candidate.DayOfWeek) && !Holidays.Contains(DateOnly.FromDateTime(date)))
                return candidate.ToUniversalTime();
        }
        throw new InvalidOperationException("The working calendar has no working day within a year.");
    }
}
