using Simulator.Core.Catalogue;

namespace Simulator.Core.World;

/// <summary>
/// Where a legal period ends, counted as the law that governs it counts: from the instant (<see cref="PeriodCounting.Exact"/>),
/// by the EU's rules on periods (Regulation 1182/71 Art. 3), or by the requested state's own law. A period of whole
/// days under the last two starts on the day after the event and ends with the last hour of its last day, in the
/// local time of the state whose calendar counts it (1182/71 Art. 2(1): the holidays of the state where the act is to
/// be done).
/// </summary>
public static class LegalPeriods
{
    /// <param name="inHours">The law expresses the period in hours (or minutes): counted from the hour, never carried past a day off.</param>
    public static DateTimeOffset End(DateTimeOffset from, TimeSpan length, PeriodCounting counting, WorkingCalendar calendar, bool inHours)
    {
        var wholeDays = !inHours && length.Ticks > 0 && length.Ticks % TimeSpan.TicksPerDay == 0;
        return counting switch
        {
            PeriodCounting.Exact => from + length,
            // Art. 3(1) and 3(2)(a): the hour in which the event happens is not counted; the period starts with the next.
            PeriodCounting.EuPeriods when !wholeDays => NextHour(from, calendar.UtcOffset) + length,
            // Art. 3(1), 3(2)(b), 3(3) and 3(4): calendar days from the next day, Saturdays, Sundays and holidays included,
            // but a period whose last day is not a working day ends with the following working day.
            PeriodCounting.EuPeriods => DaysEnd(from, (int)length.TotalDays, calendar, countWorkingDaysOnly: false),
            PeriodCounting.EuWorkingDays when wholeDays => DaysEnd(from, (int)length.TotalDays, calendar, countWorkingDaysOnly: true),
            PeriodCounting.EuWorkingDays => NextHour(from, calendar.UtcOffset) + length,
            PeriodCounting.RequestedStateLaw when !wholeDays => from + length,
            PeriodCounting.RequestedStateLaw => DaysEnd(from, (int)length.TotalDays, calendar, calendar.CountsWorkingDays),
            _ => throw new ArgumentOutOfRangeException(nameof(counting), counting, null),
        };
    }

    private static DateTimeOffset NextHour(DateTimeOffset instant, TimeSpan offset)
    {
        var local = instant.ToOffset(offset);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, offset).AddHours(1).ToUniversalTime();
    }

    /// <summary><paramref name="day"/> itself if the state works then, else its next working day. Scenario validation
    /// keeps calendars from closing longer than a month; a calendar built in code that never opens is a programming error.</summary>
    private static DateOnly NextWorkingDay(DateOnly day, WorkingCalendar calendar)
    {
        for (var skipped = 0; skipped < 370; skipped++, day = day.AddDays(1))
            if (calendar.IsWorkingDay(day)) return day;
        throw new InvalidOperationException("The working calendar has no working day within a year.");
    }

    private static DateTimeOffset DaysEnd(DateTimeOffset from, int days, WorkingCalendar calendar, bool countWorkingDaysOnly)
    {
        var day = DateOnly.FromDateTime(from.ToOffset(calendar.UtcOffset).DateTime); // the event's day, not counted
        if (countWorkingDaysOnly)
            for (var counted = 0; counted < days;)
            {
                day = NextWorkingDay(day.AddDays(1), calendar);
                counted++;
            }
        else day = NextWorkingDay(day.AddDays(days), calendar);
        // The period ends with the expiry of the last hour of its last day: the start of the next, locally.
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.UtcOffset).ToUniversalTime();
    }
}
