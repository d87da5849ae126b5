using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>The European Preservation Order (REG Arts. 4(3), 6, 11).</summary>
public sealed class EuPreservationOrderTests
{
    private const string Id = "eu-epoc-pr";

    private static LawWorld Eu() => LawWorld.Parties("eu-e-evidence");

    [Fact, Rule(Id, "issuers"), Rule(Id, "validation/rules/subscriber-identification-traffic-content")]
    public void Art4_3_a_preservation_order_is_issued_by_a_prosecutor_or_a_judge_and_under_4_3_b_by_an_investigator_with_validation()
    {
        foreach (var category in Enum.GetValues<DataCategory>())
            OnlyIssuedBy(Id, category, [AuthorityRole.Prosecutor, AuthorityRole.Judge], withValidation: [AuthorityRole.Investigator]);
    }

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void Art2_1_only_a_member_state_bound_by_the_Regulation_issues_it() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", Eu(), Eu().State(LawWorld.Issuing), "AA is not party to eu-e-evidence");

    [Fact, Rule(Id, "preconditions/provider-offers-services-in")]
    public void Art2_1_reaches_a_provider_offering_services_in_the_Union() =>
        Refused(Eu().State("XX").Provider(LawWorld.Host, "XX").AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Prosecutor, "traffic"), "host has no establishment or legal representative in a state under eu-e-evidence to receive eu-epoc-pr");

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art1_1_is_for_cross_border_cases_only() =>
        Refused(Eu().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Prosecutor, "traffic"), "no state can receive eu-epoc-pr from AA for data held by host: host is addressed in AA itself, so the order is not cross-border");

    [Fact, Rule(Id, "preservation/period")]
    public void Art11_1_the_data_are_preserved_for_60_days() =>
        PreservationLasts(Eu(), Prosecutor, Id, "traffic", TimeSpan.FromDays(60));

    [Fact, Rule(Id, "preservation/extension")]
    public void Art11_1_the_issuing_authority_may_extend_once_by_30_days() =>
        PreservationExtends(Eu(), Prosecutor, Id, "traffic", TimeSpan.FromDays(30), 1);

    [Fact, Rule(Id, "preservation/extension")]
    public void Art11_1_the_extension_is_ordered_within_the_60_days_not_after_they_ran_out()
    {
        var s = Send(Eu(), Prosecutor, Id, "traffic");
        s.StepUntil(() => s.Preservations.Count > 0, "the holder confirmed the preservation");
        var p = s.Preservations.Single();
        s.RunUntil(p.Until!.Value + TimeSpan.FromHours(1));
        Assert.False(p.Lifecycle.Holds, "the preservation should have lapsed after its 60 days");
        var late = s.Decide(new Simulator.Core.Decisions.ExtendPreservation(Prosecutor, p.Id));
        Assert.False(late.Accepted, "an extension asked after the 60 days ran out was granted");
    }

    [Fact, Rule(Id, "preservation/continuation")]
    public void Art11_2_once_a_production_request_is_confirmed_the_data_stay_preserved_as_long_as_needed() =>
        PreservationHoldsPendingProduction(Eu().ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("300d"), Policy = p.Policy with { BindingOrderComplianceRate = 0 } }),
            Prosecutor, Id, "traffic", Judge, "eu-epoc");
}
