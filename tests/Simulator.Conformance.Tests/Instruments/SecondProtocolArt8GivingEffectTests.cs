using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Giving effect to an order through the provider's state (CETS 224 Art. 8).</summary>
public sealed class SecondProtocolArt8GivingEffectTests
{
    private const string Id = "budapest-2ap-art8-giving-effect";

    [Fact, Rule(Id, "issuers")]
    public void Art8_is_issued_by_a_prosecutor_or_a_judge_for_subscriber_or_traffic_data()
    {
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Prosecutor, AuthorityRole.Judge);
        Refused(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "content"), "does not cover content data");
    }

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art8_1_is_open_only_between_Parties_to_the_Protocol() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", LawWorld.Parties("budapest", "budapest-2ap"), LawWorld.Parties("budapest", "budapest-2ap").State(LawWorld.Requested, "budapest"), "BB is not party to budapest-2ap");

    [Fact, Rule(Id, "preconditions/not-reserved")]
    public void Art8_13_a_Party_that_reserved_traffic_data_gives_effect_to_orders_for_subscriber_information_only()
    {
        var reserved = LawWorld.Parties("budapest", "budapest-2ap").Reserves(LawWorld.Requested, "cets224-art8-13");
        Refused(reserved.Check(Id, AuthorityRole.Prosecutor, "traffic"), "BB made the reservation cets224-art8-13 for traffic data");
        Allowed(reserved.Check(Id, AuthorityRole.Prosecutor, "subscriber"));
        Allowed(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "traffic"));
    }

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art8_may_be_refused_on_the_political_offence_ground_of_Art27_4_a() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art8_may_be_refused_on_the_sovereignty_ground_of_Art27_4_b() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art8_8_may_be_refused_for_lack_of_dual_criminality_under_Art25_4_where_the_requested_partys_law_requires_it()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        var notForSubscribers = LawWorld.Parties("budapest", "budapest-2ap").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = new HashSet<DataCategory>([DataCategory.Traffic, DataCategory.Content]) });
        Assert.Contains("requires dual criminality for the data sought", notForSubscribers.GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber));
        Assert.True(notForSubscribers.GroundHolds(Id, "dual-criminality", LawWorld.Requested, DataCategory.Traffic));
    }

    [Fact, Rule(Id, "response-deadline"), Rule(Id, "response-deadlines.traffic")]
    public void Art8_traffic_data_are_due_45_days_after_service_which_is_due_45_days_after_receipt() =>
        DeadlineRuns(LawWorld.Parties("budapest", "budapest-2ap"), Prosecutor, Id, "traffic", false, TimeSpan.FromDays(90), CountedFrom.Receipt, PeriodCounting.RequestedStateLaw);

    [Fact, Rule(Id, "waits-in-backlog")]
    public void Art8_the_order_is_served_within_its_45_days_not_queued_behind_ordinary_mutual_assistance() =>
        SkipsTheBacklog(LawWorld.Parties("budapest", "budapest-2ap"), Prosecutor, Id, "traffic");

    [Fact, Rule(Id, "response-deadlines.subscriber")]
    public void Art8_subscriber_information_is_due_20_days_after_service_which_is_due_45_days_after_receipt() =>
        DeadlineRuns(LawWorld.Parties("budapest", "budapest-2ap"), Prosecutor, Id, "subscriber", false, TimeSpan.FromDays(65), CountedFrom.Receipt, PeriodCounting.RequestedStateLaw);

    [Fact]
    public void Art8_a_request_for_subscriber_and_traffic_data_runs_to_the_traffic_datas_limit()
    {
        var instrument = LawWorld.Catalogue[Id];
        Assert.Equal(TimeSpan.FromDays(90), instrument.DeadlineFor([DataCategory.Subscriber, DataCategory.Traffic], false)!.Value);
        Assert.Equal(TimeSpan.FromDays(65), instrument.DeadlineFor([DataCategory.Subscriber], false)!.Value);
        // Instruments that do not set deadlines apart keep their one deadline for every category.
        var epoc = LawWorld.Catalogue["eu-epoc"];
        Assert.Equal(epoc.ResponseDeadline, epoc.DeadlineFor([DataCategory.Subscriber], false));
    }
}
