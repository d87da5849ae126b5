using Simulator.Core.Catalogue;
using Simulator.Planning.Overlays;
using Simulator.Scenarios.Scenario;

namespace Simulator.Cli.Commands;

/// <summary>An overlay named on the command line, loaded and applied, with what it leaves impossible said on the error stream.</summary>
internal static class OverlayArguments
{
    public static AppliedOverlay Apply(string argument, LoadedScenario scenario, InstrumentCatalogue catalogue)
    {
        var applied = OverlayApplier.Apply(OverlayLoader.Load(ScenarioPaths.ResolveOverlay(argument)), scenario, catalogue);
        foreach (var warning in applied.Warnings ?? []) Console.Error.WriteLine($"warning: {warning}");
        return applied;
    }
}
