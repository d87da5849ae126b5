using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>
/// The CLOUD Act agreements run both ways: a US order to a provider of the partner state (18 USC 2523; the UK-US and
/// US-Australia agreements). Here AA plays the United States (its law, us-sca, is its own) and BB the partner.
/// </summary>
public sealed class CloudActOrderUsTests
{
    private const string Id = "cloud-act-order-us";

    private static LawWorld UnitedStatesIssuing() => LawWorld.UnitedStatesIssuing().Offence(5, "extortion");

    [Fact, Rule(Id, "issuers")]
    public void Only_a_judge_issues_a_US_order_under_the_agreement() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void The_agreements_are_the_United_States_own_so_only_it_issues_under_them_towards_its_partner() =>
        Condition(Id, AuthorityRole.Judge, "content", UnitedStatesIssuing(),
            UnitedStatesIssuing().State(LawWorld.Issuing, "budapest").Agreement(LawWorld.Issuing, LawWorld.Requested, "cloud-act"), "AA is not party to us-sca");

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void A_US_provider_is_ordered_under_US_law_not_under_an_agreement() =>
        Condition(Id, AuthorityRole.Judge, "content", UnitedStatesIssuing(), UnitedStatesIssuing().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host),
            "host is established in AA; use a domestic order");

    [Fact, Rule(Id, "preconditions/agreement")]
    public void Section_2523_b_needs_an_executive_agreement_with_the_providers_state() =>
        Condition(Id, AuthorityRole.Judge, "content", UnitedStatesIssuing(),
            LawWorld.Parties("budapest").State(LawWorld.Issuing, "budapest", "us-sca").Offence(5, "extortion"), "no cloud-act agreement between AA and BB");

    [Fact, Rule(Id, "preconditions/person-not-of-provider-state")]
    public void The_agreements_bind_the_United_States_not_to_target_a_person_in_the_partners_territory() =>
        Condition(Id, AuthorityRole.Judge, "content", UnitedStatesIssuing().PersonOf(LawWorld.Issuing), UnitedStatesIssuing().PersonOf(LawWorld.Requested),
            "the person whose data is sought is a national or resident of, or located in, BB, where host is established");

    [Fact, Rule(Id, "preconditions/minimum-penalty")]
    public void The_agreements_are_for_serious_crime() =>
        Condition(Id, AuthorityRole.Judge, "content", UnitedStatesIssuing(), UnitedStatesIssuing().Offence(2, "extortion"), "the offence carries 2 years at most");

    [Fact, Rule(Id, "refusal-grounds/provider-declines")]
    public void The_agreement_lifts_the_partners_bar_but_does_not_compel_its_provider() =>
        ProviderMayDecline(UnitedStatesIssuing(), Judge, Id, "content");

    [Fact, Rule(Id, "response-deadline")]
    public void The_agreements_set_days_not_months_for_an_answer() =>
        DeadlineRuns(UnitedStatesIssuing().ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { ForeignOrderComplianceRate = 1 } }),
            Judge, Id, "content", false, TimeSpan.FromDays(10), CountedFrom.Sending);
}
