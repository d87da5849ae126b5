using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Conditions attached case by case (docs/safeguards.md): where an instrument needs no consent for a use in general but
/// lets the giving state make it a condition in a particular case (CETS 224 Arts. 9 and 14, EU-US MLA Agreement
/// Art. 9(2)), the requested state's reviewer attaches it when approving, and the use then needs its consent.
/// </summary>
public sealed class CaseConditionTests
{
    private static LawWorld WorldFor(string instrument) => instrument switch
    {
        "bilateral-mla-treaty" => LawWorld.Parties().OtherCase().Agreement(LawWorld.Requested, LawWorld.Issuing, "mla-treaty"),
        "budapest-2ap-art9-emergency-disclosure" or "budapest-2ap-art10-emergency-mla" => LawWorld.Parties("budapest", "budapest-2ap").OtherCase().ThreatToLife(),
        _ => LawWorld.Parties("budapest", "budapest-2ap").OtherCase(),
    };

    private static string IssuerFor(string instrument) => instrument == "budapest-2ap-art9-emergency-disclosure" ? ContactPoint : Prosecutor;

    /// <summary>The request sent and under review by the requested state's trainee, who is returned with it.</summary>
    private static (Simulation, RequestRecord, string) UnderReview(string instrument, LawWorld? world = null, bool humanReviewer = true)
    {
        var reviewer = instrument == "budapest-2ap-art9-emergency-disclosure" ? "BB/contact-point" : "BB/central-authority";
        var s = Send(world ?? WorldFor(instrument), IssuerFor(instrument), instrument, "traffic", LawWorld.Catalogue[instrument].EmergencyOnly, humanReviewer ? [reviewer] : []);
        var r = s.Last();
        if (humanReviewer)
        {
            s.StepUntil(() => r.State == RequestState.UnderReview, $"{r.Id} under BB's review");
            Assert.Equal(reviewer, s.ReviewerSeat(r));
        }
        return (s, r, reviewer);
    }

    [Theory]
    [InlineData("bilateral-mla-treaty", "EU-US MLA Agreement Art. 9(2)(a)")]
    [InlineData("budapest-2ap-art8-giving-effect", "CETS 224 Art. 14")]
    [InlineData("budapest-2ap-art9-emergency-disclosure", "CETS 224 Art. 9")]
    [InlineData("budapest-2ap-art10-emergency-mla", "CETS 224 Art. 14")]
    [Rule("bilateral-mla-treaty", "use-limits/other-investigation/condition")]
    [Rule("budapest-2ap-art8-giving-effect", "use-limits/other-investigation/condition")]
    [Rule("budapest-2ap-art9-emergency-disclosure", "use-limits/other-investigation/condition")]
    [Rule("budapest-2ap-art10-emergency-mla", "use-limits/other-investigation/condition")]
    public void The_giving_state_may_make_use_in_another_investigation_need_its_consent_in_a_particular_case(string instrument, string article)
    {
        var (s, r, reviewer) = UnderReview(instrument);
        var answered = s.Decide(new AnswerRequest(reviewer, r.Id, Answer.Approve, Conditions: [UseKind.OtherInvestigation]));
        Assert.True(answered.Accepted, answered.Message);
        var attached = s.Events<ConditionsAttached>().Single();
        Assert.Equal((r.Id, reviewer, "other-investigation"), (attached.Request, attached.By, Assert.Single(attached.Uses)));
        Assert.StartsWith(article, attached.Source);
        s.Settle(r);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("traffic").Status);

        // What needed no consent under the instrument's general terms now needs BB's, under the condition it set.
        var limit = Simulation.ConsentNeededFor(s.UseTermsOf("traffic")!, UseKind.OtherInvestigation)!;
        Assert.Contains($"a condition BB attached when it approved the request ({attached.Source})", limit.Source);
        Assert.True(s.Decide(new UseEvidence(IssuerFor(instrument), "traffic", In: "other")).Accepted);
        var violation = s.Events<PurposeViolated>().Single();
        Assert.Equal(("other-investigation", limit.Source), (violation.Kind, violation.Source));
        Assert.Equal([UseKind.OtherInvestigation], s.Outcome().Requests.Single().Conditions!);

        // Without the condition, the same use is free, as the general terms say.
        var (free, fr, freeReviewer) = UnderReview(instrument);
        Assert.True(free.Decide(new AnswerRequest(freeReviewer, fr.Id, Answer.Approve)).Accepted);
        free.Settle(fr);
        Assert.Null(Simulation.ConsentNeededFor(free.UseTermsOf("traffic")!, UseKind.OtherInvestigation));
        Assert.Empty(free.Events<ConditionsAttached>());
    }

    [Fact]
    public void A_condition_the_instrument_does_not_allow_or_that_adds_nothing_or_goes_with_a_refusal_is_refused_and_nothing_changes()
    {
        // Onward transfer already needs BB's prior authorisation (CETS 224 Art. 14(10)(a)): there is nothing to add.
        var (s, r, reviewer) = UnderReview("budapest-2ap-art8-giving-effect");
        var journalled = s.Journal.Entries.Count;
        var adds = s.Decide(new AnswerRequest(reviewer, r.Id, Answer.Approve, Conditions: [UseKind.OnwardTransfer]));
        Assert.False(adds.Accepted);
        Assert.StartsWith("conditions: onward-transfer already needs BB's consent", adds.Message);
        Assert.EndsWith("conditions open: other-investigation", adds.Message);
        var refusing = s.Decide(new AnswerRequest(reviewer, r.Id, Answer.AskClarification, Note: "more facts", Conditions: [UseKind.OtherInvestigation]));
        Assert.Equal("conditions: conditions are attached to an approval: approve or narrow to attach them", refusing.Message);
        Assert.Equal(RequestState.UnderReview, r.State);
        Assert.Equal(journalled, s.Journal.Entries.Count); // a refused answer writes nothing, not even the decision

        // An instrument that lets the requested state attach nothing case by case (the simulator reads Budapest Art. 31 as always conditioned).
        var (mla, mr, mlaReviewer) = UnderReview("budapest-art31-mla", LawWorld.Parties("budapest").OtherCase());
        var none = mla.Decide(new AnswerRequest(mlaReviewer, mr.Id, Answer.Approve, Conditions: [UseKind.OtherInvestigation]));
        Assert.False(none.Accepted);
        Assert.EndsWith("conditions open: none", none.Message);
        Assert.Equal(RequestState.UnderReview, mr.State);
    }

    [Fact]
    public void A_state_played_by_the_engine_attaches_the_conditions_its_practice_sets_wherever_the_instrument_lets_it()
    {
        var world = WorldFor("budapest-2ap-art8-giving-effect")
            .Change(LawWorld.Requested, j => j with { AttachesConditions = new HashSet<UseKind>([UseKind.OtherInvestigation, UseKind.OnwardTransfer]) });
        var (s, r, _) = UnderReview("budapest-2ap-art8-giving-effect", world, humanReviewer: false);
        s.Settle(r);
        // Only the condition the instrument allows is attached; onward transfer needs consent anyway.
        var attached = s.Events<ConditionsAttached>().Single();
        Assert.Equal(["other-investigation"], attached.Uses);
        Assert.NotNull(Simulation.ConsentNeededFor(s.UseTermsOf("traffic")!, UseKind.OtherInvestigation));
        Assert.Contains("other-investigation needs the giving state's consent (a condition BB attached", s.UseTermsOf("traffic")!.Describe());
    }
}
