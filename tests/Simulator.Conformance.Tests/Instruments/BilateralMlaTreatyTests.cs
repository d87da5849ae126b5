using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Mutual legal assistance under a bilateral treaty (a scenario agreement of kind mla-treaty).</summary>
public sealed class BilateralMlaTreatyTests
{
    private const string Id = "bilateral-mla-treaty";

    /// <summary>The United States asks Ireland, which is not party to the Budapest Convention: only their treaty binds them.</summary>
    private static LawWorld Treaty() => LawWorld.Parties().Agreement(LawWorld.Requested, LawWorld.Issuing, "mla-treaty");

    [Fact, Rule(Id, "issuers")]
    public void A_treaty_request_is_issued_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/agreement")]
    public void A_treaty_between_the_issuing_and_the_requested_state_opens_mutual_assistance_where_Budapest_does_not()
    {
        Condition(Id, AuthorityRole.Prosecutor, "content", Treaty(), LawWorld.Parties(), "no mla-treaty agreement between AA and BB");
        Refused(Treaty().Check("budapest-art31-mla", AuthorityRole.Prosecutor, "content"), "AA is not party to budapest");
        // The treaty binds the two states, wherever the provider is established: data stored in BB by a provider of CC.
        var storedThere = Treaty().State("CC").Provider("cc-host", "CC").Item("content", "cc-host", DataCategory.Content, storedIn: LawWorld.Requested);
        Allowed(storedThere.Check(Id, AuthorityRole.Prosecutor, "content"));
    }

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void A_treaty_request_goes_to_the_state_where_the_data_is() =>
        Refused(Treaty().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Prosecutor, "content"), "no state can receive bilateral-mla-treaty");

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void The_requested_state_may_refuse_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/essential-interests")]
    public void The_requested_state_may_refuse_where_its_essential_interests_are_prejudiced() => GroundFollowsFacts(Id, "essential-interests");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void The_requested_state_may_refuse_for_dual_criminality_only_where_its_law_requires_it()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        var notRequired = Treaty().Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = new HashSet<DataCategory>() });
        Assert.NotNull(notRequired.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
    }
}
