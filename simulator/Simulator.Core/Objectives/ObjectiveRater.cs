using Simulator.Core.Catalogue;
using Simulator.Core.Journal;
using Simulator.Core.World;

namespace Simulator.Core.Objectives;

/// <summary>HSEEP's four ratings of a critical task.</summary>
public static class Ratings
{
    public const string WithoutChallenges = "performed-without-challenges";
    public const string SomeChallenges = "performed-with-some-challenges";
    public const string MajorChallenges = "performed-with-major-challenges";
    public const string Unable = "unable-to-be-performed";
}

public sealed record ObjectiveRating(string Objective, string Rating, string Evidence);

/// <summary>
/// Rates each objective from the journal alone, so that a recorded exercise, a replay and a headless run are
/// rated the same way. Met on time: without challenges; late but within twice the time: some challenges;
/// later: major challenges; never: unable to be performed. A preservation objective (requested, or in force, by a
/// time) whose item was lost all the same is rated with major challenges at best, and says when and why it was lost:
/// the task was done, but it did not keep the data (<paramref name="laterLossLowers"/>: rules 2026.12.4 on).
/// </summary>
public static class ObjectiveRater
{
    public static IReadOnlyList<ObjectiveRating> Rate(ScenarioWorld world, InstrumentCatalogue catalogue, IReadOnlyList<JournalEntry> journal, bool laterLossLowers = true) =>
        Rate(world, RatingFacts.Of(catalogue, journal), laterLossLowers);

    /// <summary>Rates the objectives from what <paramref name="facts"/> has folded in of a journal (a live view keeps one and folds as the journal grows).</summary>
    public static IReadOnlyList<ObjectiveRating> Rate(ScenarioWorld world, RatingFacts facts, bool laterLossLowers = true)
    {
        var results = new List<ObjectiveRating>();
        foreach (var objective in world.Objectives)
        {
            var m = objective.Measure;
            var deadline = m.By is { } by ? world.Start + by : (DateTimeOffset?)null;
            DateTimeOffset? when = null;
            string what;
            switch (m.Kind)
            {
                case MeasureKind.PreservationRequested:
                    var pr = facts.PreservationSent.TryGetValue(m.Evidence!, out var p) ? p : ((DateTimeOffset, string, string)?)null;
                    when = pr?.Item1;
                    what = pr is null ? $"no preservation request covered {m.Evidence}" : $"{pr.Value.Item2} ({pr.Value.Item3}) sent";
                    break;
                case MeasureKind.InstrumentUsed:
                    var used = facts.InstrumentSent.TryGetValue(m.Instrument!, out var u) ? u : ((DateTimeOffset, string)?)null;
                    when = used?.Item1;
                    what = used is null ? $"{m.Instrument} was not used" : $"{used.Value.Item2} sent";
                    break;
                case MeasureKind.EvidencePreserved:
                    var pe = facts.Preserved.TryGetValue(m.Evidence!, out var kept) ? kept : ((DateTimeOffset, string)?)null;
                    when = pe?.Item1;
                    what = pe is null ? $"{m.Evidence} was never preserved" : $"{m.Evidence} preserved ({pe.Value.Item2})";
                    break;
                case MeasureKind.EvidenceSecured:
                    var se = facts.Delivered.TryGetValue(m.Evidence!, out var d) ? d : ((DateTimeOffset, string)?)null;
                    when = se?.Item1;
                    what = se is null ? $"{m.Evidence} was not secured" : $"{m.Evidence} delivered through {se.Value.Item2}";
                    break;
                case MeasureKind.InjectAnswered:
                    var answer = facts.Answered.TryGetValue(m.Inject!, out var a) ? a : ((DateTimeOffset, InjectAnswered)?)null;
                    when = answer?.Item1;
                    what = answer is { Item2: var given } ? $"{given.By} answered {m.Inject} ({given.Response})" : $"nobody answered {m.Inject}";
                    break;
                case MeasureKind.NoEvidenceLost:
                    var scope = world.Evidence.Where(i => m.Incident is null || world.Lead(i.Lead).Incident == m.Incident).Select(i => i.Id).ToHashSet();
                    var lost = facts.Lost.Where(scope.Contains).ToList();
                    var rating = lost.Count == 0 ? Ratings.WithoutChallenges : lost.Count < scope.Count ? Ratings.MajorChallenges : Ratings.Unable;
                    results.Add(new ObjectiveRating(objective.Id, rating, lost.Count == 0 ? "no evidence lost" : $"lost: {string.Join(", ", lost)}"));
                    continue;
                case MeasureKind.NoOverBroadRequest:
                    var ofIncident = InIncident(world, m.Incident);
                    var broad = facts.OverBroad.Where(o => o.Evidence.Any(ofIncident.Contains)).ToList();
                    var left = broad.Where(o => !facts.Narrowed.Contains(o.Request)).ToList();
                    // Asking beyond the need is a fault of the request; a requested state that narrowed it limited the harm.
                    results.Add(new ObjectiveRating(objective.Id,
                        broad.Count == 0 ? Ratings.WithoutChallenges : left.Count == 0 ? Ratings.SomeChallenges : Ratings.MajorChallenges,
                        broad.Count == 0 ? "no request asked beyond what the facts support"
                        : $"over-broad: {string.Join("; ", broad.Select(o => $"{o.Request} ({string.Join("; ", o.Excess)}){(facts.Narrowed.Contains(o.Request) ? ", narrowed by the requested state" : "")}"))}"));
                    continue;
                case MeasureKind.NoEvidenceExcluded:
                    var items = InIncident(world, m.Incident);
                    var examined = facts.Verdicts.Values.Where(v => items.Contains(v.Evidence)).ToList();
                    var excluded = examined.Where(v => v.Verdict == "excluded").ToList();
                    var challenged = examined.Where(v => v.Verdict == "admissible-under-challenge").ToList();
                    // Nothing examined is nothing admitted: no item secured, or the trial (at the end) not held yet.
                    var verdict = examined.Count == 0 || excluded.Count == examined.Count ? Ratings.Unable
                        : excluded.Count > 0 ? Ratings.MajorChallenges : challenged.Count > 0 ? Ratings.SomeChallenges : Ratings.WithoutChallenges;
                    results.Add(new ObjectiveRating(objective.Id, verdict,
                        examined.Count == 0 ? "no item examined at trial (it is held at the end, on the items secured)"
                        : excluded.Count + challenged.Count == 0 ? $"all {examined.Count} secured items admissible at trial"
                        : string.Join("; ", excluded.Concat(challenged).Select(v => $"{v.Evidence} {v.Verdict}: {string.Join("; ", v.Findings)}"))));
                    continue;
                case MeasureKind.PurposeRespected:
                    var own = InIncident(world, m.Incident);
                    var uses = facts.Uses.Where(u => own.Contains(u.Evidence)).ToList();
                    var violations = facts.Violations.Where(v => own.Contains(v.Evidence)).ToList();
                    // Every use made without the consent it needed is a failure of the task; lawful uses beside it limit the harm.
                    results.Add(new ObjectiveRating(objective.Id,
                        violations.Count == 0 ? Ratings.WithoutChallenges : violations.Count < uses.Count ? Ratings.MajorChallenges : Ratings.Unable,
                        violations.Count == 0
                            ? uses.Count == 0 ? "no item used beyond its purpose" : $"{uses.Count} use(s) beyond the purpose, each with the consent it needed or needing none"
                            : $"used without consent: {string.Join("; ", violations.Select(v => $"{v.Evidence} {(v.Kind == "onward-transfer" ? "passed on to" : "in")} {v.For} ({v.Why}; {v.Source})"))}"));
                    continue;
                default:
                    what = "unknown measure";
                    break;
            }
            var rated = RateTime(world.Start, when, deadline);
            var evidence = when is null ? what : $"{what} at {JournalJson.Instant(when.Value)}";
            if (laterLossLowers && when is not null && m.Kind is MeasureKind.PreservationRequested or MeasureKind.EvidencePreserved
                && facts.Losses.TryGetValue(m.Evidence!, out var gone))
            {
                rated = rated is Ratings.WithoutChallenges or Ratings.SomeChallenges ? Ratings.MajorChallenges : rated;
                evidence += $"; but {m.Evidence} was lost at {JournalJson.Instant(gone.At)} ({gone.Loss.Reason}, {gone.Loss.Stage})";
            }
            results.Add(new ObjectiveRating(objective.Id, rated, evidence));
        }
        return results;
    }

    /// <summary>The evidence of an incident, or of every incident where the measure names none.</summary>
    private static HashSet<string> InIncident(ScenarioWorld world, string? incident) =>
        world.Evidence.Where(i => incident is null || world.Lead(i.Lead).Incident == incident).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

    private static string RateTime(DateTimeOffset start, DateTimeOffset? when, DateTimeOffset? deadline)
    {
        if (when is null) return Ratings.Unable;
        if (deadline is null || when <= deadline) return Ratings.WithoutChallenges;
        return when - start <= (deadline.Value - start) * 2 ? Ratings.SomeChallenges : Ratings.MajorChallenges;
    }
}
