using Simulator.Core.Catalogue;
using Simulator.Core.World;

namespace Simulator.Core.Tests.Common;

/// <summary>Where a legal period ends, counted as the law that governs it counts (issue 13: deadlines in working days).</summary>
public sealed class LegalPeriodTests
{
    // A state two hours ahead of UTC, open Monday to Friday, with Wednesday 11 November 2026 a holiday.
    private static readonly WorkingCalendar State = WorkingCalendar.OfficeHours(TimeSpan.FromHours(2)) with
    {
        Holidays = new HashSet<DateOnly> { new(2026, 11, 11) },
    };

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public void An_exact_period_runs_from_the_instant_through_nights_and_weekends()
    {
        Assert.Equal(Local(12, 15, 30), LegalPeriods.End(Local(2, 15, 30), TimeSpan.FromDays(10), PeriodCounting.Exact, State, inHours: false));
    }

    [Fact]
    public void Under_1182_71_days_start_the_day_after_the_event_and_end_with_the_last_hour_of_the_last_day()
    {
        // Received on Monday 2nd at 15:30: day 1 is Tuesday 3rd, day 10 Thursday 12th, which ends at midnight local time.
        Assert.Equal(Local(13, 0), LegalPeriods.End(Local(2, 15, 30), TimeSpan.FromDays(10), PeriodCounting.EuPeriods, State, inHours: false));
    }

    [Fact]
    public void Under_1182_71_a_period_whose_last_day_is_a_Saturday_ends_with_the_following_Monday()
    {
        // Day 5 after Monday 2nd is Saturday 7th: Art. 3(4) carries it to the end of Monday 9th.
        Assert.Equal(Local(10, 0), LegalPeriods.End(Local(2, 9), TimeSpan.FromDays(5), PeriodCounting.EuPeriods, State, inHours: false));
    }

    [Fact]
    public void Under_1182_71_a_period_whose_last_day_is_a_holiday_ends_with_the_next_working_day()
    {
        // Day 9 after Monday 2nd is the holiday on Wednesday 11th: the period ends with Thursday 12th.
        Assert.Equal(Local(13, 0), LegalPeriods.End(Local(2, 9), TimeSpan.FromDays(9), PeriodCounting.EuPeriods, State, inHours: false));
    }

    [Fact]
    public void Under_1182_71_hours_start_with_the_hour_after_the_event_and_are_not_carried_past_a_weekend()
    {
        // Friday 6th at 22:40: the hour from 22:00 is not counted, so 8 hours run from 23:00 to Saturday 07:00.
        Assert.Equal(Local(7, 7), LegalPeriods.End(Local(6, 22, 40), TimeSpan.FromHours(8), PeriodCounting.EuPeriods, State, inHours: true));
    }

    [Fact]
    public void Under_a_state_law_that_counts_working_days_only_working_days_are_counted()
    {
        // From Monday 2nd, 5 working days: Tuesday 3rd to Friday 6th are four, Monday 9th the fifth.
        var working = State with { CountsWorkingDays = true };
        Assert.Equal(Local(10, 0), LegalPeriods.End(Local(2, 11), TimeSpan.FromDays(5), PeriodCounting.RequestedStateLaw, working, inHours: false));
        // Over the holiday: 7 working days from Monday 2nd skip the weekend and Wednesday 11th, ending with Thursday 12th.
        Assert.Equal(Local(13, 0), LegalPeriods.End(Local(2, 11), TimeSpan.FromDays(7), PeriodCounting.RequestedStateLaw, working, inHours: false));
    }

    [Fact]
    public void Under_a_state_law_that_counts_calendar_days_the_last_day_is_carried_past_a_day_off()
    {
        Assert.Equal(Local(10, 0), LegalPeriods.End(Local(2, 11), TimeSpan.FromDays(5), PeriodCounting.RequestedStateLaw, State, inHours: false));
        Assert.Equal(Local(6, 0), LegalPeriods.End(Local(2, 11), TimeSpan.FromDays(3), PeriodCounting.RequestedStateLaw, State, inHours: false));
        // Periods of hours run from the instant under the state's law: 24 hours are not a day.
        Assert.Equal(Local(3, 11, 0), LegalPeriods.End(Local(2, 11), TimeSpan.FromHours(24), PeriodCounting.RequestedStateLaw, State, inHours: true));
    }

    [Fact]
    public void A_calendar_that_never_opens_is_refused_rather_than_counted_forever()
    {
        var closed = State with { Holidays = Enumerable.Range(0, 800).Select(d => new DateOnly(2026, 11, 1).AddDays(d)).ToHashSet() };
        var e = Assert.Throws<InvalidOperationException>(() => LegalPeriods.End(Local(2, 9), TimeSpan.FromDays(5), PeriodCounting.EuPeriods, closed, inHours: false));
        Assert.Contains("no working day within a year", e.Message);
    }
}
