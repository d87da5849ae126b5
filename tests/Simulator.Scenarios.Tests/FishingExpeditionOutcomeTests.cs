using Simulator.Core.Engine;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// fishing-expedition-refused (issue 14 item 8: an over-broad request refused where a narrower one succeeds): Helvaria's
/// law refuses a request for assistance beyond what its facts support. Asked for the account and the months the
/// victims' payments name, it executes the request; asked for everything, it refuses, and the login records frozen
/// pending the request are gone by then.
/// </summary>
public sealed class FishingExpeditionOutcomeTests
{
    private static Simulation Run(string policy, long seed = 1)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "fishing-expedition-refused.yaml"));
        return HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, seed, PolicyCatalogue.Get(policy));
    }

    [Fact]
    public void Asked_for_the_need_Helvaria_executes_the_request_and_the_operator_is_found()
    {
        var s = Run("direct-orders-first");
        var mla = s.Requests.Single(r => r.Instrument.Id == "budapest-art31-mla");
        Assert.Equal(RequestState.Delivered, mla.State);
        Assert.False(mla.AssessmentAsked.OverBroad);
        var outcome = s.Outcome();
        Assert.Equal((5, 5, 0), (outcome.Summary.Secured, outcome.Summary.SecuredAndAdmissible, outcome.Rights!.OverBroadRequests));
        Assert.All(outcome.Objectives, o => Assert.Equal(Ratings.WithoutChallenges, o.Rating));
    }

    [Fact]
    public void Asked_for_everything_Helvaria_refuses_a_fishing_expedition_and_the_frozen_logins_are_lost()
    {
        var s = Run("everything-fastest");
        var mla = s.Requests.Single(r => r.Instrument.Id == "budapest-art31-mla");
        Assert.Equal((RequestState.Refused, "fishing-expedition", "HV/central-authority"), (mla.State, mla.RefusalGround, mla.RefusedBy));
        Assert.Contains("ETS185 Art. 25(4)", mla.RefusalSource);
        Assert.Contains("the law of HV: Helvarian Federal Act on International Mutual Assistance in Criminal Matters, Art. 7", mla.RefusalSource);
        Assert.False(mla.Narrowed);
        var outcome = s.Outcome();
        var items = outcome.Evidence.ToDictionary(e => e.Evidence);
        Assert.Equal(("lost", "fishing-expedition"), (items["alpstake-logins"].Status, items["alpstake-logins"].Ground));
        Assert.NotEqual("secured", items["alpstake-kyc"].Status);
        Assert.Equal(1, outcome.Summary.Secured);
        var objectives = outcome.Objectives.ToDictionary(o => o.Objective);
        Assert.Equal(Ratings.Unable, objectives["account-holder"].Rating);
        Assert.Equal(Ratings.MajorChallenges, objectives["scope-to-the-need"].Rating);
        // Frozen on time, lost all the same once the request the freeze waited on was refused.
        Assert.Equal(Ratings.MajorChallenges, objectives["freeze-logins"].Rating);
    }
}
