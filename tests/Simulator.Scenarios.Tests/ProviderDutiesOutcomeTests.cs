using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// A provider's duties under an EU order in a shipped scenario (issue 14 item 6): in simultaneous-ten-states Postvale
/// Mail, one provider answering ten states, lets the 10 days of some European Production Orders pass; the policies put
/// every order in default to enforcement (REG Art. 16), and the enforced orders are answered, within days.
/// </summary>
public sealed class ProviderDutiesOutcomeTests
{
    private static Simulation Run(string policy, long seed, string? rules = null)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "simultaneous-ten-states.yaml"));
        return HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, seed, PolicyCatalogue.Get(policy, rules ?? RulesVersion.Current), rulesVersion: rules ?? RulesVersion.Current);
    }

    [Fact]
    public void Every_order_in_default_is_put_to_enforcement_and_answered_once_the_enforcing_state_requires_it()
    {
        var s = Run("direct-orders-first", 1);
        var defaults = s.Requests.Where(r => r.InDefault).ToList();
        Assert.NotEmpty(defaults);
        foreach (var r in defaults)
        {
            Assert.Equal("eu-epoc", r.Instrument.Id);
            Assert.NotNull(r.Enforcement);
            Assert.Equal(EnforcementState.Complied, r.Enforcement!.State);
            var decided = s.Journal.Entries.Single(e => e.Event is EnforcementDecided d && d.Request == r.Id);
            Assert.True(((EnforcementDecided)decided.Event).Recognised);
            Assert.True(r.RespondedAt >= decided.At, $"{r.Id} was answered before the enforcing authority decided");
        }
        var rights = s.Outcome().Rights!;
        Assert.Equal((defaults.Count, defaults.Count), (rights.OrdersInDefault, rights.EnforcementsRequested));
        Assert.Equal(defaults.Count(r => r.PenaltyImposed), rights.Penalties);
    }

    [Fact]
    public void Under_rules_before_2026_12_9_no_order_is_in_default_and_none_is_enforced()
    {
        var s = Run("direct-orders-first", 1, "2026.12.8");
        Assert.DoesNotContain(s.Requests, r => r.InDefault || r.Enforcement is not null);
        Assert.DoesNotContain(s.Journal.Entries, e => e.Event is OrderInDefault or EnforcementRequested);
    }
}
