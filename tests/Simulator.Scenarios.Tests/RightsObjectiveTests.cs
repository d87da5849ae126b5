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
    private static Dictionary<string, ObjectiveOutcome> Objectives(string policy)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));
        var run = HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, 1, PolicyCatalogue.Get(policy));
        return run.Outcome().Objectives.ToDictionary(o => o.Objective);
    }

    [Fact]
    public void Asking_for_what_the_facts_support_meets_the_scope_and_the_admissibility_objectives()
    {
        var o = Objectives("emergency-aware");
        Assert.Equal((Ratings.WithoutChallenges, "no request asked beyond what the facts support"), (o["scope-to-the-need"].Rating, o["scope-to-the-need"].Evidence));
        Assert.Equal((Ratings.WithoutChallenges, "all 18 secured items admissible at trial"), (o["admissible-at-trial"].Rating, o["admissible-at-trial"].Evidence));
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
