using Simulator.Core.Catalogue;
using Simulator.Core.Common;

namespace Simulator.Core.Tests.Catalogue;

/// <summary>What an instrument answers about itself: its deadline for the data sought, who issues it, what is unsure.</summary>
public sealed class InstrumentTests
{
    private static readonly InstrumentTiming Timing = new(DurationRange.Parse("1d"), DurationRange.Parse("1d"), DurationRange.Parse("1d"), DurationRange.Parse("1d"), null, "timing source", false);

    private static Instrument Make(LegalDuration? response = null, LegalDuration? emergency = null, IReadOnlyDictionary<DataCategory, LegalDuration>? byCategory = null,
        InstrumentTiming? timing = null, PreservationTerms? preservation = null, EnforcingStateNotification? notification = null,
        IReadOnlyList<RefusalGround>? grounds = null, UrgentHandling? urgent = null) =>
        new("test", "Test", "basis", "summary", InstrumentPurpose.Production, Channel.CentralAuthorities,
            [DataCategory.Subscriber, DataCategory.Traffic, DataCategory.Content],
            new Dictionary<DataCategory, IReadOnlyList<AuthorityRole>> { [DataCategory.Content] = [AuthorityRole.Judge] },
            [], true, false, true, response, emergency, preservation, notification, grounds ?? [], timing ?? Timing, false)
        { ResponseDeadlines = byCategory, Urgent = urgent };

    private static LegalDuration Days(int days, bool unsure = false) => new(TimeSpan.FromDays(days), $"{days} days", unsure);

    [Fact]
    public void An_emergency_runs_to_the_emergency_deadline()
    {
        var i = Make(Days(10), new LegalDuration(TimeSpan.FromHours(8), "8 hours"));
        Assert.Equal(TimeSpan.FromHours(8), i.DeadlineFor([DataCategory.Content], emergency: true)!.Value);
        Assert.Equal(TimeSpan.FromDays(10), i.DeadlineFor([DataCategory.Content], emergency: false)!.Value);
    }

    [Fact]
    public void Deadlines_set_apart_by_category_run_to_the_longest_of_the_data_sought()
    {
        // CETS 224 Art. 8: 20 days for subscriber information, 45 for traffic data.
        var i = Make(Days(30), byCategory: new Dictionary<DataCategory, LegalDuration> { [DataCategory.Subscriber] = Days(20), [DataCategory.Traffic] = Days(45) });
        Assert.Equal(TimeSpan.FromDays(20), i.DeadlineFor([DataCategory.Subscriber], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(45), i.DeadlineFor([DataCategory.Subscriber, DataCategory.Traffic], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(45), i.DeadlineFor([DataCategory.Traffic, DataCategory.Traffic], false)!.Value);
        // A category without its own deadline takes the general one, the longest here.
        Assert.Equal(TimeSpan.FromDays(45), i.DeadlineFor([DataCategory.Content, DataCategory.Traffic], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(30), i.DeadlineFor([DataCategory.Content], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(30), i.DeadlineFor([], false)!.Value);
    }

    [Fact]
    public void A_category_without_a_deadline_where_there_is_no_general_one_leaves_the_request_without_one()
    {
        var i = Make(response: null, byCategory: new Dictionary<DataCategory, LegalDuration> { [DataCategory.Subscriber] = Days(20) });
        Assert.Null(i.DeadlineFor([DataCategory.Subscriber, DataCategory.Content], false));
        Assert.Equal(TimeSpan.FromDays(20), i.DeadlineFor([DataCategory.Subscriber], false)!.Value);
        Assert.Null(Make(response: null, byCategory: new Dictionary<DataCategory, LegalDuration>()).DeadlineFor([DataCategory.Subscriber], false));
    }

    [Fact]
    public void Issuers_are_named_per_category_and_none_for_a_category_not_listed()
    {
        var i = Make();
        Assert.Equal([AuthorityRole.Judge], i.IssuersFor(DataCategory.Content));
        Assert.Empty(i.IssuersFor(DataCategory.Subscriber));
        Assert.True(i.Covers(DataCategory.Traffic));
        Assert.False(i.Covers(DataCategory.Identification));
    }

    [Fact]
    public void Every_unsure_figure_is_listed_by_the_field_it_is_configured_by()
    {
        Assert.Empty(Make(Days(10), Days(1)).UnsureFigures());
        var unsure = Make(Days(10, true), Days(1, true),
            new Dictionary<DataCategory, LegalDuration> { [DataCategory.Subscriber] = Days(20, true), [DataCategory.Traffic] = Days(45) },
            Timing with { Unsure = true },
            new PreservationTerms(Days(60, true), Days(30, true), 1, false, ""),
            new EnforcingStateNotification([DataCategory.Content], Days(10, true), Days(4), "n", false, null),
            [new RefusalGround("g", "d", RefusalCondition.PoliticalOffence, Reviewer.RequestedState, "s", Unsure: true),
             new RefusalGround("sure", "d", RefusalCondition.PoliticalOffence, Reviewer.RequestedState, "s")],
            new UrgentHandling(UrgencyCondition.DataVulnerableToLoss, "s", "m", false, 0.25, Unsure: true)).UnsureFigures().ToList();
        Assert.Equal(["response-deadline", "response-deadlines.subscriber", "emergency-deadline", "preservation.period", "preservation.extension",
            "notification.objection-window", "timing", "urgent.speed-factor", "refusal-grounds.g"], unsure);
    }
}
