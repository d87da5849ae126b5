using Simulator.Core.Engine;

namespace Simulator.Reports.AfterAction;

/// <summary>The counts a reader looks at first.</summary>
public sealed record AfterActionSummary(
    int Objectives,
    int ObjectivesMet,
    int ObjectivesPartiallyMet,
    int ObjectivesNotMet,
    int Strengths,
    int AreasForImprovement,
    int CorrectiveActions,
    OutcomeSummary Evidence);

/// <summary>
/// The after-action report and improvement plan of one exercise (HSEEP AAR/IP, as in exercise-practice.md): the
/// objectives with their ratings from the journal's measures, strengths and areas for improvement with the journal
/// events that show them, and a corrective action for each area, with the capability element, the office responsible
/// and a due interval. <see cref="Requests"/> and <see cref="EvidenceOverTime"/> are the data of its charts;
/// <see cref="Evaluation"/> sets the evaluator's ratings beside the automatic ones, with the observations and the hot wash.
/// Built from a <see cref="Simulation"/> alone (headless, live or replayed); nothing is written anywhere.
/// </summary>
public sealed record AfterActionReport(
    string Kind,
    ExerciseHeader Exercise,
    AfterActionSummary Summary,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<Finding> Strengths,
    IReadOnlyList<Finding> AreasForImprovement,
    IReadOnlyList<CorrectiveAction> ImprovementPlan,
    IReadOnlyList<InjectReview> Injects,
    IReadOnlyList<RequestSpan> Requests,
    EvidenceCurve EvidenceOverTime,
    EvaluatorReview Evaluation)
{
    public const string KindName = "after-action-report";

    public static AfterActionReport Build(Simulation simulation)
    {
        var ctx = new ReportContext(simulation);
        var objectives = ObjectiveResults.Build(ctx);
        var reviews = InjectReviews.Build(ctx);

        var strengths = StrengthFindings.Build(ctx, objectives, reviews)
            .OrderBy(f => f.Kind == FindingKinds.ObjectiveMet ? 0 : 1)
            .ThenBy(f => f.Events.Count == 0 ? long.MaxValue : f.Events.Min(e => e.Seq))
            .Select((f, i) => f with { Id = $"S{i + 1}" }).ToList();

        var drafts = AreaFindings.Build(ctx, objectives, reviews);
        var areas = new List<Finding>();
        var plan = new List<CorrectiveAction>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var (areaId, actionId) = ($"A{i + 1}", $"C{i + 1}");
            areas.Add(drafts[i].Finding with { Id = areaId, CorrectiveAction = actionId });
            plan.Add(CorrectiveActions.Build(ctx, drafts[i], actionId, areaId));
        }

        var summary = new AfterActionSummary(objectives.Count,
            objectives.Count(o => o.Result == ObjectiveResults.Met),
            objectives.Count(o => o.Result == ObjectiveResults.PartiallyMet),
            objectives.Count(o => o.Result == ObjectiveResults.NotMet),
            strengths.Count, areas.Count, plan.Count, ctx.Outcome.Summary);

        return new AfterActionReport(KindName, ExerciseHeader.Of(simulation), summary, objectives, strengths, areas, plan,
            reviews.Select(r => r.Public).ToList(), RequestSpan.From(ctx.Index),
            EvidenceCurve.From(ctx.Index.Entries, simulation.World.Start, simulation.World.Evidence.Count),
            EvaluatorReviews.Build(simulation, objectives));
    }
}
