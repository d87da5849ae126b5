using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>Live hand-over: the trainer hands a trainee's seat to the engine, which takes up what was left, and gives it back.</summary>
public sealed class SeatHandOverTests
{
    private static Simulation Start(IInvestigationPolicy policy)
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml")), CatalogueLoader.Shipped, 2);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(2, policy, new HashSet<string> { "AL/contact-point", "BE/contact-point" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(13));
        return s;
    }

    [Fact]
    public void The_engine_answers_what_the_trainee_left_under_review_and_the_trainee_acts_again_once_given_back()
    {
        var s = Start(new PreserveThenMlaPolicy());
        var id = s.Decide(new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"])).Request!;
        var r = s.Request(id)!;
        for (var i = 0; i < 200 && r.State != RequestState.UnderReview; i++) s.Step();
        Assert.Equal(RequestState.UnderReview, r.State); // waiting for Belmark's trainee

        var handed = s.Decide(new HandSeatToEngine("BE/contact-point"));
        Assert.True(handed.Accepted, handed.Message);
        for (var i = 0; i < 200 && r.State == RequestState.UnderReview; i++) s.Step();
        Assert.NotEqual(RequestState.UnderReview, r.State); // the engine answered it, once its officer had read it
        Assert.Equal("preserve-then-mla", s.PlayedBy("BE/contact-point"));
        Assert.Contains(s.Journal.Entries, e => e.Event is SeatHandedToEngine { Seat: "BE/contact-point", Policy: "preserve-then-mla" });
        Assert.StartsWith("BE/contact-point is played by the engine for now", s.Decide(new AnswerRequest("BE/contact-point", id, Answer.Approve)).Message);
        Assert.StartsWith("seat: BE/contact-point is already played by the engine", s.Decide(new HandSeatToEngine("BE/contact-point")).Message);

        Assert.True(s.Decide(new GiveSeatBack("BE/contact-point")).Accepted);
        Assert.Equal("trainee", s.PlayedBy("BE/contact-point"));
        var next = s.Request(s.Decide(new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-disk-image"])).Request!)!;
        for (var i = 0; i < 400 && next.State != RequestState.UnderReview; i++) s.Step();
        Assert.Equal(RequestState.UnderReview, next.State); // the trainee's to answer again
        Assert.True(s.Decide(new AnswerRequest("BE/contact-point", next.Id, Answer.Approve)).Accepted);
        Assert.StartsWith("seat: AL/judge was not handed to the engine", s.Decide(new GiveSeatBack("AL/judge")).Message);
    }

    [Fact]
    public void A_seat_is_not_handed_over_where_nobody_would_play_it_and_the_decisions_read_back()
    {
        var s = Start(new NoPolicy());
        Assert.StartsWith("seat: this exercise's policy is none", s.Decide(new HandSeatToEngine("BE/contact-point")).Message);
        Assert.StartsWith("seat: no trainee holds AL/judge", Start(new PreserveThenMlaPolicy()).Decide(new HandSeatToEngine("AL/judge")).Message);
        foreach (Decision d in new Decision[] { new HandSeatToEngine("BE/contact-point"), new GiveSeatBack("BE/contact-point") })
            Assert.Equal(d, DecisionCodec.Read(DecisionCodec.Write(d)));
    }
}
