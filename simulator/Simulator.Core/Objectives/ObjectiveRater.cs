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
    public static IReadOnlyList<ObjectiveRating> Rate(ScenarioWorld world, InstrumentCatalogue catalogue, IReadOnlyList<JournalEntry> journal, bool laterLossLowers = true)
    {
        var losses = new Dictionary<string, (DateTimeOffset At, EvidenceLost Loss)>();
        foreach (var e in journal)
            if (e.Event is EvidenceLost l) losses.TryAdd(l.Evidence, (e.At, l));
        var sent = new Dictionary<string, DateTimeOffset>();
        var drafted = new Dictionary<string, RequestDrafted>();
        foreach (var e in journal)
        {
            if (e.Event is RequestDrafted d) drafted[d.Request] = d;
            if (e.Event is RequestStateChanged { To: "sent" } s) sent.TryAdd(s.Request, e.At);
        }
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
                    var pr = sent.Where(s => drafted[s.Key].Evidence.Contains(m.Evidence!) && catalogue[drafted[s.Key].Instrument].Purpose == InstrumentPurpose.Preservation)
                        .OrderBy(s => s.Value).FirstOrDefault();
                    when = pr.Key is null ? null : pr.Value;
                    what = pr.Key is null ? $"no preservation request covered {m.Evidence}" : $"{pr.Key} ({drafted[pr.Key].Instrument}) sent";
                    break;
                case MeasureKind.InstrumentUsed:
                    var used = sent.Where(s => drafted[s.Key].Instrument == m.Instrument).OrderBy(s => s.Value).FirstOrDefault();
                    when = used.Key is null ? null : used.Value;
                    what = used.Key is null ? $"{m.Instrument} was not used" : $"{used.Key} sent";
                    break;
                case MeasureKind.EvidencePreserved:
                    var pe = journal.FirstOrDefault(e => e.Event is PreservationStateChanged { To: "active" } p && p.Evidence == m.Evidence);
                    when = pe?.At;
                    what = pe is null ? $"{m.Evidence} was never preserved" : $"{m.Evidence} preserved ({((PreservationStateChanged)pe.Event).Preservation})";
                    break;
                case MeasureKind.EvidenceSecured:
                    var se = journal.FirstOrDefault(e => e.Event is EvidenceDelivered d && d.Evidence == m.Evidence);
                    when = se?.At;
                    what = se is null ? $"{m.Evidence} was not secured" : $"{m.Evidence} delivered through {((EvidenceDelivered)se.Event).Request}";
                    break;
                case MeasureKind.InjectAnswered:
                    var answer = journal.FirstOrDefault(e => e.Event is InjectAnswered a && a.Inject == m.Inject);
                    when = answer?.At;
                    what = answer?.Event is InjectAnswered given ? $"{given.By} answered {m.Inject} ({given.Response})" : $"nobody answered {m.Inject}";
                    break;
                case MeasureKind.NoEvidenceLost:
                    var scope = world.Evidence.Where(i => m.Incident is null || world.Lead(i.Lead).Incident == m.Incident).Select(i => i.Id).ToHashSet();
                    var lost = journal.Where(e => e.Event is EvidenceLost l && scope.Contains(l.Evidence)).Select(e => ((EvidenceLost)e.Event).Evidence).ToList();
                    var rating = lost.Count == 0 ? Ratings.WithoutChallenges : lost.Count < scope.Count ? Ratings.MajorChallenges : Ratings.Unable;
                    results.Add(new ObjectiveRating(objective.Id, rating, lost.Count == 0 ? "no evidence lost" : $"lost: {string.Join(", ", lost)}"));
                    continue;
                default:
                    what = "unknown measure";
                    break;
            }
            var rated = RateTime(world.Start, when, deadline);
            var evidence = when is null ? what : $"{what} at {JournalJson.Instant(when.Value)}";
            if (laterLossLowers && when is not null && m.Kind is MeasureKind.PreservationRequested or MeasureKind.EvidencePreserved
                && losses.TryGetValue(m.Evidence!, out var gone))
            {
                rated = rated is Ratings.WithoutChallenges or Ratings.SomeChallenges ? Ratings.MajorChallenges : rated;
                evidence += $"; but {m.Evidence} was lost at {JournalJson.Instant(gone.At)} ({gone.Loss.Reason}, {gone.Loss.Stage})";
            }
            results.Add(new ObjectiveRating(objective.Id, rated, evidence));
        }
        return results;
    }

    private static string RateTime(DateTimeOffset start, DateTimeOffset? when, DateTimeOffset? deadline)
    {
        if (when is null) return Ratings.Unable;
        if (deadline is null || when <= deadline) return Ratings.WithoutChallenges;
        return when - start <= (deadline.Value - start) * 2 ? Ratings.SomeChallenges : Ratings.MajorChallenges;
    }
}
