using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Replay;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// `simulator replay RECORD`: plays a recorded live exercise again on the core and checks that it reproduces the
/// recorded journal byte for byte; steps through it (`--timeline`, `--step`); branches it (`--overlay`, `--policy`
/// from `--at`) and compares the branch with what happened.
/// </summary>
public sealed class ReplayCommand : Command<ReplayCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<RECORD>")]
        [Description("An exercise record (JSON), downloaded from the trainer's console or GET /api/exercises/{id}/record")]
        public string Record { get; init; } = "";

        [CommandOption("--timeline")]
        [Description("Print every event of the exercise, in order")]
        public bool Timeline { get; init; }

        [CommandOption("--step")]
        [Description("Step through the events: Enter for the next, d for the next decision, q to stop")]
        public bool Step { get; init; }

        [CommandOption("--overlay <FILE>")]
        [Description("Branch: replay the trainees' decisions in a world changed by this what-if overlay")]
        public string? Overlay { get; init; }

        [CommandOption("--policy <NAME>")]
        [Description("Branch: this policy plays the trainees' seats from --at on")]
        public string? Policy { get; init; }

        [CommandOption("--at <TIME>")]
        [Description("Where the policy takes over: a time after the scenario's start (36h, 3d) or an instant (2026-09-08T12:00:00Z); default the start")]
        public string? At { get; init; }

        [CommandOption("--to-end")]
        [Description("Play the branch to the scenario's horizon, not only as far as the recording went")]
        public bool ToEnd { get; init; }

        [CommandOption("--json")]
        [Description("Print the replay (and the branch's comparison) as JSON")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Policy is not null && PolicyCatalogue.Unknown(Policy, noneAllowed: false) is { } unknown) return ValidationResult.Error(unknown);
            if (At is not null && Policy is null) return ValidationResult.Error("--at says when a policy takes over: give --policy too");
            if (Step && Json) return ValidationResult.Error("--step is for people; --json is for tools: choose one");
            if (ToEnd && Policy is null && Overlay is null) return ValidationResult.Error("--to-end plays a branch on: give --policy or --overlay too");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Record)) throw new FileNotFoundException($"no exercise record {settings.Record}");
        // Tables wrap badly at the 80 columns assumed for redirected output; a file or pager can take more.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 180;
        var record = ExerciseRecord.Read(settings.Record);
        // The record plays by the catalogue it pinned (older records: the shipped one) unless --catalogue names another.
        var catalogue = settings.Catalogue is null ? Replayer.Catalogue(record) : settings.LoadCatalogue();
        var happened = Replayer.Rebuild(record, catalogue);
        var branching = settings.Overlay is not null || settings.Policy is not null;
        ReplayResult? branch = null;
        Branch? spec = null;
        if (branching)
        {
            var scenario = Replayer.Scenario(record, catalogue);
            var overlay = settings.Overlay is null ? null : OverlayArguments.Apply(settings.Overlay, scenario, catalogue);
            var at = settings.At is null ? (DateTimeOffset?)null : ParseAt(settings.At, happened.Simulation.World.Start);
            spec = new Branch(overlay, settings.Policy is null ? null : Replayer.TakeOver(record, settings.Policy), at, settings.ToEnd);
            branch = Replayer.Play(record, catalogue, spec);
        }

        if (settings.Json)
        {
            var comparison = branch is null ? null : OutcomeComparison.Between(happened.Simulation.Outcome(), branch.Simulation.Outcome());
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                exercise = record.Exercise,
                scenario = record.Scenario,
                seed = record.Seed,
                policy = record.Policy,
                seats = record.Seats,
                recordedAt = record.RecordedAt,
                events = record.Journal.Count,
                faithful = happened.Faithful,
                firstDifference = happened.FirstDifference is { } d ? d + 1 : (int?)null,
                departure = happened.Departure,
                rulesVersion = record.RulesVersion,
                decisions = happened.Decisions.Select(Decision),
                outcome = happened.Simulation.Outcome().Summary,
                branch = branch is null ? null : new
                {
                    description = spec!.Describe(),
                    branchPoint = branch.BranchPoint,
                    faithfulBeforeBranchPoint = spec.Overlay is null ? branch.Faithful : (bool?)null,
                    decisions = branch.Decisions.Select(Decision),
                    outcome = comparison!.Branch,
                    items = comparison.Items,
                },
            }, JournalJson.Indented));
            return happened.Faithful ? 0 : 1;
        }

        AnsiConsole.MarkupLine($"[bold]{Terminal.Markup(record.Exercise)}[/]: {Terminal.Markup(record.Scenario)}, seed {record.Seed}, policy {Terminal.Markup(record.Policy)}, " +
            $"seats {Terminal.Markup(string.Join(", ", record.Seats))}; recorded at {JournalJson.Instant(record.RecordedAt)}, {record.Decisions.Count} decisions, {record.Journal.Count} events");
        if (happened.Faithful)
            AnsiConsole.MarkupLine($"[green]replay reproduces the recorded journal exactly[/]: {record.Journal.Count} events, head {happened.Simulation.Journal.LastHash[..16]}...");
        else
        {
            var i = happened.FirstDifference!.Value;
            AnsiConsole.MarkupLine($"[red]{Terminal.Markup(happened.Departure!)}[/]");
            AnsiConsole.MarkupLine($"  recorded: {Terminal.Markup(i < record.Journal.Count ? record.Journal[i] : "(nothing)")}");
            AnsiConsole.MarkupLine($"  replayed: {Terminal.Markup(i < happened.Journal.Count ? happened.Journal[i] : "(nothing)")}");
        }
        var decisions = new Table().Title("the trainees' and trainer's decisions").AddColumns("#", "at", "decision", "result");
        foreach (var d in happened.Decisions)
            decisions.AddRow(d.Decision.Sequence.ToString(CultureInfo.InvariantCulture), JournalJson.Instant(d.Decision.At), Terminal.Markup(d.Decision.ToString()),
                d.Accepted ? Terminal.Markup(d.Message) : $"[red]no longer applies: {Terminal.Markup(d.Message)}[/]");
        AnsiConsole.Write(decisions);

        if (settings.Timeline) foreach (var e in happened.Simulation.Journal.Entries) WriteEvent(e);
        if (settings.Step) StepThrough(happened.Simulation.Journal.Entries);
        if (branch is not null) WriteBranch(spec!, happened, branch);
        return happened.Faithful ? 0 : 1;
    }

    private static object Decision(ReplayedDecision d) => new { sequence = d.Decision.Sequence, at = d.Decision.At, decision = d.Decision.ToString(), accepted = d.Accepted, message = d.Message };

    private static void WriteEvent(JournalEntry e) =>
        AnsiConsole.MarkupLine($"{e.Sequence,5}  {JournalJson.Instant(e.At)}  {(e.Event is DecisionTaken ? "[bold]" : "")}{Terminal.Markup(EventSummary.Of(e.Event))}{(e.Event is DecisionTaken ? "[/]" : "")}");

    /// <summary>One event at a time: Enter shows the next, d runs to the next decision, q stops.</summary>
    private static void StepThrough(IReadOnlyList<JournalEntry> entries)
    {
        AnsiConsole.MarkupLine("[grey]Enter: next event; d: next decision; q: stop[/]");
        for (var i = 0; i < entries.Count; i++)
        {
            WriteEvent(entries[i]);
            var key = Console.ReadLine();
            if (key is null || key.Trim() == "q") return;
            if (key.Trim() == "d")
                while (i + 1 < entries.Count && entries[i + 1].Event is not DecisionTaken) WriteEvent(entries[++i]);
        }
    }

    private static void WriteBranch(Branch spec, ReplayResult happened, ReplayResult branch)
    {
        AnsiConsole.MarkupLine($"[bold]branch[/]: {Terminal.Markup(spec.Describe())}");
        if (spec.Overlay is not null)
            foreach (var c in spec.Overlay.Changes) AnsiConsole.MarkupLine($"  - {Terminal.Markup(c.ToString())}");
        else if (branch.BranchPoint is { } point)
            AnsiConsole.MarkupLine(branch.Faithful
                ? $"the branch repeats the recorded journal exactly up to the hand-over (its first {point} events)"
                : $"[red]the branch departs from the recorded journal at event {branch.FirstDifference + 1}, before the hand-over at event {point + 1}[/]");
        foreach (var d in branch.Decisions.Where(d => !d.Accepted))
            AnsiConsole.MarkupLine($"[yellow]decision {d.Decision.Sequence} ({Terminal.Markup(d.Decision.ToString())}) no longer applies:[/] {Terminal.Markup(d.Message)}");
        var comparison = OutcomeComparison.Between(happened.Simulation.Outcome(), branch.Simulation.Outcome());
        var summary = new Table().AddColumns("", "what happened", "branch");
        summary.AddRow("secured", $"{comparison.Happened.Secured} of {comparison.Happened.Evidence}", $"{comparison.Branch.Secured} of {comparison.Branch.Evidence}");
        summary.AddRow("preserved", $"{comparison.Happened.Preserved}", $"{comparison.Branch.Preserved}");
        summary.AddRow("lost", $"{comparison.Happened.Lost}", $"{comparison.Branch.Lost}");
        summary.AddRow("refused", $"{comparison.Happened.Refused}", $"{comparison.Branch.Refused}");
        summary.AddRow("requests", $"{comparison.Happened.Requests}", $"{comparison.Branch.Requests}");
        summary.AddRow("median time to evidence", Span(comparison.Happened.MedianTimeToEvidence), Span(comparison.Branch.MedianTimeToEvidence));
        AnsiConsole.Write(summary);
        var items = new Table().Title("evidence whose fate changed").AddColumns("evidence", "holder", "what happened", "branch");
        foreach (var i in comparison.Items.Where(i => i.Changed))
            items.AddRow(Terminal.Markup(i.Evidence), Terminal.Markup(i.Holder), Terminal.Markup($"{i.Happened}: {i.HappenedReason}"), Terminal.Markup($"{i.Branch}: {i.BranchReason}"));
        if (comparison.Items.Any(i => i.Changed)) AnsiConsole.Write(items);
        else AnsiConsole.MarkupLine("no evidence item's fate changed");
    }

    private static string Span(TimeSpan? t) => t is null ? "-" : DurationText.Human(t.Value);

    /// <summary>A time after the scenario's start (36h, 3d) or an ISO 8601 instant.</summary>
    internal static DateTimeOffset ParseAt(string text, DateTimeOffset start)
    {
        if (DurationText.TryParse(text, out var after)) return start + after;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant.ToUniversalTime();
        throw new ArgumentException($"--at {text}: write a time after the scenario's start (36h, 3d) or an instant (2026-09-08T12:00:00Z)");
    }
}
