using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// The end of a threat and the review of the claims made on it are the investigating state's (docs/safeguards.md): its
/// seats and the trainer hear of them; telling the providers and the foreign contact points is the trainees' task.
/// </summary>
public sealed class ThreatEndAudienceTests
{
    [Fact]
    public void The_hoax_and_the_review_of_the_claims_reach_the_investigating_state_and_the_trainer_only()
    {
        var scenario = ScenarioLoader.Load(AdmissibilityViewTests.ScenarioFile("hoax-threat-emergency"));
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 1, PolicyCatalogue.Get("emergency-aware")));
        s.Start();
        s.RunUntil(built.World.Start.AddDays(1));
        var reviewed = s.Journal.Entries.Where(e => e.Event is ThreatEnded or EmergencyClaimReviewed).ToList();
        Assert.Contains(reviewed, e => e.Event is ThreatEnded);
        Assert.Contains(reviewed, e => e.Event is EmergencyClaimReviewed);
        foreach (var e in reviewed)
        {
            var audience = Audience.Of(e.Event, s);
            Assert.Contains(Audience.Trainer, audience);
            Assert.Contains(Audience.State("AL"), audience);
            Assert.DoesNotContain(audience, a => a is "state:US" or "state:DR");
        }
    }
}
