using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// A trainee reviewing a request confirms the checks of the review; what the law and the facts say of each is set
/// beside it in the journal, so an approval the facts do not support shows in the debrief.
/// </summary>
public sealed class ReviewChecklistTests
{
    private const string Reviewer = "BB/central-authority";

    /// <summary>An Art. 31 request from AA under review at BB's central authority (a trainee), for conduct BB does not criminalise.</summary>
    private static (Simulation, RequestRecord) MlaUnderReviewWhereTheConductIsNoOffence()
    {
        var world = LawWorld.Parties("budapest").DoesNotCriminalise(LawWorld.Requested, "illegal-access");
        var s = Send(world, Prosecutor, "budapest-art31-mla", "subscriber", false, Reviewer);
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, $"{r.Id} reached review");
        return (s, r);
    }

    [Fact]
    public void A_confirmation_of_dual_criminality_where_the_conduct_is_no_offence_in_the_requested_state_is_recorded_as_unsupported()
    {
        var (s, r) = MlaUnderReviewWhereTheConductIsNoOffence();
        Assert.Contains(ReviewCheck.DualCriminality, s.ChecksFor(r)); // Budapest Art. 25(4): the ground is open to BB

        var approved = s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Approve, Confirmed: s.ChecksFor(r)));
        Assert.True(approved.Accepted, approved.Message);
        var review = s.Events<ReviewRecorded>().Single();
        Assert.Contains(review.Unsupported, u => u.StartsWith("dual-criminality: none of the conduct is an offence in BB", StringComparison.Ordinal));
        Assert.Contains(review.Unsupported, u => u.StartsWith("no-ground: dual-criminality", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refusal_for_lack_of_dual_criminality_may_not_come_with_dual_criminality_confirmed_and_without_it_is_recorded_as_supported()
    {
        var (s, r) = MlaUnderReviewWhereTheConductIsNoOffence();

        var contradicted = s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "dual-criminality", Confirmed: [ReviewCheck.DualCriminality, ReviewCheck.Complete]));
        Assert.False(contradicted.Accepted);
        Assert.Contains("you confirmed dual criminality", contradicted.Message);
        Assert.True(s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "dual-criminality", Confirmed: [ReviewCheck.Complete, ReviewCheck.Proportionate])).Accepted);
        var review = s.Events<ReviewRecorded>().Single();
        Assert.Equal("refuse", review.Answer);
        Assert.Equal(["dual-criminality", "no-ground"], review.NotConfirmed);
        Assert.Empty(review.Unsupported);
    }

    [Fact]
    public void The_dual_criminality_check_also_answers_an_EIO_refused_for_an_offence_committed_on_the_executing_states_territory()
    {
        var world = LawWorld.Parties("eu-eio").Offence(5, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .ChangeOffence(o => o with { CommittedIn = new HashSet<string>([LawWorld.Requested]) });
        var s = Send(world, Prosecutor, "eu-eio", "subscriber", false, Reviewer);
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, $"{r.Id} reached review");
        Assert.Contains(ReviewCheck.DualCriminality, s.ChecksFor(r)); // Directive 2014/41/EU Art. 11(1)(e) is open to BB

        // Where the facts do not place the offence in BB, (e) is closed, and (g) does not reach identifying a subscriber
        // (Art. 11(2)): nothing about dual criminality is left to confirm.
        var elsewhere = LawWorld.Parties("eu-eio").Offence(5, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion");
        var other = Send(elsewhere, Prosecutor, "eu-eio", "subscriber", false, Reviewer);
        other.StepUntil(() => other.Last().State == RequestState.UnderReview, "the other request reached review");
        Assert.DoesNotContain(ReviewCheck.DualCriminality, other.ChecksFor(other.Last()));

        var contradicted = s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "territoriality", Confirmed: [ReviewCheck.DualCriminality, ReviewCheck.Complete]));
        Assert.False(contradicted.Accepted);
        Assert.Contains("you confirmed dual criminality", contradicted.Message);
        var refused = s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "territoriality", Confirmed: [ReviewCheck.Complete]));
        Assert.True(refused.Accepted, refused.Message);
        Assert.Equal("territoriality", r.RefusalGround);
    }
}
