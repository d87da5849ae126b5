using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A provisional measure to preserve evidence under the EIO Directive (Directive 2014/41/EU Art. 32).</summary>
public sealed class EuInvestigationOrderProvisionalMeasureTests
{
    private const string Id = "eu-eio-provisional-measure";

    private static LawWorld Bound() => LawWorld.Parties("eu-eio");

    [Fact, Rule(Id, "issuers")]
    public void Art32_the_measure_is_asked_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art32_1_is_open_between_member_states_bound_by_the_Directive() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", Bound(), Bound().State(LawWorld.Requested, "eu-mla-2000"), "BB is not party to eu-eio");

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art32_1_protects_evidence_in_the_executing_state() =>
        Refused(Bound().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Prosecutor, "traffic"), "no state can receive eu-eio-provisional-measure");

    [Fact, Rule(Id, "response-deadline")]
    public void Art32_2_the_executing_authority_decides_within_24_hours_of_receipt_wherever_practicable() =>
        DeadlineRuns(Bound(), Prosecutor, Id, "traffic", false, TimeSpan.FromHours(24), CountedFrom.Receipt);

    [Fact, Rule(Id, "waits-in-backlog")]
    public void Art7_1_and_32_2_the_measure_goes_to_the_executing_authority_not_into_a_backlog() =>
        SkipsTheBacklog(Bound(), Prosecutor, Id, "traffic");

    [Fact, Rule(Id, "refusal-grounds/national-security")]
    public void Art32_1_with_Art11_1_b_may_be_refused_to_protect_national_security() => GroundFollowsFacts(Id, "national-security");

    [Fact, Rule(Id, "preservation/period")]
    public void Art32_4_the_measure_holds_for_the_time_the_executing_authority_sets() =>
        PreservationLasts(Bound(), Prosecutor, Id, "traffic", TimeSpan.FromDays(90));

    [Fact, Rule(Id, "preservation/continuation")]
    public void Art32_4_the_measure_holds_while_the_EIO_that_follows_is_executed() =>
        PreservationHoldsPendingProduction(Bound().ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("300d"), Policy = p.Policy with { BindingOrderComplianceRate = 0 } }),
            Prosecutor, Id, "traffic", Judge, "eu-eio");
}
