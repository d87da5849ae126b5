using System.Text.Json;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// The views a live feed builds from what it kept of the step before are the views built afresh: step by step through
/// whole exercises of several scenarios, for the trainer, the observers and every seat of every state.
/// </summary>
public sealed class ViewMemoryTests
{
    [Theory]
    [InlineData("hospital-ransomware", "preserve-then-mla")]
    [InlineData("sextortion-threat-to-life", "emergency-aware")]
    [InlineData("bec-joint-investigation", "direct-orders-first")]
    public void Views_built_from_the_last_steps_equal_views_built_afresh_at_every_step(string scenarioId, string policy)
    {
        var scenario = ScenarioLoader.Load(ScenarioFile(scenarioId));
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 3);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 3, PolicyCatalogue.Get(policy)));
        s.Start();
        string[] audiences = [Audience.Trainer, Audience.Observers,
            .. built.World.Jurisdictions.SelectMany(j => new[] { Core.Common.AuthorityRole.ContactPoint, Core.Common.AuthorityRole.CentralAuthority }
                .Select(r => Audience.Seat(Core.Common.Names.Seat(j.Id, r))))]; // a state's requests are in each of its seats' views alike
        var kept = new ViewMemory();
        var steps = 0;
        void Compare(string when)
        {
            var live = JsonSerializer.Serialize(ExerciseViews.ForAudiences(audiences, s, kept));
            var afresh = JsonSerializer.Serialize(ExerciseViews.ForAudiences(audiences, s));
            Assert.True(live == afresh, $"{scenarioId}, {when} (step {steps}, {s.Journal.Entries.Count} events): the kept views differ from views built afresh");
            steps++;
        }
        for (var at = built.World.Start; at < built.World.End; at = at.AddHours(8))
        {
            s.RunUntil(at);
            Compare($"at {at:u}");
        }
        s.RunToEnd();
        Compare("at the end");
        var requestsSeen = s.Requests.Count;
        Assert.True(steps > 20 && requestsSeen > 3, $"{steps} steps, {requestsSeen} requests: too little happened to compare");
    }

    private static string ScenarioFile(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scenarios", id + ".yaml"))) return Path.Combine(dir.FullName, "scenarios", id + ".yaml");
        throw new FileNotFoundException($"scenarios/{id}.yaml");
    }
}
