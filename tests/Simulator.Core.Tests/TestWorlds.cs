using Simulator.Core.Catalogue;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Core.Tests;

/// <summary>The small worlds the engine tests run in, and short ways to start a simulation in them.</summary>
internal static class TestWorlds
{
    private static readonly Lazy<LoadedScenario> ThreeStatesFile = new(() =>
        ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Worlds", "three-states.yaml")));

    public static InstrumentCatalogue Catalogue => CatalogueLoader.Shipped;

    public static BuiltScenario ThreeStates(long seed = 1) => WorldBuilder.Build(ThreeStatesFile.Value, Catalogue, seed);

    /// <summary>The three-states world with its file text edited first: for facts one test needs changed.</summary>
    public static BuiltScenario Variant(Func<string, string> edit, long seed = 1)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Worlds", "three-states.yaml");
        var text = File.ReadAllText(path);
        var edited = edit(text);
        if (edited == text) throw new ArgumentException("the edit changed nothing: the test world's text has moved on");
        return WorldBuilder.Build(ScenarioLoader.Parse(edited, path), Catalogue, seed);
    }

    public static Simulation Start(IInvestigationPolicy? policy = null, long seed = 1, params string[] humanSeats) =>
        Start(ThreeStates(seed), policy, seed, humanSeats);

    public static Simulation Start(BuiltScenario built, IInvestigationPolicy? policy = null, long seed = 1, params string[] humanSeats)
    {
        var simulation = new Simulation(built.World, built.Catalogue, new SimulationOptions(seed, policy ?? new NoPolicy(), humanSeats.ToHashSet()));
        simulation.Start();
        return simulation;
    }

    /// <summary>Started and run to the moment the incident is discovered (2h), when the first leads are known.</summary>
    public static Simulation Investigating(params string[] humanSeats) => Investigating(ThreeStates(), humanSeats);

    public static Simulation Investigating(BuiltScenario built, params string[] humanSeats)
    {
        var s = Start(built, new NoPolicy(), 1, humanSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromHours(2));
        return s;
    }

    /// <summary>Steps the simulation until the condition holds; fails the test if the run ends first.</summary>
    public static void StepUntil(this Simulation s, Func<bool> condition, string what)
    {
        while (!condition())
            if (!s.Step())
                throw new Xunit.Sdk.XunitException($"the run ended before {what}; last events:\n" +
                    string.Join("\n", s.Journal.Entries.TakeLast(8).Select(e => System.Text.Encoding.UTF8.GetString(e.Line))));
    }
}
