using Simulator.Core.Catalogue;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Scenarios.Scenario;

namespace Simulator.Scenarios;

/// <summary>
/// A headless run: build the world for a seed, let a policy play every investigating state, jump from event to
/// event to the end. What the CLI, the benchmarks and the tests all use; under the current rules unless
/// <paramref name="rulesVersion"/> names older ones.
/// </summary>
public static class HeadlessRunner
{
    public static Simulation Run(LoadedScenario scenario, InstrumentCatalogue catalogue, long seed, IInvestigationPolicy policy, Action<JournalEntry>? onJournal = null,
        string? rulesVersion = null)
    {
        var built = WorldBuilder.Build(scenario, catalogue, seed);
        var simulation = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(rulesVersion ?? RulesVersion.Current, seed, policy, onJournal: onJournal));
        simulation.Start();
        simulation.RunToEnd();
        return simulation;
    }
}
