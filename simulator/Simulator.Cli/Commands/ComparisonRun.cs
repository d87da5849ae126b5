using Simulator.Core.Catalogue;
using Simulator.Core.Policies;
using Simulator.Scenarios.Overlays;
using Simulator.Scenarios.Planning;
using Simulator.Scenarios.Scenario;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary>What `compare` and `report compare` share: reading their arguments, and running the comparison with a progress bar.</summary>
internal static class ComparisonRun
{
    public static IReadOnlyList<IInvestigationPolicy> Policies(string? list) => list is null ? PolicyCatalogue.All
        : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PolicyCatalogue.Get).ToList();

    /// <summary>Every overlay loaded and applied before any run: a bad one stops the comparison with its problems.</summary>
    public static IReadOnlyList<AppliedOverlay> Overlays(IEnumerable<string> arguments, LoadedScenario scenario, InstrumentCatalogue catalogue) =>
        arguments.Select(o => OverlayApplier.Apply(OverlayLoader.Load(ScenarioPaths.ResolveOverlay(o)), scenario, catalogue)).ToList();

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
