using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>An order to a US provider under a CLOUD Act executive agreement (18 USC 2523).</summary>
public sealed class CloudActOrderTests
{
    private const string Id = "cloud-act-order";

    private static LawWorld WithAgreement() => LawWorld.UnitedStatesHost().Agreement(LawWorld.Issuing, "US", "cloud-act").Offence(5, "extortion");

    [Fact, Rule(Id, "issuers")]
    public void Only_a_judge_issues_an_order_under_the_agreement() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/agreement")]
    public void Section_2523_needs_an_executive_agreement_between_the_issuing_state_and_the_United_States() =>
        Condition(Id, AuthorityRole.Judge, "content", WithAgreement(), LawWorld.UnitedStatesHost().Offence(5, "extortion"), "no cloud-act agreement between AA and US");

    [Fact, Rule(Id, "preconditions/provider-state-party")]
    public void Section_2523_orders_go_to_providers_subject_to_US_law() =>
        Condition(Id, AuthorityRole.Judge, "content", WithAgreement(), LawWorld.Parties("budapest").Agreement(LawWorld.Issuing, LawWorld.Requested, "cloud-act").Offence(5, "extortion"),
            "host is established in BB, not under us-sca");

    [Fact, Rule(Id, "preconditions/person-not-of-provider-state")]
    public void Section_2523_b_4_A_B_an_order_may_not_target_a_US_person_or_a_person_in_the_United_States() =>
        Condition(Id, AuthorityRole.Judge, "content", WithAgreement().PersonOf(LawWorld.Issuing), WithAgreement().PersonOf("US"),
            "the person whose data is sought is a national or resident of, or located in, US, where host is established");

    [Fact, Rule(Id, "preconditions/minimum-penalty")]
    public void Section_2523_b_4_D_i_is_for_serious_crime() =>
        Condition(Id, AuthorityRole.Judge, "content", WithAgreement(), WithAgreement().Offence(2, "extortion"), "the offence carries 2 years at most");

    [Fact, Rule(Id, "refusal-grounds/provider-declines")]
    public void Section_2523_lifts_the_US_bar_but_does_not_make_the_order_enforceable_in_the_United_States() =>
        ProviderMayDecline(WithAgreement(), Judge, Id, "content");

    [Fact, Rule(Id, "response-deadline")]
    public void The_UK_US_agreement_sets_days_not_months_for_an_answer() =>
        DeadlineRuns(WithAgreement().ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { ForeignOrderComplianceRate = 1 } }),
            Judge, Id, "content", false, TimeSpan.FromDays(10), CountedFrom.Sending);
}
