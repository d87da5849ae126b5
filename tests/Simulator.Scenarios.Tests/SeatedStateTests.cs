using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// Every office is played: in a state some trainee sits for, the exercise's policy plays the offices no trainee
/// holds, and never decides for a trainee's seat. Exercises made under the rules before (2026.12.1) keep theirs.
/// </summary>
public sealed class SeatedStateTests
{
    private static Simulation Run(IReadOnlySet<string> seats, bool policyPlaysSeatedStates, int days = 5)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 7);
        var s = new Simulation(built.World, built.Catalogue,
            new SimulationOptions(7, new PreserveThenMlaPolicy(), seats, PolicyPlaysSeatedStates: policyPlaysSeatedStates));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromDays(days));
        return s;
    }

    [Fact]
    public void With_only_the_investigator_seated_the_policy_plays_the_other_offices_and_secures_what_was_lost_before()
    {
        var s = Run(new HashSet<string> { "AL/investigator" }, policyPlaysSeatedStates: true);
        var sent = s.Requests.Where(r => r.Issuer == "AL").ToList();
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, r => r.IssuerSeat == "AL/investigator"); // the trainee's seat is the trainee's
        Assert.Empty(s.PolicyRejections);
        Assert.Equal("trainee", s.PlayedBy("AL/investigator"));
        Assert.Equal("preserve-then-mla", s.PlayedBy("AL/prosecutor"));
        Assert.Equal("preserve-then-mla", s.PolicyPlaying("AL"));
        // Under the rules before, the same seating left Aldoria to its one trainee: nothing went out, and evidence was lost.
        var before = Run(new HashSet<string> { "AL/investigator" }, policyPlaysSeatedStates: false);
        Assert.DoesNotContain(before.Requests, r => r.Issuer == "AL");
        Assert.Null(before.PolicyPlaying("AL"));
        Assert.Null(before.PlayedBy("AL/prosecutor"));
        static int Held(Simulation run) => run.EvidenceStates.Count(e => e.Status is EvidenceStatus.Preserved or EvidenceStatus.Produced or EvidenceStatus.Secured);
        Assert.True(Held(s) > Held(before), $"held {Held(s)} with the policy playing, {Held(before)} without");
        Assert.Equal(0, Held(before));
    }

    [Fact]
    public void A_state_whose_every_office_is_held_by_trainees_is_theirs_alone()
    {
        var every = Enum.GetValues<Simulator.Core.Common.AuthorityRole>().Select(r => Simulator.Core.Common.Names.Seat("AL", r)).ToHashSet();
        var s = Run(every, policyPlaysSeatedStates: true, days: 20);
        Assert.DoesNotContain(s.Requests, r => r.Issuer == "AL");
        Assert.Empty(s.PolicyRejections);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2026.12.1", false)]
    [InlineData("2026.12.2", true)]
    [InlineData("2026.12.10", true)]
    [InlineData("2027.1.1", true)]
    public void The_rules_version_says_whether_the_policy_plays_seated_states(string? version, bool plays) =>
        Assert.Equal(plays, RulesVersion.PolicyPlaysSeatedStates(version));
}
