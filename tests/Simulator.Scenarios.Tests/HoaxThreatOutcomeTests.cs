using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// hoax-threat-emergency (issue 14 item 8): an emergency claimed on what was known, found a hoax at hour 11. The claims
/// are reviewed and do not hold; what they secured is open to challenge unless asked for again by an ordinary route.
/// </summary>
public sealed class HoaxThreatOutcomeTests
{
    private static Simulation Run(string policy, long seed = 1)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hoax-threat-emergency.yaml"));
        return HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, seed, PolicyCatalogue.Get(policy));
    }

    private static IEnumerable<T> Events<T>(Simulation s) => s.Journal.Entries.Select(e => e.Event).OfType<T>();

    [Fact]
    public void Under_emergency_aware_the_claims_do_not_hold_and_what_an_ordinary_route_brings_again_is_admitted()
    {
        var s = Run("emergency-aware");
        var ended = s.Journal.Entries.Single(e => e.Event is ThreatEnded);
        Assert.Equal(s.World.Start + TimeSpan.FromHours(11), ended.At);
        var reviews = Events<EmergencyClaimReviewed>(s).ToList();
        Assert.Equal(["req-001", "req-003"], reviews.Select(r => r.Request));
        Assert.All(reviews, r => Assert.False(r.Held));
        // No emergency is claimed once the hoax is found.
        Assert.DoesNotContain(s.Requests, r => r.Emergency && r.DraftedAt > ended.At);

        var verdicts = Events<AdmissibilityExamined>(s).ToDictionary(v => v.Evidence, v => v.Verdict);
        // Corvid's log came first by the emergency order; the ordinary order asked again brings the copy the court relies on.
        Assert.Contains(s.Requests, r => !r.Emergency && r.Instrument.Id == "eu-epoc" && r.Found.Contains("corvid-connection-log"));
        Assert.Equal("admissible", verdicts["corvid-connection-log"]);
        // Postwave's login records can come cleanly only by mutual legal assistance, still pending at the end in this run.
        Assert.Equal("admissible-under-challenge", verdicts["postwave-login-ips"]);
        var outcome = s.Outcome();
        Assert.Equal((5, 4), (outcome.Summary.Secured, outcome.Summary.SecuredAndAdmissible));
        Assert.Equal((2, 2, 1), (outcome.Rights!.EmergencyClaimsReviewed, outcome.Rights.EmergencyClaimsNotHeld, outcome.Rights.AdmissibleUnderChallenge));
        var objectives = outcome.Objectives.ToDictionary(o => o.Objective);
        Assert.Equal(Ratings.SomeChallenges, objectives["admissible-at-trial"].Rating);
        Assert.Equal(Ratings.WithoutChallenges, objectives["scope-to-the-need"].Rating);
    }

    [Fact]
    public void The_ordinary_policies_keep_what_they_secure_clean_but_lose_the_chain_to_the_sender()
    {
        var s = Run("direct-orders-first");
        var o = s.Outcome();
        Assert.Empty(Events<EmergencyClaimReviewed>(s));
        Assert.Equal(o.Summary.Secured, o.Summary.SecuredAndAdmissible);
        Assert.Equal("lost", o.Evidence.Single(e => e.Evidence == "aldonet-subscriber").Status);
    }

    [Fact]
    public void Asking_for_everything_leaves_the_vpn_log_open_to_challenge_even_when_asked_again()
    {
        var s = Run("everything-fastest");
        var verdict = Events<AdmissibilityExamined>(s).Single(v => v.Evidence == "corvid-connection-log");
        Assert.Equal("admissible-under-challenge", verdict.Verdict);
        Assert.Contains(verdict.Findings, f => f.StartsWith("beyond-need:", StringComparison.Ordinal));
    }
}
