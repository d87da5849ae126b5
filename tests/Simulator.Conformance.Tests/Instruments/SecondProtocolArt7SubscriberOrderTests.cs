using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A direct order to a provider in another Party for subscriber information (CETS 224 Art. 7).</summary>
public sealed class SecondProtocolArt7SubscriberOrderTests
{
    private const string Id = "budapest-2ap-art7-subscriber-order";

    [Fact, Rule(Id, "issuers")]
    public void Art7_is_issued_by_a_prosecutor_or_a_judge_for_subscriber_information_only()
    {
        OnlyIssuedBy(Id, DataCategory.Subscriber, AuthorityRole.Prosecutor, AuthorityRole.Judge);
        Refused(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "traffic"), "does not cover traffic data");
    }

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art7_1_is_open_only_between_Parties_to_the_Protocol() =>
        Condition(Id, AuthorityRole.Prosecutor, "subscriber", LawWorld.Parties("budapest", "budapest-2ap"), LawWorld.Parties("budapest", "budapest-2ap").State(LawWorld.Requested, "budapest"), "BB is not party to budapest-2ap");

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void The_Protocol_binds_no_Party_before_it_is_in_force_unless_the_exercise_rehearses_it()
    {
        Refused(LawWorld.Parties("budapest", "budapest-2ap").NotInForce("budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "subscriber"),
            "budapest-2ap is not in force (CETS 224 Art. 16(3)");
        Allowed(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "subscriber")); // played as if in force
    }

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art7_1_goes_to_a_provider_in_the_territory_of_another_Party() =>
        Condition(Id, AuthorityRole.Prosecutor, "subscriber", LawWorld.Parties("budapest", "budapest-2ap"),
            LawWorld.Parties("budapest", "budapest-2ap").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host), "no state can receive");

    [Fact, Rule(Id, "refusal-grounds/provider-declines")]
    public void Art7_7_a_provider_that_does_not_disclose_cannot_be_compelled_by_the_order() =>
        ProviderMayDecline(LawWorld.Parties("budapest", "budapest-2ap"), Prosecutor, Id, "subscriber");

    [Fact, Rule(Id, "response-deadline")]
    public void Art7_after_30_days_from_receipt_the_issuing_Party_may_turn_to_Art8() =>
        DeadlineRuns(LawWorld.Parties("budapest", "budapest-2ap").ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { ForeignOrderComplianceRate = 1 } }),
            Prosecutor, Id, "subscriber", false, TimeSpan.FromDays(30), CountedFrom.Receipt);
}
