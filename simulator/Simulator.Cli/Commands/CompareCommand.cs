using System.ComponentModel;
using System.Text.Json;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Scenarios.Planning;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// `simulator compare SCENARIO --policies a,b --runs N`: each policy run N times (seeds S..S+N-1) on all cores, and
/// the distributions side by side: evidence secured, time to preservation and to evidence, where evidence is lost,
/// and the procedural gaps ranked by cost.
/// </summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CatalogueSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("A scenario file, or the id of a shipped scenario")]
        public string Scenario { get; init; } = "";

        [CommandOption("--policies <LIST>")]
        [Description("Comma-separated policies (default: all four)")]
        public string? Policies { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Runs per policy, each with its own seed")]
        [DefaultValue(100)]
        public int Runs { get; init; } = 100;

        [CommandOption("--seed <S>")]
        [Description("The first seed; runs use S, S+1, ...")]
        [DefaultValue(1L)]
        public long Seed { get; init; } = 1;

        [CommandOption("--json")]
        [Description("Print the comparison as JSON")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => Runs < 1 ? ValidationResult.Error("--runs must be at least 1") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = settings.LoadCatalogue();
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), catalogue);
        var policies = settings.Policies is null ? PolicyCatalogue.All
            : settings.Policies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PolicyCatalogue.Get).ToList();
        IReadOnlyList<PolicyStatistics> results = [];
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (settings.Json || Console.IsOutputRedirected)
            results = PolicyComparison.Run(scenario, catalogue, policies, settings.Runs, settings.Seed, cancellationToken: cancellationToken);
        else
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"{policies.Count} policies x {settings.Runs} runs", maxValue: policies.Count * settings.Runs);
                    results = PolicyComparison.Run(scenario, catalogue, policies, settings.Runs, settings.Seed, onRunDone: () => task.Increment(1), cancellationToken: cancellationToken);
                });
        var elapsed = started.Elapsed;

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = scenario.File.Scenario,
                runs = settings.Runs,
                firstSeed = settings.Seed,
                policies = results.Select(r => new
                {
                    policy = r.Policy,
                    runs = r.Runs,
                    evidence = r.Evidence,
                    secured = r.Secured,
                    preserved = r.Preserved,
                    lost = r.Lost,
                    securedShare = Math.Round(r.SecuredShare, 4),
                    securedShareInterval = new[] { Math.Round(r.SecuredShareInterval().Low, 4), Math.Round(r.SecuredShareInterval().High, 4) },
                    timeToPreservation = new { median = r.TimeToPreservation.Quantile(0.5), p90 = r.TimeToPreservation.Quantile(0.9) },
                    timeToEvidence = new { median = r.TimeToEvidence.Quantile(0.5), p90 = r.TimeToEvidence.Quantile(0.9) },
                    gaps = r.Gaps(),
                }),
            }, JournalJson.Indented));
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.File.Scenario)}[/]: {settings.Runs} runs per policy, seeds {settings.Seed}..{settings.Seed + settings.Runs - 1}, {elapsed.TotalSeconds:0.0} s");
        var table = new Table().AddColumns("policy", "evidence secured (95% CI)", "lost per run", "to preservation: median / p90", "to evidence: median / p90");
        foreach (var r in results)
        {
            var (low, high) = r.SecuredShareInterval();
            table.AddRow(r.Policy, $"{r.SecuredShare:P0} ({low:P0}-{high:P0})", $"{(double)r.Lost / r.Runs:0.0}",
                $"{Span(r.TimeToPreservation.Quantile(0.5))} / {Span(r.TimeToPreservation.Quantile(0.9))}",
                $"{Span(r.TimeToEvidence.Quantile(0.5))} / {Span(r.TimeToEvidence.Quantile(0.9))}");
        }
        AnsiConsole.Write(table);
        foreach (var r in results)
        {
            var gaps = new Table().Title($"procedural gaps under {r.Policy}, costliest first").AddColumns("kind", "where (stage | authority or holder)", "cost per run", "example");
            foreach (var g in r.Gaps(5))
                gaps.AddRow(g.Kind, Markup.Escape(g.Where), g.Kind == "evidence lost" ? $"{g.ItemsLostPerRun:0.00} items" : $"{g.DaysPerRun:0.0} days", Markup.Escape(g.Example));
            AnsiConsole.Write(gaps);
        }
        return 0;
    }

    private static string Span(TimeSpan? t) => t is null ? "-" : DurationText.Format(TimeSpan.FromMinutes(Math.Round(t.Value.TotalMinutes)));
}
