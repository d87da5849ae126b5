using Simulator.Core.Engine;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// The reference scenario's rights objectives (docs/safeguards.md): asking for what the facts support meets both;
/// asking for everything fails the scope objective and leaves items open to challenge at trial.
/// </summary>
public sealed class RightsObjectiveTests
{
    private static Dictionary<string, ObjectiveOutcome> Objectives(string policy, string scenario = "hospital-ransomware")
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), scenario + ".yaml"));
        var run = HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, 1, PolicyCatalogue.Get(policy));
        return run.Outcome().Objectives.ToDictionary(o => o.Objective);
    }

    [Theory]
    [InlineData("hospital-ransomware", 18)]
    [InlineData("sextortion-threat-to-life", 7)]
    [InlineData("bec-joint-investigation", 16)]
    [InlineData("ddos-for-hire-hops", 13)]
    [InlineData("abuse-material-no-treaty", 16)]
    [InlineData("simultaneous-ten-states", 48)]
    public void Asking_for_what_the_facts_support_meets_the_scope_and_the_admissibility_objectives(string scenario, int secured)
    {
        var o = Objectives("emergency-aware", scenario);
        Assert.Equal((Ratings.WithoutChallenges, "no request asked beyond what the facts support"), (o["scope-to-the-need"].Rating, o["scope-to-the-need"].Evidence));
        Assert.Equal((Ratings.WithoutChallenges, $"all {secured} secured items admissible at trial"), (o["admissible-at-trial"].Rating, o["admissible-at-trial"].Evidence));
    }

    [Fact]
    public void In_the_emergency_asking_for_everything_leaves_the_nat_mapping_and_the_logins_open_to_challenge()
    {
        var o = Objectives("everything-fastest", "sextortion-threat-to-life");
        Assert.Equal(Ratings.MajorChallenges, o["scope-to-the-need"].Rating);
        Assert.Equal(Ratings.SomeChallenges, o["admissible-at-trial"].Rating);
        Assert.Contains("estel-nat-mapping admissible-under-challenge", o["admissible-at-trial"].Evidence);
    }

    [Fact]
    public void For_the_child_asking_for_everything_secures_no_more_and_brings_in_the_visitors_and_other_lines()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "abuse-material-no-treaty.yaml"));
        var careful = HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, 1, PolicyCatalogue.Get("emergency-aware")).Outcome();
        var everything = HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, 1, PolicyCatalogue.Get("everything-fastest")).Outcome();
        Assert.Equal(careful.Summary.Secured, everything.Summary.Secured);
        Assert.True(everything.Rights!.ThirdPartyRecords > 10 * Math.Max(1, careful.Rights!.ThirdPartyRecords), $"{everything.Rights.ThirdPartyRecords} against {careful.Rights!.ThirdPartyRecords}");
        var o = everything.Objectives.ToDictionary(x => x.Objective);
        Assert.Equal((Ratings.MajorChallenges, Ratings.SomeChallenges), (o["scope-to-the-need"].Rating, o["admissible-at-trial"].Rating));
        Assert.True(everything.Summary.SecuredAndAdmissible < careful.Summary.SecuredAndAdmissible);
    }

    [Fact]
    public void Asking_for_everything_fails_the_scope_objective_and_leaves_items_open_to_challenge()
    {
        var o = Objectives("everything-fastest");
        Assert.Equal(Ratings.MajorChallenges, o["scope-to-the-need"].Rating); // most over-broad requests went to providers, which nobody narrows
        Assert.Contains("narrowed by the requested state", o["scope-to-the-need"].Evidence); // the one Belmark's central authority narrowed
        Assert.Equal(Ratings.SomeChallenges, o["admissible-at-trial"].Rating);
        Assert.Contains("admissible-under-challenge: beyond-need:", o["admissible-at-trial"].Evidence);
    }
}
