using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Grains.Contracts;
using Simulator.Planning.Overlays;
using Simulator.Planning.Replay;
using Simulator.Reports;
using Simulator.Reports.AfterAction;
using Simulator.Reports.Html;
using Simulator.Reports.Transparency;
using Simulator.Scenarios.Diagnostics;

namespace Simulator.Web.Live;

/// <summary>One event of the timeline the trainer steps through: its text, and whether it is someone's decision.</summary>
public sealed record TimelineEvent(long Sequence, DateTimeOffset At, string Type, string Summary, bool Decision);

/// <summary>What the trainer asks of a branch: from when a policy plays the trainees' seats, and/or under which overlay.</summary>
public sealed record BranchBody(DateTimeOffset? At, string? Policy, string? Overlay, bool? ToEnd);

/// <summary>A shipped what-if overlay a trainer can branch under.</summary>
public sealed record OverlaySummary(string Id, string Title, string? Scenario, IReadOnlyList<string> Changes);

/// <summary>
/// The debrief of a live exercise, computed on the pure core from the exercise's record: the timeline to step
/// through, and branches compared with what happened. Nothing here changes the exercise.
/// </summary>
public sealed partial class Debrief(IGrainFactory grains, ScenarioLibrary library)
{
    private async Task<ExerciseRecord> RecordAsync(string exerciseId, string trainerKey) =>
        ExerciseRecord.Parse(await grains.GetGrain<IExerciseGrain>(exerciseId).RecordJson(trainerKey), $"exercise {exerciseId}");

    /// <summary>What happened, rebuilt on the core; refused if it no longer matches the exercise's own journal.</summary>
    private async Task<ReplayResult> WhatHappenedAsync(string exerciseId, string trainerKey)
    {
        var replay = Replayer.Rebuild(await RecordAsync(exerciseId, trainerKey));
        if (!replay.Faithful)
            throw new DebriefException($"this exercise no longer replays to its own journal ({replay.Departure}), so the debrief would show another history; " +
                "download the record and run `simulator replay` on it to see where");
        return replay;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex OverlayId();

    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(string exerciseId, string trainerKey)
    {
        var replay = await WhatHappenedAsync(exerciseId, trainerKey);
        var s = replay.Simulation;
        // Someone's act: a decision, and what people wrote, referred and answered (not the engine's acknowledgements).
        bool ByPerson(JournalEvent e) => e is DecisionTaken or Referred or InjectAnswered || e is MessageSent m && (m.ByTrainer || s.IsHumanSeat(m.From));
        return s.Journal.Entries.Select(e => new TimelineEvent(e.Sequence, e.At, e.Type, EventSummary.Of(e.Event), ByPerson(e.Event))).ToList();
    }

    /// <summary>The messages, referrals and answers to injects of the exercise, as CSV or JSON; null for a format there is not.</summary>
    public async Task<(string Text, string ContentType)?> CommunicationsAsync(string exerciseId, string trainerKey, string format)
    {
        if (format is not ("csv" or "json")) return null;
        var s = (await WhatHappenedAsync(exerciseId, trainerKey)).Simulation;
        return format == "csv" ? (Simulator.Reports.Communications.CommunicationsLog.Csv(s), "text/csv") : (Simulator.Reports.Communications.CommunicationsLog.Json(s), "application/json");
    }

    /// <summary>
    /// A report of the exercise as it stands (ratings are provisional until it ends): `aar` or `transparency`, as
    /// self-contained HTML or JSON. Null for a report or format there is not.
    /// </summary>
    public async Task<(string Text, string ContentType)?> ReportAsync(string exerciseId, string trainerKey, string kind, string format)
    {
        if (kind is not ("aar" or "transparency") || format is not ("html" or "json")) return null;
        var simulation = (await WhatHappenedAsync(exerciseId, trainerKey)).Simulation;
        if (kind == "aar")
        {
            var aar = AfterActionReport.Build(simulation);
            return format == "html" ? (AfterActionHtml.Render(aar), "text/html") : (ReportJson.Serialize(aar), "application/json");
        }
        var transparency = TransparencyReport.Build(simulation);
        return format == "html" ? (TransparencyHtml.Render(transparency), "text/html") : (ReportJson.Serialize(transparency), "application/json");
    }

    /// <summary>The shipped overlays; with a scenario, only those that may apply to it (written for it, or for any).</summary>
    public IReadOnlyList<OverlaySummary> Overlays(string? scenario = null)
    {
        var folder = Path.Combine(library.Folder, "overlays");
        if (!Directory.Exists(folder)) return [];
        var list = new List<OverlaySummary>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                var o = OverlayLoader.Load(path);
                if (scenario is not null && o.File.Scenario is not null && o.File.Scenario != scenario) continue;
                list.Add(new OverlaySummary(Path.GetFileNameWithoutExtension(path), o.File.Title, o.File.Scenario, o.Kinds));
            }
            catch (FileProblemsException) { /* a broken overlay is not offered; `simulator compare --overlay` names its problems */ }
        }
        return list;
    }

    /// <summary>Plays the branch and compares it with what happened; a problem with the request is an ArgumentException.</summary>
    public async Task<object> BranchAsync(string exerciseId, string trainerKey, BranchBody body)
    {
        if (body.Policy is null && body.Overlay is null) throw new ArgumentException("a branch needs a policy to take over, an overlay, or both");
        if (body.Policy is not null && PolicyCatalogue.Unknown(body.Policy, noneAllowed: false) is { } unknown) throw new ArgumentException(unknown);
        var record = await RecordAsync(exerciseId, trainerKey);
        var catalogue = Replayer.Catalogue(record); // the law the exercise was made under; the overlay changes it
        AppliedOverlay? overlay = null;
        if (body.Overlay is not null)
        {
            // Only a shipped overlay, by its id: never a path.
            var path = Path.Combine(library.Folder, "overlays", body.Overlay + ".yaml");
            if (!OverlayId().IsMatch(body.Overlay) || !File.Exists(path)) throw new ArgumentException($"no overlay '{Simulator.Core.Common.Echo.Clip(body.Overlay)}'; GET /api/overlays lists them");
            overlay = OverlayApplier.Apply(OverlayLoader.Parse(File.ReadAllText(path), $"overlays/{body.Overlay}.yaml"), Replayer.Scenario(record, catalogue), catalogue);
        }
        var spec = new Branch(overlay, body.Policy is null ? null : Replayer.TakeOver(record, body.Policy), body.At, body.ToEnd ?? false);
        var happened = await WhatHappenedAsync(exerciseId, trainerKey);
        var branch = Replayer.Play(record, catalogue, spec);
        var comparison = OutcomeComparison.Between(happened.Simulation.Outcome(), branch.Simulation.Outcome());
        return new
        {
            description = spec.Describe(),
            changes = overlay?.Changes,
            // Objectives the overlay leaves impossible to meet, which the branch rates unable to perform.
            warnings = overlay?.Warnings?.Select(w => w.Message),
            branchPoint = branch.BranchPoint,
            faithfulBeforeBranchPoint = overlay is null ? branch.Faithful : (bool?)null,
            notReplayed = branch.Decisions.Where(d => !d.Accepted).Select(d => new { sequence = d.Decision.Sequence, at = d.Decision.At, decision = d.Decision.ToString(), message = d.Message }),
            happened = comparison.Happened,
            branch = comparison.Branch,
            items = comparison.Items,
        };
    }
}

/// <summary>A debrief that cannot be given honestly (the exercise no longer replays to its journal).</summary>
public sealed class DebriefException(string message) : Exception(message);
