using System.Text;
using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Planning.Replay;

/// <summary>How to branch a recorded exercise: under an overlay, with a policy taking the trainees' seats from a moment, or both.</summary>
public sealed record Branch(AppliedOverlay? Overlay = null, IInvestigationPolicy? TakeOver = null, DateTimeOffset? At = null, bool ToEnd = false)
{
    public string Describe() => string.Join("; ", new[]
    {
        Overlay is null ? null : $"overlay {Overlay.Id}",
        TakeOver is null ? null : $"{TakeOver.Name} plays the trainees' seats from {(At is null ? "the start" : Core.Journal.JournalJson.Instant(At.Value))}",
        ToEnd ? "played to the scenario's horizon (what happened stops where the recording did, so the branch has had longer)" : null,
    }.Where(x => x is not null)) is { Length: > 0 } text ? text : "as recorded";
}

/// <summary>A decision replayed: did it still apply, and what the engine said.</summary>
public sealed record ReplayedDecision(RecordedDecision Decision, bool Accepted, string Message);

/// <summary>
/// The result of a replay: the simulation as it stands afterwards, each recorded decision with what became of it,
/// how the new journal compares with the recorded one (the index of the first line that differs, or null), and the
/// rules it was replayed under beside those it was recorded under.
/// </summary>
public sealed record ReplayResult(Simulation Simulation, IReadOnlyList<ReplayedDecision> Decisions, IReadOnlyList<string> Journal, int? FirstDifference, int? BranchPoint,
    string? RecordedRules = null)
{
    /// <summary>The replay wrote exactly the recorded journal (a plain replay), or the recorded journal up to the branch point (a branch).</summary>
    public bool Faithful => FirstDifference is null || (BranchPoint is { } b && FirstDifference >= b);

    /// <summary>Why the replay departs from the record, when it does: the event, and the rules each was made under.</summary>
    public string? Departure => Faithful || FirstDifference is not { } at ? null
        : $"the replay departs from the recorded journal at event {at + 1}: " + (RecordedRules == RulesVersion.Current
            ? $"both were made under rules version {RulesVersion.Current}, so the record itself was changed (or the engine changed without raising its rules version)"
            : $"the record was made under rules version {RecordedRules ?? "before 2026.12.1 (not recorded)"}, and this is rules version {RulesVersion.Current}");
}

/// <summary>
/// Plays a recorded exercise again on the pure core, exactly as the live grain rebuilds it: the same scenario, seed,
/// policy and trainees' seats, each decision applied at its simulated time. A plain replay must reproduce the
/// recorded journal byte for byte; a branch changes the world (an overlay) or who decides (a policy takes over at a
/// moment) and is then compared with what happened.
/// </summary>
public static class Replayer
{
    /// <summary>
    /// The catalogue the record was made with (pinned in it), or for a record made before catalogues were pinned,
    /// the shipped one. A planner who wants another law passes their catalogue instead: that is a what-if.
    /// </summary>
    public static InstrumentCatalogue Catalogue(ExerciseRecord record) =>
        CatalogueLoader.Pinning(record.CatalogueText ?? CatalogueLoader.TextBeforePinning);

    public static LoadedScenario Scenario(ExerciseRecord record, InstrumentCatalogue? catalogue = null) =>
        ScenarioLoader.Parse(record.ScenarioText, record.Scenario + ".yaml", catalogue ?? Catalogue(record));

    /// <summary>
    /// The policy that takes over in a branch, as it played under the record's rules: the engine replays by them, so a
    /// policy of later rules would mix two sets of rules in one run.
    /// </summary>
    public static IInvestigationPolicy TakeOver(ExerciseRecord record, string policy) => PolicyCatalogue.Get(policy, record.RulesVersion);

    /// <summary>What happened: the recorded decisions replayed to where the recorded clock stood.</summary>
    public static ReplayResult Rebuild(ExerciseRecord record, InstrumentCatalogue? catalogue = null) => Play(record, catalogue, new Branch());

    /// <summary>Plays the record as it was, or as a branch; by the record's own catalogue unless <paramref name="catalogue"/> names another.</summary>
    public static ReplayResult Play(ExerciseRecord record, InstrumentCatalogue? catalogue, Branch branch)
    {
        catalogue ??= Catalogue(record);
        var scenario = branch.Overlay?.Scenario ?? Scenario(record, catalogue);
        var built = WorldBuilder.Build(scenario, catalogue, record.Seed);
        var simulation = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(record.RulesVersion ?? RulesVersion.BeforePinning, record.Seed, PolicyCatalogue.Get(record.Policy, record.RulesVersion), record.Seats.ToHashSet()));
        simulation.Start();
        var identity = new RequestIdentity(record.Journal);
        var takeOverAt = branch.TakeOver is null ? (DateTimeOffset?)null : branch.At ?? simulation.World.Start;
        if (takeOverAt is { } late && late > record.RecordedAt && !branch.ToEnd)
            throw new ArgumentException($"the branch point {Core.Journal.JournalJson.Instant(late)} is after the recording ends ({Core.Journal.JournalJson.Instant(record.RecordedAt)}); add --to-end to play past it");
        int? branchPoint = null;
        void HandOverIfDue(DateTimeOffset next)
        {
            if (takeOverAt is not { } at || branchPoint is not null || next < at) return;
            simulation.RunUntil(at);
            branchPoint = simulation.Journal.Entries.Count;
            if (!simulation.Ended) simulation.HandOver(branch.TakeOver!);
        }
        var branching = branch.Overlay is not null || branch.TakeOver is not null;
        var played = DecisionReplay.Play(simulation, record.Decisions, !branching ? null : new ReplaySteps(
            Before: d => HandOverIfDue(d.At),
            // After the hand-over the policy plays the trainees' seats; the trainer's injects still run as scripted.
            Skip: d => branchPoint is not null && d.Decision is not TrainerDecision,
            Translate: identity.Translate));
        var replayed = played.Decisions.Select(p => new ReplayedDecision(p.Recorded, p.Result.Accepted, p.Result.Message)).ToList();
        HandOverIfDue(DateTimeOffset.MaxValue);
        if (branch.ToEnd) simulation.RunToEnd();
        else
        {
            if (record.RecordedAt > simulation.Now) simulation.RunUntil(record.RecordedAt);
            // As the live grain: a clock that reached the horizon finished the exercise. A recording that ended
            // earlier (a headless run with nothing left to happen) ends the replay at the same moment, for the same reason.
            if (simulation.Now >= simulation.World.End && !simulation.Ended) simulation.Finish("scenario horizon reached");
            if (!simulation.Ended && EndReason(record) is { } reason) simulation.Finish(reason);
        }
        var journal = simulation.Journal.Entries.Select(e => Encoding.UTF8.GetString(e.Line)).ToList();
        return new ReplayResult(simulation, replayed, journal, FirstDifference(record.Journal, journal), branchPoint, record.RulesVersion);
    }

    /// <summary>Why the recorded exercise ended, when its journal's last event says it did.</summary>
    private static string? EndReason(ExerciseRecord record)
    {
        using var last = System.Text.Json.JsonDocument.Parse(record.Journal[^1]);
        return last.RootElement.TryGetProperty("type", out var type) && type.GetString() == nameof(Core.Journal.ExerciseEnded)
            ? last.RootElement.GetProperty("data").GetProperty("reason").GetString() : null;
    }

    /// <summary>The index of the first journal line that differs (or that one journal lacks), or null when they are the same.</summary>
    public static int? FirstDifference(IReadOnlyList<string> recorded, IReadOnlyList<string> replayed)
    {
        var n = Math.Min(recorded.Count, replayed.Count);
        for (var i = 0; i < n; i++)
            if (!string.Equals(recorded[i].TrimEnd('\n', '\r'), replayed[i], StringComparison.Ordinal)) return i;
        return recorded.Count == replayed.Count ? null : n;
    }
}
