using System.ComponentModel;
using Simulator.Core.Catalogue;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Replay;
using Simulator.Planning.Runs;
using Simulator.Reports;
using Simulator.Reports.AfterAction;
using Simulator.Reports.Comparison;
using Simulator.Reports.Html;
using Simulator.Reports.Transparency;
using Simulator.Scenarios;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>What every `simulator report` command takes: the run to report on, and where to write.</summary>
public class ReportSettings : CatalogueSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("A scenario file, or the id of a shipped scenario (e.g. hospital-ransomware), for a headless run")]
    public string? Scenario { get; init; }

    [CommandOption("--record <FILE>")]
    [Description("Report on a recorded exercise instead (an exercise record from the trainer console or `simulator run --record`)")]
    public string? Record { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the run (the first seed with --runs); default 1")]
    public long? SeedOption { get; init; }

    [CommandOption("--policy <NAME>")]
    [Description("mla-only, preserve-then-mla, direct-orders-first or emergency-aware; default preserve-then-mla")]
    public string? PolicyOption { get; init; }

    public long Seed => SeedOption ?? 1;
    public string Policy => PolicyOption ?? "preserve-then-mla";

    [CommandOption("--out <DIR>")]
    [Description("Folder to write the report's .html and .json into (created if missing; default: the working folder)")]
    [DefaultValue(".")]
    public string Out { get; init; } = ".";

    public override ValidationResult Validate() =>
        (Scenario is null) == (Record is null) ? ValidationResult.Error("name a scenario to run, or give --record FILE to report on a recorded exercise (not both)")
        : Record is not null && (SeedOption is not null || PolicyOption is not null) ? ValidationResult.Error("--seed and --policy choose a headless run; a recorded exercise has its own (leave them out with --record)")
        : PolicyCatalogue.Unknown(Policy) is { } unknown
            ? ValidationResult.Error(unknown)
            : File.Exists(Out) ? ValidationResult.Error($"--out {Out} is a file: name a folder")
            : ValidationResult.Success();

    /// <summary>The run to report on: a recorded exercise replayed as it happened, or a headless run of the scenario.</summary>
    public Simulation Simulation(InstrumentCatalogue catalogue)
    {
        if (Record is not null)
        {
            if (!File.Exists(Record)) throw new FileNotFoundException($"no exercise record {Record}");
            // A record plays by the catalogue it pinned unless --catalogue names another.
            var replay = Replayer.Rebuild(ExerciseRecord.Read(Record), Catalogue is null ? null : catalogue);
            if (!replay.Faithful) throw new FileProblemsException([new Diagnostic(Record, 1, 1,
                $"the record does not replay to its own journal ({replay.Departure}); `simulator replay {Record}` shows where")]);
            return replay.Simulation;
        }
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(Scenario!), catalogue);
        return HeadlessRunner.Run(scenario, catalogue, Seed, PolicyCatalogue.Get(Policy));
    }

    /// <summary>Writes <c>NAME.html</c> and <c>NAME.json</c> into --out and prints their paths, one per line.</summary>
    public void Write(string name, string html, string json) => WriteFiles(Out, name, html, json);

    public static void WriteFiles(string folder, string name, string html, string json)
    {
        Directory.CreateDirectory(folder);
        foreach (var (path, text) in new[] { (Path.Combine(folder, name + ".html"), html), (Path.Combine(folder, name + ".json"), json) })
        {
            File.WriteAllText(path, text);
            Console.Out.WriteLine(path);
        }
    }
}

/// <summary>`simulator report aar SCENARIO`: the after-action report and improvement plan of one headless run.</summary>
public sealed class ReportAarCommand : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var report = AfterActionReport.Build(settings.Simulation(settings.LoadCatalogue()));
        settings.Write("aar", AfterActionHtml.Render(report), ReportJson.Serialize(report));
        return 0;
    }
}

/// <summary>
/// `simulator report transparency SCENARIO [--runs N]`: requests by instrument and outcome, refusal grounds,
/// durations, emergency use; of one run, or of N runs (seeds S..S+N-1) on every core, aggregated as they finish.
/// </summary>
public sealed class ReportTransparencyCommand : Command<ReportTransparencyCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--runs <N>")]
        [Description("Runs, each with its own seed; more than 1 gives the report across runs")]
        [DefaultValue(1)]
        public int Runs { get; init; } = 1;

        public override ValidationResult Validate() =>
            Runs < 1 ? ValidationResult.Error("--runs must be at least 1")
            : Runs > 1 && Record is not null ? ValidationResult.Error("a recorded exercise happened once: --runs goes with a scenario, not --record")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        if (settings.Runs == 1)
        {
            var single = TransparencyReport.Build(settings.Simulation(catalogue));
            settings.Write("transparency", TransparencyHtml.Render(single), ReportJson.Serialize(single));
            return 0;
        }
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario!), catalogue);
        var policy = PolicyCatalogue.Get(settings.Policy);
        TransparencyTally? tally = null;
        if (Console.IsOutputRedirected)
            tally = TransparencyRuns.Run(scenario, catalogue, policy, settings.Runs, settings.Seed, cancellationToken: cancellationToken);
        else
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"{settings.Runs} runs under {policy.Name}", maxValue: settings.Runs);
                    tally = TransparencyRuns.Run(scenario, catalogue, policy, settings.Runs, settings.Seed, onRunDone: () => task.Increment(1), cancellationToken: cancellationToken);
                });
        var report = TransparencyRunsReport.Build(tally!);
        settings.Write("transparency", TransparencyHtml.Render(report), ReportJson.Serialize(report));
        return 0;
    }
}

/// <summary>
/// `simulator report compare SCENARIO [--policies a,b] [--runs N] [--overlay FILE]...`: the comparison `simulator
/// compare` prints, as a report with charts: secured share per policy with its interval, the distributions of
/// time to preservation and to evidence, each overlay's change against the baseline, each item's fate, the gaps.
/// </summary>
public sealed class ReportCompareCommand : Command<ReportCompareCommand.Settings>
{
    public sealed class Settings : ComparisonSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder to write compare.html and compare.json into (default: the working folder)")]
        [DefaultValue(".")]
        public string Out { get; init; } = ".";

        public override ValidationResult Validate() =>
            File.Exists(Out) ? ValidationResult.Error($"--out {Out} is a file: name a folder") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), catalogue);
        var policies = ComparisonRun.Policies(settings.Policies);
        var overlays = ComparisonRun.Overlays(settings.Overlays, scenario, catalogue);
        var results = ComparisonRun.Run(scenario, overlays, catalogue, policies, settings.Runs, settings.Seed, quiet: false, cancellationToken);
        var report = ComparisonReport.Build(scenario.File.Scenario, scenario.File.Title, settings.Runs, settings.Seed, catalogue, overlays, results);
        ReportSettings.WriteFiles(settings.Out, "compare", ComparisonHtml.Render(report), ReportJson.Serialize(report));
        return 0;
    }
}
