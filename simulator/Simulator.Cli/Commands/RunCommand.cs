using System.ComponentModel;
using System.Text.Json;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Replay;
using Simulator.Scenarios;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>`simulator run SCENARIO --seed N --policy NAME [--json] [--journal FILE]`: one headless run and its outcome.</summary>
public sealed class RunCommand : Command<RunCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or the id of a shipped scenario (e.g. hospital-ransomware)")]
        public string Scenario { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Description("Seed for synthetic data and every random draw; the same seed gives the same journal")]
        [DefaultValue(1L)]
        public long Seed { get; init; } = 1;

        [CommandOption("--policy <NAME>")]
        [Description("mla-only, preserve-then-mla, direct-orders-first or emergency-aware")]
        [DefaultValue("preserve-then-mla")]
        public string Policy { get; init; } = "preserve-then-mla";

        [CommandOption("--json")]
        [Description("Print the outcome as JSON (documented in docs/cli.md)")]
        public bool Json { get; init; }

        [CommandOption("--overlay <FILE>")]
        [Description("Play the scenario with a what-if overlay applied (a file, or the id of one in scenarios/overlays); may repeat")]
        public string[] Overlays { get; init; } = [];

        [CommandOption("--record <FILE>")]
        [Description("Write the run as an exercise record, for `simulator replay` (to step through it or branch it)")]
        public string? Record { get; init; }

        [CommandOption("--journal <FILE>")]
        [Description("Write the hash-chained journal (JSON lines) to FILE")]
        public string? Journal { get; init; }

        public override ValidationResult Validate() =>
            PolicyCatalogue.Unknown(Policy) is { } unknown
                ? ValidationResult.Error(unknown)
            : Record is not null && Overlays.Length > 0
                ? ValidationResult.Error("--record keeps the scenario file as written, so it cannot take --overlay: record the plain run, then replay it with --overlay")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), catalogue);
        // Overlays apply in order, each on the result of the one before.
        foreach (var overlay in settings.Overlays)
            scenario = OverlayArguments.Apply(overlay, scenario, catalogue).Scenario;
        var simulation = HeadlessRunner.Run(scenario, catalogue, settings.Seed, PolicyCatalogue.Get(settings.Policy));
        if (settings.Journal is not null)
        {
            if (Directory.Exists(settings.Journal)) throw new IOException($"--journal {settings.Journal} is a folder: name a file");
            using var file = File.Create(settings.Journal);
            simulation.Journal.WriteTo(file);
        }
        if (settings.Record is not null)
        {
            if (Directory.Exists(settings.Record)) throw new IOException($"--record {settings.Record} is a folder: name a file");
            // A headless run has no trainees: its record holds no decisions, and replays to the same journal.
            File.WriteAllText(settings.Record, ExerciseRecord.Of($"run-{scenario.File.Scenario}-{settings.Seed}", scenario.File.Scenario,
                File.ReadAllText(scenario.Path), settings.CatalogueText(), simulation, []).ToJson());
        }
        var outcome = simulation.Outcome();
        // Tables wrap badly at the 80 columns assumed for redirected output; a file or pager can take more.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 180;
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(outcome, JournalJson.Indented));
            return 0;
        }
        Print(outcome, settings.Journal);
        return 0;
    }

    private static void Print(SimulationOutcome o, string? journal)
    {
        var s = o.Summary;
        AnsiConsole.MarkupLine($"[bold]{Terminal.Markup(o.Scenario)}[/] under [bold]{Terminal.Markup(o.Policy)}[/], seed {o.Seed}: {JournalJson.Instant(o.Start)} to {JournalJson.Instant(o.End)}");
        AnsiConsole.MarkupLine($"evidence: [green]{s.Secured} secured[/], [blue]{s.Preserved} preserved[/], [red]{s.Lost} lost[/], [yellow]{s.Refused} refused[/], {s.NotFound} not found, {s.Pending} pending, of {s.Evidence}; {s.Requests} requests");
        AnsiConsole.MarkupLine($"median time to preservation {Human(s.MedianTimeToPreservation)}, to evidence {Human(s.MedianTimeToEvidence)} (from discovery of the incident)");

        var items = new Table().Border(TableBorder.Rounded).Title("Evidence");
        items.AddColumns("evidence", "holder", "data", "status", "to preservation", "to evidence", "why");
        foreach (var e in o.Evidence)
        {
            var colour = e.Status switch { "secured" => "green", "lost" => "red", "refused" => "yellow", "preserved" => "blue", _ => "grey" };
            var why = e.Status == "lost" ? $"{e.Reason}; stage: {e.Stage}" : e.Ground is null ? e.Reason : $"{e.Reason}: {e.Ground}";
            items.AddRow(Terminal.Markup(e.Evidence), Terminal.Markup($"{e.Holder} ({e.StoredIn})"), Names.Kebab(e.Category), $"[{colour}]{e.Status}[/]",
                Human(e.TimeToPreservation), Human(e.TimeToEvidence), Terminal.Markup(why));
        }
        AnsiConsole.Write(items);

        var requests = new Table().Border(TableBorder.Rounded).Title("Requests");
        requests.AddColumns("request", "instrument", "from", "to", "state", "took", "deadline", "notes");
        foreach (var r in o.Requests)
        {
            var notes = string.Join("; ", new[]
            {
                r.Ground is null ? null : $"refused: {r.Ground} ({r.GroundSource})",
                r.Clarifications > 0 ? $"{r.Clarifications} clarification(s)" : null,
                r.Escalations > 0 ? "escalated" : null,
                r.Emergency ? "emergency" : null,
                r.Urgent ? "urgent" : null,
            }.OfType<string>());
            requests.AddRow(r.Request, Terminal.Markup(r.Instrument), Terminal.Markup(r.Issuer), Terminal.Markup($"{r.RequestedState} / {r.Provider}"), r.State,
                Human(r.Duration), r.DeadlineOutcome ?? "", Terminal.Markup(notes));
        }
        AnsiConsole.Write(requests);

        var stages = new Table().Border(TableBorder.Rounded).Title("Where the time went (top 12)");
        stages.AddColumns("stage", "with", "total", "requests");
        foreach (var w in o.TimeByStage.Take(12)) stages.AddRow(w.Stage, Terminal.Markup(w.Authority), Human(w.Total), w.Requests.ToString());
        AnsiConsole.Write(stages);

        if (o.Objectives.Count > 0)
        {
            var objectives = new Table().Border(TableBorder.Rounded).Title("Objectives");
            objectives.AddColumns("objective", "task", "rating", "evidence");
            foreach (var x in o.Objectives) objectives.AddRow(Terminal.Markup(x.Objective), Terminal.Markup(x.Task), x.Rating, Terminal.Markup(x.Evidence));
            AnsiConsole.Write(objectives);
        }
        foreach (var r in o.PolicyRejections) AnsiConsole.MarkupLine($"[yellow]policy decision refused: {Terminal.Markup(r)}[/]");
        AnsiConsole.MarkupLine($"journal: {o.JournalEvents} events, head {o.JournalHead[..16]}…{(journal is null ? "" : $" written to {Terminal.Markup(journal)}")}");
    }

    private static string Human(TimeSpan? d) => d is null ? "-" : DurationText.Human(d.Value);
}
