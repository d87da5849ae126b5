using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A joint investigation team (2000 EU MLA Convention Art. 13; CETS 224 Art. 12; ETS 182 Art. 20; UNTOC Art. 19).</summary>
public sealed class JointInvestigationTeamTests
{
    private const string Id = "joint-investigation-team";

    [Fact, Rule(Id, "issuers")]
    public void A_team_is_agreed_by_prosecutors_or_judges() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/common-framework")]
    public void A_team_needs_a_basis_both_states_share_the_2000_Convention_the_Second_Protocols_or_UNTOC()
    {
        Allowed(LawWorld.Parties("eu-mla-2000").Check(Id, AuthorityRole.Prosecutor, "content"));
        Allowed(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "content"));
        Allowed(LawWorld.Parties("ets182").Check(Id, AuthorityRole.Prosecutor, "content"));
        Allowed(LawWorld.Parties("untoc").Check(Id, AuthorityRole.Prosecutor, "content"));
        Refused(LawWorld.Parties("budapest").Check(Id, AuthorityRole.Prosecutor, "content"), "AA and BB share none of eu-mla-2000, budapest-2ap, ets182, untoc and have no eu-us-mla agreement");
    }

    [Fact, Rule(Id, "preconditions/common-framework")]
    public void The_EU_US_MLA_Agreement_Art5_is_a_basis_between_the_United_States_and_a_member_state()
    {
        // The agreement binds the two states to each other, whichever of them records it.
        Allowed(LawWorld.Parties("budapest").Agreement(LawWorld.Issuing, LawWorld.Requested, "eu-us-mla").Check(Id, AuthorityRole.Prosecutor, "content"));
        Allowed(LawWorld.Parties("budapest").Agreement(LawWorld.Requested, LawWorld.Issuing, "eu-us-mla").Check(Id, AuthorityRole.Prosecutor, "content"));
        // An agreement of another kind, or with a third state, is no basis.
        Refused(LawWorld.Parties("budapest").Agreement(LawWorld.Issuing, LawWorld.Requested, "mla-treaty").Check(Id, AuthorityRole.Prosecutor, "content"), "have no eu-us-mla agreement");
        Refused(LawWorld.Parties("budapest").State("CC", "budapest").Agreement(LawWorld.Issuing, "CC", "eu-us-mla").Check(Id, AuthorityRole.Prosecutor, "content"), "have no eu-us-mla agreement");
        var condition = LawWorld.Catalogue[Id].Preconditions.Single(p => p.Kind == Simulator.Core.Catalogue.PreconditionKind.CommonFramework);
        Assert.Equal("both states party to one of eu-mla-2000, budapest-2ap, ets182, untoc, or bound to each other by an agreement of kind eu-us-mla", condition.Describe());
    }

    [Fact, Rule(Id, "refusal-grounds/no-agreement")]
    public void A_team_exists_only_by_mutual_agreement_so_the_other_state_may_decline_it()
    {
        var world = LawWorld.Parties("eu-mla-2000");
        Assert.Null(world.GroundClosed(Id, "no-agreement", LawWorld.Requested, DataCategory.Content)); // open to it, whatever the offence
        Assert.False(world.GroundHolds(Id, "no-agreement", LawWorld.Requested, DataCategory.Content)); // no fact compels it: the engine agrees
        var s = Send(world, Prosecutor, Id, "content", false, "BB/prosecutor");
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, "the proposed team under review");
        var answer = s.Decide(new AnswerRequest("BB/prosecutor", r.Id, Answer.Refuse, "no-agreement"));
        Assert.True(answer.Accepted, answer.Message);
        Assert.Equal(RequestState.Refused, r.State);
    }
}
