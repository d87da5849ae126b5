using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Evaluation;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// The evaluator's work (HSEEP): evaluation guides written in the scenario file, ratings P/S/M/U with notes against
/// their critical tasks and the objectives, observations tied to journal events, and the hot wash from every seat,
/// the trainer and the evaluator; all journalled, replayed, and taken after the end too.
/// </summary>
public sealed class EvaluationTests
{
    private static Simulation Start(string scenario = "hospital-ransomware")
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), scenario + ".yaml")), CatalogueLoader.Shipped, 5);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(5, new PreserveThenMlaPolicy(), new HashSet<string> { "AL/investigator" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(7));
        return s;
    }

    [Theory]
    [InlineData("hospital-ransomware")]
    [InlineData("abuse-material-no-treaty")]
    [InlineData("bec-joint-investigation")]
    [InlineData("ddos-for-hire-hops")]
    [InlineData("political-intrusion-refusals")]
    [InlineData("sextortion-threat-to-life")]
    [InlineData("simultaneous-ten-states")]
    public void Every_shipped_scenario_has_evaluation_guides_whose_tasks_name_real_objectives(string scenario)
    {
        var s = Start(scenario);
        Assert.NotEmpty(s.World.EvaluationGuides);
        foreach (var guide in s.World.EvaluationGuides)
        {
            Assert.False(string.IsNullOrWhiteSpace(guide.Target));
            Assert.All(guide.Tasks, t => Assert.True(t.Objective is null || s.World.Objectives.Any(o => o.Id == t.Objective), $"{t.Id} names {t.Objective}"));
        }
        // Each guide set has a task only people can judge, beside those the journal rates.
        Assert.Contains(s.World.EvaluationGuides.SelectMany(g => g.Tasks), t => t.Objective is null);
    }

    [Fact]
    public void The_evaluator_rates_tasks_and_objectives_a_later_rating_replaces_an_earlier_and_unknown_tasks_are_refused()
    {
        var s = Start();
        Assert.True(s.Decide(new RateTask("press-holding-line", HseepRating.PerformedWithSomeChallenges, "Named the provider")).Accepted);
        Assert.True(s.Decide(new RateTask("freeze-c2-logs", HseepRating.PerformedWithoutChallenges)).Accepted); // a task that is an objective
        Assert.True(s.Decide(new RateTask("press-holding-line", HseepRating.PerformedWithMajorChallenges, "Named the provider and the state")).Accepted);
        Assert.StartsWith("task: no critical task or objective 'tweet'", s.Decide(new RateTask("tweet", HseepRating.UnableToBePerformed)).Message);
        var current = s.CurrentTaskRatings();
        Assert.Equal(2, current.Count);
        Assert.Equal((HseepRating.PerformedWithMajorChallenges, "Named the provider and the state"), (current["press-holding-line"].Rating, current["press-holding-line"].Notes));
        Assert.Equal(3, s.Journal.Entries.Count(e => e.Event is TaskRated));
        Assert.Contains("evaluator rates press-holding-line M", string.Join("\n", s.Journal.Entries.Select(e => EventSummary.Of(e.Event))));
    }

    [Fact]
    public void Observations_are_tied_to_events_that_exist()
    {
        var s = Start();
        var delivered = s.Journal.Entries.First(e => e.Event is InjectDelivered).Sequence;
        Assert.True(s.Decide(new RecordObservation("The investigator read the report at once", [delivered, delivered], "freeze-c2-logs")).Accepted);
        Assert.Equal([delivered], Assert.Single(s.Observations).Events);
        Assert.StartsWith("events: no journal event 99999", s.Decide(new RecordObservation("later", [99999])).Message);
        Assert.StartsWith("text:", s.Decide(new RecordObservation(" ", [])).Message);
        Assert.StartsWith("task:", s.Decide(new RecordObservation("x", [], "nothing")).Message);
    }

    [Fact]
    public void The_hot_wash_and_the_ratings_are_taken_after_the_end_and_seats_no_longer_act()
    {
        var s = Start();
        s.Finish("test");
        Assert.False(s.Decide(new RespondToInject("AL/investigator", "hospital-report", Core.Communications.ResponseKind.Note, "late")).Accepted);
        Assert.True(s.Decide(new HotWash("AL/investigator", "We froze the C2 logs in time", "We did not know Belmark's office hours")).Accepted);
        Assert.True(s.Decide(new HotWash(Decision.Trainer, "Good use of the 24/7 network", null)).Accepted);
        Assert.True(s.Decide(new HotWash(Decision.Evaluator, null, "Referral came late")).Accepted);
        Assert.True(s.Decide(new RateTask("ministry-status", HseepRating.UnableToBePerformed, "No status report was given")).Accepted);
        Assert.StartsWith("'someone'", s.Decide(new HotWash("someone", "x", null)).Message);
        Assert.StartsWith("strengths:", s.Decide(new HotWash("AL/investigator", " ", null)).Message);
        Assert.Equal(["AL/investigator", "trainer", "evaluator"], s.HotWashEntries.Select(h => h.By));
    }

    [Fact]
    public void Evaluation_decisions_read_back_from_their_stored_form_and_replay_to_the_same_journal()
    {
        Decision[] decisions =
        [
            new RateTask("press-holding-line", HseepRating.PerformedWithSomeChallenges, "notes"),
            new RecordObservation("seen", [2, 3], "freeze-c2-logs"),
            new HotWash("AL/investigator", "good", "better"),
        ];
        byte[] Play()
        {
            var s = Start();
            foreach (var d in decisions) Assert.True(s.Decide(DecisionCodec.Read(DecisionCodec.Write(d))).Accepted);
            return s.Journal.ToBytes();
        }
        Assert.Equal(Play(), Play());
        foreach (var d in decisions) Assert.Equal(d, DecisionCodec.Read(DecisionCodec.Write(d)));
        Assert.Contains("\"rating\":\"performed-with-some-challenges\"", DecisionCodec.Write(decisions[0]));
    }
}
