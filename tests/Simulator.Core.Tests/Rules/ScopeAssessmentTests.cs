using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Rules;
using Simulator.Core.World;

namespace Simulator.Core.Tests.Rules;

/// <summary>
/// A request's scope against its leads' facts: a log of one address over ten days (100 records, 40 of other persons),
/// an account's subscriber record; the holder keeps logs 90 days. Asked on day 20.
/// </summary>
public sealed class ScopeAssessmentTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = Start.AddDays(20);

    private static readonly Lead Address = new("address", "case", "An address", "", Start, ["198.51.100.7"], new TimeWindow(Start, Start.AddDays(10)));
    private static readonly Lead Silent = new("silent", "case", "A lead the facts say nothing about", "", Start);

    private static EvidenceItem Item(string id, string lead, DataCategory category, int records, int thirdParty) =>
        new(id, lead, "host", "BB", category, id, Start, TimeSpan.FromDays(90), false, false, [], new SyntheticContent("test", [], ""), records, thirdParty);

    private static readonly EvidenceItem Log = Item("log", "address", DataCategory.Traffic, 100, 40);
    private static readonly EvidenceItem Account = Item("account", "address", DataCategory.Subscriber, 1, 0);
    private static readonly EvidenceItem Unjudged = Item("unjudged", "silent", DataCategory.Traffic, 50, 5);

    private static Lead LeadOf(string id) => id == Address.Id ? Address : Silent;

    private static ScopeAssessment Of(RequestScope? scope, params EvidenceItem[] items) => ScopeAssessment.Of(items, LeadOf, scope, At);

    [Fact]
    public void A_request_without_a_scope_asks_what_the_facts_support()
    {
        var a = Of(null, Log, Account);
        Assert.False(a.OverBroad);
        Assert.Equal((101, 0, 40), (a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    [Fact]
    public void Every_record_held_reaches_back_the_retention_and_what_lies_outside_the_period_is_beyond_the_need_and_of_third_parties()
    {
        // Asked: 90 days back from day 20 (day -70 to day 20); supported: days 0 to 10. 80 days beyond: 800 records.
        var a = Of(RequestScope.Everything, Log);
        Assert.Equal(["window: it starts 70d before and ends 10d after the period the facts support for address (2026-03-01T00:00:00Z to 2026-03-11T00:00:00Z)"], a.Excess);
        Assert.Equal((900, 800, 840), (a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    [Fact]
    public void A_window_that_leaves_out_part_of_the_period_is_too_narrow_and_brings_only_its_share()
    {
        var a = Of(new RequestScope(null, Start, Start.AddDays(5)), Log);
        Assert.False(a.OverBroad);
        Assert.Equal(["window: it leaves out 5d of the period the facts support for address (2026-03-01T00:00:00Z to 2026-03-11T00:00:00Z); records there are not asked for"], a.Shortfall);
        Assert.Equal((50, 0, 20), (a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    [Fact]
    public void A_subscriber_record_is_one_record_whatever_the_window_but_an_identifier_the_facts_do_not_name_is_over_broad()
    {
        Assert.False(Of(RequestScope.Everything, Account).OverBroad);
        var a = Of(new RequestScope(["198.51.100.7", " 198.51.100.8 "]), Account);
        Assert.Equal(["identifiers 198.51.100.8: the facts name only 198.51.100.7"], a.Excess);
        Assert.Equal((2, 1, 1), (a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    [Fact]
    public void Where_the_facts_name_no_identifiers_or_period_the_scope_is_not_judged()
    {
        var a = Of(new RequestScope(["anything"]), Unjudged);
        Assert.False(a.OverBroad);
        Assert.Empty(a.Shortfall);
        Assert.Equal((50, 0, 5), (a.RecordsSought, a.RecordsBeyondNeed, a.ThirdPartyRecords));
    }

    [Fact]
    public void A_period_that_reaches_past_the_moment_of_asking_is_judged_up_to_it_a_production_reaches_stored_records()
    {
        // 100 records over 60 days; on day 20 the holder has the first 20 days' worth, whatever the request asks.
        var ongoing = Address with { Period = new TimeWindow(Start, Start.AddDays(60)) };
        var a = ScopeAssessment.Of([Log], _ => ongoing, new RequestScope(null, Start, At), At);
        Assert.False(a.OverBroad);
        Assert.Empty(a.Shortfall);
        Assert.Equal(33, a.RecordsSought);
        Assert.Equal(33, ScopeAssessment.Of([Log], _ => ongoing, null, At).RecordsSought);
        Assert.Equal(33, ScopeAssessment.Of([Log], _ => ongoing, new RequestScope(null, Start, Start.AddDays(60)), At).RecordsSought); // no future records
    }

    [Fact]
    public void A_window_of_centuries_reaches_only_what_the_holder_keeps_and_counts_saturate_rather_than_wrap()
    {
        var centuries = new RequestScope(null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var a = Of(centuries, Log);
        Assert.True(a.OverBroad);
        Assert.Equal(Of(RequestScope.Everything, Log).RecordsSought, a.RecordsSought); // clipped to the 90 days the holder keeps
        // 5000 records in one minute, kept 1000 years: the count saturates at what an int holds.
        var dense = Address with { Period = new TimeWindow(Start, Start.AddMinutes(1)) };
        var huge = Item("huge", "address", DataCategory.Traffic, 5000, 0) with { Retention = TimeSpan.FromDays(365_000) };
        var h = ScopeAssessment.Of([huge, huge with { Id = "huge-2" }], _ => dense, RequestScope.Everything, At);
        Assert.Equal((int.MaxValue, int.MaxValue), (h.RecordsSought, h.ThirdPartyRecords));
    }

    [Fact]
    public void Narrowing_keeps_what_was_asked_within_the_need_and_never_widens_it()
    {
        // Half the period, and an address the facts do not name: narrowed, the request keeps its half and drops the address.
        var a = Of(new RequestScope(["198.51.100.7", "198.51.100.9"], Start, Start.AddDays(5)), Log);
        Assert.True(a.OverBroad);
        Assert.NotEmpty(a.Shortfall);
        var n = a.Narrowed();
        Assert.False(n.OverBroad);
        Assert.Equal((50, 0, 20), (n.RecordsSought, n.RecordsBeyondNeed, n.ThirdPartyRecords));
        Assert.True(n.RecordsSought < Of(null, Log).RecordsSought);
    }

    [Fact]
    public void A_request_over_two_leads_is_judged_against_the_span_of_their_periods_what_the_form_fills_in()
    {
        var later = new Lead("later", "case", "Another address", "", Start, ["198.51.100.8"], new TimeWindow(Start.AddDays(8), Start.AddDays(15)));
        var other = Item("other-log", "later", DataCategory.Traffic, 70, 0);
        Lead Both(string id) => id == later.Id ? later : Address;
        var (ids, span) = ScopeAssessment.Supported([Log, other], Both, At);
        Assert.Equal((Start, Start.AddDays(15)), (span!.From, span.To));
        var filled = ScopeAssessment.Of([Log, other], Both, new RequestScope(ids, span.From, span.To), At);
        Assert.False(filled.OverBroad);
        Assert.Empty(filled.Shortfall);
    }
}
