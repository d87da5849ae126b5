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

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art8_may_be_refused_on_the_political_offence_ground_of_Art27_4_a() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art8_may_be_refused_on_the_sovereignty_ground_of_Art27_4_b() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "response-deadline")]
    public void Art8_the_time_limit_runs_from_receipt_by_the_requested_Party() =>
        DeadlineRuns(LawWorld.Parties("budapest", "budapest-2ap"), Prosecutor, Id, "traffic", false, TimeSpan.FromDays(45), CountedFrom.Receipt);
}
