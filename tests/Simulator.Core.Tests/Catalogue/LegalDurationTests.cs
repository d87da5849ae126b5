using Simulator.Core.Catalogue;
using Simulator.Core.World;

namespace Simulator.Core.Tests.Catalogue;

/// <summary>A period from the law as the player reads it, and where it ends under each way of counting.</summary>
public sealed class LegalDurationTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 6, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void It_reads_with_its_length_counting_source_and_doubt()
    {
        Assert.Equal("10d (REG Art. 10(2))", new LegalDuration(TimeSpan.FromDays(10), "REG Art. 10(2)").ToString());
        Assert.Equal("10d from receipt, counted as Regulation 1182/71 counts periods (REG Art. 10(2)) [UNSURE]",
            new LegalDuration(TimeSpan.FromDays(10), "REG Art. 10(2)", Unsure: true, From: CountedFrom.Receipt, Counting: PeriodCounting.EuPeriods).ToString());
        Assert.Equal("45d, counted as the requested state's law counts periods (CETS 224 Art. 8)",
            new LegalDuration(TimeSpan.FromDays(45), "CETS 224 Art. 8", Counting: PeriodCounting.RequestedStateLaw).ToString());
    }

    [Fact]
    public void A_period_the_law_sets_in_hours_reads_in_hours_as_the_law_writes_it()
    {
        // REG Art. 10(4) and 12(1): "within 96 hours", which Regulation 1182/71 counts apart from four days.
        Assert.Equal("96h from receipt (REG Art. 10(4))", new LegalDuration(TimeSpan.FromHours(96), "REG Art. 10(4)", From: CountedFrom.Receipt, InHours: true).ToString());
        Assert.Equal("48h (REG Art. 4(5))", new LegalDuration(TimeSpan.FromHours(48), "REG Art. 4(5)", InHours: true).ToString());
        Assert.Equal("30min (s)", new LegalDuration(TimeSpan.FromMinutes(30), "s", InHours: true).ToString());
        Assert.Equal("4d (s)", new LegalDuration(TimeSpan.FromHours(96), "s").ToString());
    }

    [Fact]
    public void It_defaults_to_an_exact_period_from_sending_confirmed_from_the_text()
    {
        var d = new LegalDuration(TimeSpan.FromDays(1), "s");
        Assert.Equal(CountedFrom.Sending, d.From);
        Assert.Equal(PeriodCounting.Exact, d.Counting);
        Assert.False(d.Unsure);
        Assert.False(d.InHours);
    }

    [Fact]
    public void An_exact_period_ends_its_length_after_the_instant_weekend_or_not()
    {
        var d = new LegalDuration(TimeSpan.FromDays(2), "s");
        Assert.Equal(Friday.AddDays(2), d.EndsFrom(Friday, WorkingCalendar.OfficeHours(TimeSpan.Zero)));
    }

    [Fact]
    public void An_EU_period_of_days_ends_with_its_last_day_and_past_a_weekend()
    {
        // From Friday 15:00, 1 day: the day of the event is not counted, so its last day is Saturday, carried to Monday,
        // and it ends with Monday's last hour.
        var d = new LegalDuration(TimeSpan.FromDays(1), "s", Counting: PeriodCounting.EuPeriods);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero), d.EndsFrom(Friday, WorkingCalendar.OfficeHours(TimeSpan.Zero)));
        // Hours run from the next full hour, and are not carried past the weekend.
        var hours = new LegalDuration(TimeSpan.FromHours(8), "s", Counting: PeriodCounting.EuPeriods, InHours: true);
        Assert.Equal(new DateTimeOffset(2026, 11, 7, 0, 0, 0, TimeSpan.Zero), hours.EndsFrom(Friday, WorkingCalendar.OfficeHours(TimeSpan.Zero)));
    }
}
