using System.ComponentModel;
using Simulator.Core.Catalogue;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Runs;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>The options `compare` and `report compare` share: the scenario, the policies, the runs and the overlays.</summary>
public class ComparisonSettings : CatalogueSettings
{
    [CommandArgument(0, "<SCENARIO>")]
    [Description("A scenario file, or the id of a shipped scenario")]
    public string Scenario { get; init; } = "";

    [CommandOption("--policies <LIST>")]
    [Description("Comma-separated policies (default: all four)")]
    public string? Policies { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Runs per policy (and per overlay), each with its own seed")]
    [DefaultValue(100)]
    public int Runs { get; init; } = 100;

    [CommandOption("--seed <S>")]
    [Description("The first seed; runs use S, S+1, ...")]
    [DefaultValue(1L)]
    public long Seed { get; init; } = 1;

    [CommandOption("--overlay <FILE>")]
    [Description("A what-if overlay (a file, or the id of one in scenarios/overlays) set against the baseline on the same seeds; may repeat")]
    public string[] Overlays { get; init; } = [];

    public override ValidationResult Validate() => Runs < 1 ? ValidationResult.Error("--runs must be at least 1") : ValidationResult.Success();
}

/// <summary>What `compare` and `report compare` share: reading their arguments, and running the comparison with a progress bar.</summary>
internal static class ComparisonRun
{
    public static IReadOnlyList<IInvestigationPolicy> Policies(string? list) => list is null ? PolicyCatalogue.All
        : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PolicyCatalogue.Get).ToList();

    /// <summary>Every overlay loaded and applied before any run: a bad one stops the comparison with its problems.</summary>
    public static IReadOnlyList<AppliedOverlay> Overlays(IEnumerable<string> arguments, LoadedScenario scenario, InstrumentCatalogue catalogue) =>
        arguments.Select(o => OverlayArguments.Apply(o, scenario, catalogue)).ToList();

    /// <summary>Runs the comparison, with a progress bar unless <paramref name="quiet"/> or the output is redirected.</summary>
    public static IReadOnlyList<PolicyVariants> Run(LoadedScenario scenario, IReadOnlyList<AppliedOverlay> overlays, InstrumentCatalogue catalogue,
        IReadOnlyList<IInvestigationPolicy> policies, int runs, long seed, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet || Console.IsOutputRedirected)
            return PolicyComparison.Run(scenario, overlays, catalogue, policies, runs, seed, cancellationToken: cancellationToken);
        IReadOnlyList<PolicyVariants> results = [];
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var what = overlays.Count == 0 ? $"{policies.Count} policies x {runs} runs" : $"{policies.Count} policies x {runs} runs x {1 + overlays.Count} variants";
                var task = progress.AddTask(what, maxValue: policies.Count * runs * (1 + overlays.Count));
                results = PolicyComparison.Run(scenario, overlays, catalogue, policies, runs, seed, onRunDone: () => task.Increment(1), cancellationToken: cancellationToken);
            });
        return results;
    }
}
