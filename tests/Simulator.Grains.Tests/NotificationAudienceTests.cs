using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// An EU production order the issuing authority need not notify (REG Art. 8(2)) is its own judgement: the issuing state
/// and the trainer hear of it, and the state left un-notified does not.
/// </summary>
public sealed class NotificationAudienceTests
{
    [Fact]
    public void An_order_not_notified_because_offence_and_person_are_at_home_is_told_to_the_issuing_state_only()
    {
        var text = File.ReadAllText(AdmissibilityViewTests.ScenarioFile("hospital-ransomware"))
            .Replace("      threat-to-life: false\n", "      threat-to-life: false\n      committed-in: [AL]\n      person-resides-in: AL\n", StringComparison.Ordinal);
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, "hospital-ransomware.yaml"), CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 1, PolicyCatalogue.Get("direct-orders-first")));
        s.Start();
        s.RunUntil(built.World.Start.AddDays(30));
        Assert.DoesNotContain(s.Journal.Entries, e => e.Event is EnforcingStateNotified);
        var skipped = s.Journal.Entries.Select(e => e.Event).OfType<NotificationNotRequired>().ToList();
        Assert.NotEmpty(skipped);
        foreach (var e in skipped)
        {
            var audience = Audience.Of(e, s);
            Assert.Contains(Audience.Trainer, audience);
            Assert.Equal([Audience.State("AL")], audience.Where(a => a.StartsWith("state:", StringComparison.Ordinal)));
            Assert.DoesNotContain(Audience.State(e.State), audience);
        }
    }
}
