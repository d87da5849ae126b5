using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// A seat is warned, in its evidence locker, of an item the trial at the end would not admit cleanly (issue 14 item 5):
/// in the reference scenario asked for everything, the items that came with records beyond the need are open to
/// challenge, with the reason; asked for what the facts support, every item is admissible.
/// </summary>
public sealed class AdmissibilityViewTests
{
    private static IReadOnlyList<SecuredEvidence> Locker(string policy)
    {
        var scenario = ScenarioLoader.Load(ScenarioFile("hospital-ransomware"));
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 7);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 7, PolicyCatalogue.Get(policy)));
        s.Start();
        s.RunUntil(built.World.Start.AddDays(120)); // during play: the trial has not been held, the warning stands
        var seat = Audience.Seat("AL/investigator");
        return ((StateView)ExerciseViews.ForAudiences([seat], s)[seat]).Evidence;
    }

    [Fact]
    public void Items_that_came_beyond_the_need_are_flagged_open_to_challenge_in_the_locker_with_the_reason()
    {
        var broad = Locker("everything-fastest");
        var challenged = broad.Where(e => e.Admissibility == "admissible-under-challenge").ToList();
        Assert.NotEmpty(challenged);
        Assert.All(challenged, e => Assert.Contains("records beyond what the facts support", e.AdmissibilityReason));
        Assert.All(Locker("emergency-aware"), e => Assert.Equal(("admissible", (string?)null), (e.Admissibility, e.AdmissibilityReason)));
    }

    internal static string ScenarioFile(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scenarios", id + ".yaml"))) return Path.Combine(dir.FullName, "scenarios", id + ".yaml");
        throw new FileNotFoundException($"scenarios/{id}.yaml");
    }
}
