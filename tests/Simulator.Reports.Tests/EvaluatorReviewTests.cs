using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Evaluation;
using Simulator.Core.Policies;
using Simulator.Reports.AfterAction;
using Simulator.Reports.Html;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Reports.Tests;

/// <summary>The AAR/IP sets the evaluator's ratings beside the journal's, says where they disagree, and carries the observations and the hot wash.</summary>
public sealed class EvaluatorReviewTests
{
    [Fact]
    public void The_report_sets_the_evaluators_ratings_beside_the_automatic_ones_and_says_where_they_disagree()
    {
        var built = WorldBuilder.Build(ReportRuns.Load("hospital-ransomware"), CatalogueLoader.Shipped, 3);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(3, new PreserveThenMlaPolicy(), new HashSet<string>(), PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start.AddDays(3));
        s.Finish("test");
        var automatic = AfterActionReport.Build(s).Objectives.Single(o => o.Objective == "freeze-c2-logs");
        var other = automatic.Code == "U" ? HseepRating.PerformedWithoutChallenges : HseepRating.UnableToBePerformed;
        Assert.True(s.Decide(new RateTask("freeze-c2-logs", other, "The request lacked the time window")).Accepted);
        Assert.True(s.Decide(new RateTask("press-holding-line", HseepRating.PerformedWithSomeChallenges, "Agreed late with the hospital")).Accepted);
        Assert.True(s.Decide(new RecordObservation("The policy froze the logs within hours", [2])).Accepted);
        Assert.True(s.Decide(new HotWash(Decision.Trainer, "Fast preservation", "Brief the press earlier")).Accepted);

        var report = AfterActionReport.Build(s);
        var freeze = report.Evaluation.Tasks.Single(t => t.Task == "freeze-c2-logs");
        Assert.Equal((automatic.Code, HseepRatings.Letter(other)), (freeze.AutomaticCode, freeze.EvaluatorCode));
        Assert.StartsWith($"The evaluator rated {HseepRatings.Letter(other)} where the journal's measure gave {automatic.Code}", freeze.Disagreement);
        var press = report.Evaluation.Tasks.Single(t => t.Task == "press-holding-line");
        Assert.Equal(("S", null, null), (press.EvaluatorCode, press.AutomaticCode, press.Disagreement)); // people judge it; nothing to disagree with
        Assert.Equal(1, report.Evaluation.Disagreements);
        Assert.Single(report.Evaluation.Observations);
        Assert.Equal("trainer", Assert.Single(report.Evaluation.HotWash).By);
        var html = AfterActionHtml.Render(report);
        Assert.Contains("Evaluation: the evaluator", html);
        Assert.Contains("disagree on 1 task(s)", html);
        Assert.Contains("Brief the press earlier", html);
    }

    [Fact]
    public void The_msel_review_quotes_the_seats_answers_to_an_inject_for_the_evaluator()
    {
        var built = WorldBuilder.Build(ReportRuns.Load("hospital-ransomware"), CatalogueLoader.Shipped, 3);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(3, new PreserveThenMlaPolicy(), new HashSet<string> { "AL/prosecutor" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start.AddHours(53));
        Assert.True(s.Decide(new RespondToInject("AL/prosecutor", "press-inquiry", Core.Communications.ResponseKind.PressLine, "An investigation is under way; no further comment.")).Accepted);
        var review = AfterActionReport.Build(s).Injects.Single(i => i.Inject == "press-inquiry");
        Assert.Equal(["AL/prosecutor (press-line): An investigation is under way; no further comment."], review.Answers);
        Assert.Contains("answered: AL/prosecutor (press-line)", AfterActionHtml.Render(AfterActionReport.Build(s)));
    }
}
