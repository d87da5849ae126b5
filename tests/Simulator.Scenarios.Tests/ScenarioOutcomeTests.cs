using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// Each shipped scenario teaches what it says it teaches: the outcomes under the policies differ in the way its
/// trainer's briefing describes (headless, seeds 1 to 3).
/// </summary>
public class ScenarioOutcomeTests
{
    private static LoadedScenario Load(string id) => ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), id + ".yaml"));

    private static Core.Engine.SimulationOutcome Run(string id, IInvestigationPolicy policy, long seed) =>
        HeadlessRunner.Run(Load(id), CatalogueLoader.Shipped, seed, policy).Outcome();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sextortion_is_resolved_in_hours_only_through_an_emergency_channel(long seed)
    {
        var emergency = Run("sextortion-threat-to-life", new EmergencyAwarePolicy(), seed);
        var fast = emergency.Evidence.Where(e => e.TimeToEvidence < TimeSpan.FromHours(24)).ToList();
        Assert.NotEmpty(fast);
        Assert.Contains(emergency.Requests, r => r.Emergency && r.Evidence.Any(e => fast.Select(f => f.Evidence).Contains(e)));
        foreach (var slow in new IInvestigationPolicy[] { new MlaOnlyPolicy(), new PreserveThenMlaPolicy() })
            Assert.DoesNotContain(Run("sextortion-threat-to-life", slow, seed).Evidence, e => e.TimeToEvidence < TimeSpan.FromHours(24));
    }

    [Fact]
    public void The_political_intrusion_meets_each_refusal_ground_it_trains()
    {
        var o = Run("political-intrusion-refusals", new PreserveThenMlaPolicy(), 1);
        var grounds = o.Requests.Where(r => r.State == "refused").Select(r => r.Ground).ToHashSet();
        Assert.Contains("political-offence", grounds);
        Assert.Contains("sovereignty-security-ordre-public", grounds);
        Assert.Contains("dual-criminality", grounds);
        // ...and other routes remain: direct orders secure evidence the treaty route is refused.
        Assert.True(Run("political-intrusion-refusals", new DirectOrdersFirstPolicy(), 1).Summary.Secured > o.Summary.Secured);
    }

    [Fact]
    public void The_large_exercise_runs_simultaneous_incidents_across_ten_states_on_shared_providers()
    {
        var world = WorldBuilder.Build(Load("simultaneous-ten-states"), CatalogueLoader.Shipped, 1).World;
        Assert.True(world.Jurisdictions.Count >= 10);
        Assert.True(world.Incidents.Count >= 3);
        Assert.True(world.Evidence.Count >= 50);
        var incidentsPerProvider = world.Evidence.GroupBy(e => e.Holder).Select(g => g.Select(e => world.IncidentOf(e).Id).Distinct().Count());
        Assert.Contains(incidentsPerProvider, n => n >= 3);
        var mla = Run("simultaneous-ten-states", new MlaOnlyPolicy(), 1);
        var emergency = Run("simultaneous-ten-states", new EmergencyAwarePolicy(), 1);
        Assert.True(emergency.Summary.Secured >= 2 * mla.Summary.Secured);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_disclosed_hop_restarts_the_clock_and_only_preserving_at_every_hop_reaches_the_booter_operator(long seed)
    {
        // Preservation through the 24/7 network discloses the next hop (Art. 29, 30): the chain is followed to the
        // operator's home line. MLA alone stops at the first hop, wiped on day 3.
        var preserve = Run("ddos-for-hire-hops", new PreserveThenMlaPolicy(), seed);
        Assert.Contains(preserve.Evidence, e => e.Evidence == "isp-cgnat-log" && e.Status is "secured" or "preserved");
        var mla = Run("ddos-for-hire-hops", new MlaOnlyPolicy(), seed);
        Assert.DoesNotContain(mla.Leads, l => l.Lead == "operator-line" && l.DiscoveredAt is not null);
        Assert.True(mla.Summary.Lost > preserve.Summary.Lost);
    }

    [Fact]
    public void Where_no_treaty_applies_only_voluntary_cooperation_letters_rogatory_and_public_data_reach_the_host()
    {
        var o = Run("abuse-material-no-treaty", new DirectOrdersFirstPolicy(), 1);
        var toTheHost = o.Requests.Where(r => r.RequestedState == "KA" || r.Provider == "korvex").Select(r => r.Instrument).ToHashSet();
        Assert.NotEmpty(toTheHost);
        Assert.All(toTheHost, i => Assert.Contains(i, new[] { "provider-voluntary-preservation", "provider-voluntary-disclosure", "letters-rogatory", "budapest-art32-trans-border-access" }));
        // The evidence in treaty states is secured through the ordinary routes.
        Assert.True(o.Summary.Secured > Run("abuse-material-no-treaty", new MlaOnlyPolicy(), 1).Summary.Secured);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Business_email_compromise_follows_the_money_through_a_joint_investigation_team(long seed)
    {
        var direct = Run("bec-joint-investigation", new DirectOrdersFirstPolicy(), seed);
        Assert.Contains(direct.Evidence, e => e.Status == "secured" && direct.Requests.Any(r => r.Request == e.SecuredBy && r.Instrument == "joint-investigation-team"));
        var mla = Run("bec-joint-investigation", new MlaOnlyPolicy(), seed);
        Assert.True(direct.Summary.Lost < mla.Summary.Lost);
        Assert.True(mla.Summary.MedianTimeToEvidence is null || direct.Summary.MedianTimeToEvidence < mla.Summary.MedianTimeToEvidence);
    }
}
