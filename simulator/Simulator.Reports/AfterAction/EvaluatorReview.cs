using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Evaluation;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// A critical task (or an objective) as the report sets it out: its guide's capability, the journal's automatic rating
/// where an objective measures it, the evaluator's rating and notes, and, where the two differ, a sentence saying so.
/// Ratings are HSEEP's names; the letters are P, S, M, U.
/// </summary>
public sealed record EvaluatedTask(
    string Capability,
    string Task,
    string Description,
    string? Objective,
    IReadOnlyList<string> LookFor,
    string? AutomaticRating,
    string? AutomaticCode,
    string? EvaluatorRating,
    string? EvaluatorCode,
    string? EvaluatorNotes,
    string? Disagreement);

/// <summary>The evaluator's part of the AAR/IP: the guides' targets, every task with both ratings, observations and the hot wash.</summary>
public sealed record EvaluatorReview(
    IReadOnlyList<GuideTarget> Targets,
    IReadOnlyList<EvaluatedTask> Tasks,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<HotWashEntry> HotWash,
    int Disagreements);

public sealed record GuideTarget(string Capability, string Target);

public static class EvaluatorReviews
{
    public static EvaluatorReview Build(Simulation s, IReadOnlyList<ObjectiveResult> objectives)
    {
        var rated = s.CurrentTaskRatings();
        var automatic = objectives.ToDictionary(o => o.Objective);
        var tasks = new List<EvaluatedTask>();
        EvaluatedTask Make(string capability, string id, string description, string? objective, IReadOnlyList<string> lookFor)
        {
            var auto = objective is not null && automatic.TryGetValue(objective, out var o) ? o : null;
            var mine = rated.GetValueOrDefault(id) ?? (objective is not null && objective != id ? rated.GetValueOrDefault(objective) : null);
            var evaluator = mine is null ? null : Names.Kebab(mine.Rating);
            string? disagreement = auto is not null && mine is not null && auto.Rating != evaluator
                ? $"The evaluator rated {HseepRatings.Letter(mine.Rating)} where the journal's measure gave {auto.Code}{(mine.Notes is null ? "" : $": {mine.Notes}")}"
                : null;
            return new EvaluatedTask(capability, id, description, objective, lookFor, auto?.Rating, auto?.Code, evaluator,
                mine is null ? null : HseepRatings.Letter(mine.Rating), mine?.Notes, disagreement);
        }
        foreach (var guide in s.World.EvaluationGuides)
            foreach (var t in guide.Tasks) tasks.Add(Make(guide.Capability, t.Id, t.Task, t.Objective, t.LookFor));
        // Objectives no guide lists are rated in the report too, where the evaluator rated them.
        var inGuides = s.World.EvaluationGuides.SelectMany(g => g.Tasks).SelectMany(t => new[] { t.Id, t.Objective }).ToHashSet();
        foreach (var o in s.World.Objectives.Where(o => !inGuides.Contains(o.Id) && rated.ContainsKey(o.Id)))
            tasks.Add(Make(o.Capability, o.Id, o.Task, o.Id, []));
        return new EvaluatorReview([.. s.World.EvaluationGuides.Select(g => new GuideTarget(g.Capability, g.Target))], tasks,
            s.Observations, s.HotWashEntries, tasks.Count(t => t.Disagreement is not null));
    }
}
