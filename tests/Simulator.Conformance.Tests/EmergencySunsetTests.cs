using Simulator.Core.Admissibility;
using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Expedited powers end when their condition ends (issue 14 item 3, docs/safeguards.md): once an incident's threat has
/// ended or been found never to have existed, no emergency may be claimed on it, a request only an emergency allowed
/// lapses wherever it stands, and each claim made on it is reviewed against the facts, which the trial weighs.
/// </summary>
public sealed class EmergencySunsetTests
{
    private const string Disclosure = "us-2702-emergency-disclosure";

    /// <summary>AA asks a willing US host; the threat to life ends, or is found a hoax, <paramref name="after"/> the start.</summary>
    private static LawWorld Us(ThreatFinding found, TimeSpan after) => LawWorld.UnitedStatesHost()
        .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = 1 }, EmergencyResponseTime = DurationRange.Parse("3h") })
        .ChangeOffence(o => o with { ThreatToLife = true, ThreatEnds = new ThreatEnd(LawWorld.StartsAt + after, found, "the victim is found safe at a friend's") });

    private static LawWorld Eu(ThreatFinding found, TimeSpan after) => LawWorld.Parties("eu-e-evidence")
        .ChangeOffence(o => o with { ThreatToLife = true, ThreatEnds = new ThreatEnd(LawWorld.StartsAt + after, found, "the threat was a bluff") });

    [Fact, Rule("emergency", "sunset")]
    public void Once_the_threat_has_ended_no_emergency_may_be_claimed_on_it_and_an_open_request_only_an_emergency_allowed_lapses()
    {
        var s = Us(ThreatFinding.Ended, TimeSpan.FromHours(1)).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(ContactPoint, Disclosure, ["traffic"], Emergency: true)).Accepted);
        var r = s.Settle(s.Last());

        Assert.Equal(RequestState.Withdrawn, r.State);
        Assert.True(r.LapsedWithEmergency);
        var ended = s.Events<ThreatEnded>().Single();
        Assert.Equal(("case", "AA", "ended"), (ended.Incident, ended.Investigating, ended.Found));
        Assert.Equal(LawWorld.Catalogue.Sunset.Source, ended.Source);
        var review = s.Events<EmergencyClaimReviewed>().Single();
        Assert.True(review.Held);
        Assert.True(review.Lapsed);
        // Nothing came of it: the data is still with the holder, to be asked for by an ordinary route.
        Assert.Equal(EvidenceStatus.Available, s.Evidence("traffic").Status);
        Assert.Empty(s.Events<EvidenceDelivered>());

        var again = s.Decide(new SendRequest(ContactPoint, Disclosure, ["traffic"], Emergency: true));
        Assert.False(again.Accepted);
        Assert.Contains("the emergency in case is over: the threat has ended (the victim is found safe at a friend's)", again.Message);
        Assert.Contains(s.Rules.Check(new Core.Rules.RequestDraft("eu-epoc", "AA", AuthorityRole.Judge, ["subscriber"], true)).Problems,
            p => p.StartsWith("the emergency in case is over", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_threat_ends_the_claim_is_open_and_what_it_brought_stays()
    {
        var s = Us(ThreatFinding.Ended, TimeSpan.FromDays(2)).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(ContactPoint, Disclosure, ["traffic"], Emergency: true)).Accepted);
        Assert.Equal(RequestState.Delivered, s.Settle(s.Last()).State);
        s.RunToEnd();
        var review = s.Events<EmergencyClaimReviewed>().Single();
        Assert.True(review.Held);
        Assert.False(review.Lapsed);
        Assert.Equal("admissible", s.Events<AdmissibilityExamined>().Single(e => e.Evidence == "traffic").Verdict);
    }

    [Fact, Rule("trial", "emergency-claim-did-not-hold")]
    public void An_item_secured_under_a_claim_found_never_to_have_rested_on_a_threat_is_admissible_only_under_challenge()
    {
        var rule = LawWorld.Catalogue.TrialRules.Single(t => t.When == TrialCondition.EmergencyClaimDidNotHold);
        Assert.Equal(Verdict.AdmissibleUnderChallenge, rule.Verdict);
        var s = Us(ThreatFinding.Unfounded, TimeSpan.FromDays(2)).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(ContactPoint, Disclosure, ["traffic"], Emergency: true)).Accepted);
        s.Settle(s.Last());
        s.RunToEnd();
        var review = s.Events<EmergencyClaimReviewed>().Single();
        Assert.False(review.Held);
        Assert.Contains("there never was a threat", review.Finding);
        var examined = s.Events<AdmissibilityExamined>().Single(e => e.Evidence == "traffic");
        Assert.Equal("admissible-under-challenge", examined.Verdict);
        Assert.StartsWith("emergency-claim-did-not-hold: req-001 secured it under an emergency claim that did not hold", examined.Findings.Single());
        Assert.Equal(rule.Source, examined.Sources.Single());
        Assert.Equal(1, s.Outcome().Rights!.EmergencyClaimsNotHeld);
    }

    [Fact]
    public void Asking_again_by_an_ordinary_route_clears_the_challenge()
    {
        var s = Eu(ThreatFinding.Unfounded, TimeSpan.FromDays(1)).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Emergency: true)).Accepted);
        s.Settle(s.Last());
        s.StepUntil(() => s.Events<ThreatEnded>().Any(), "the threat was found a bluff");
        var state = s.Evidence("traffic");
        Assert.Equal(Verdict.AdmissibleUnderChallenge, Trial.Examine(s, state).Verdict);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"])).Accepted);
        s.Settle(s.Last());
        Assert.Equal(Verdict.Admissible, Trial.Examine(s, state).Verdict);
    }

    [Fact]
    public void An_open_order_with_an_ordinary_procedure_too_goes_on_under_it()
    {
        // The EU production order is not only for emergencies: its emergency ends, the order stands.
        var s = Eu(ThreatFinding.Ended, TimeSpan.FromMinutes(30)).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Emergency: true)).Accepted);
        var r = s.Settle(s.Last());
        Assert.Equal(RequestState.Delivered, r.State);
        var review = s.Events<EmergencyClaimReviewed>().Single();
        Assert.False(review.Lapsed);
        Assert.False(r.LapsedWithEmergency);
    }

    [Fact]
    public void A_careful_policy_asks_by_an_ordinary_route_for_what_a_lapsed_emergency_request_sought()
    {
        var world = Us(ThreatFinding.Unfounded, TimeSpan.FromHours(1)).ChangeProvider(LawWorld.Host, p => p with { EmergencyResponseTime = DurationRange.Parse("6h") });
        var s = world.Play(new Core.Policies.EmergencyAwarePolicy(), until: TimeSpan.FromDays(2));
        var lapsed = s.Requests.Where(r => r.LapsedWithEmergency).ToList();
        Assert.NotEmpty(lapsed);
        foreach (var r in lapsed)
            foreach (var item in r.Items)
                Assert.Contains(s.Requests, o => !o.Emergency && o.IsProduction && o.Items.Contains(item) && o.DraftedAt >= r.ClosedAt);
        // And no emergency is claimed once the threat is over.
        Assert.DoesNotContain(s.Requests, r => r.Emergency && r.DraftedAt > s.Journal.Entries.First(e => e.Event is ThreatEnded).At);
    }

    [Fact]
    public void A_careful_policy_asks_again_by_an_ordinary_route_for_what_a_claim_that_did_not_hold_secured()
    {
        var s = Eu(ThreatFinding.Unfounded, TimeSpan.FromDays(1)).Play(new Core.Policies.EmergencyAwarePolicy(), until: TimeSpan.FromDays(30));
        var emergency = s.Requests.Where(r => r.Emergency && r.EmergencyClaimHeld == false && r.State == RequestState.Delivered).ToList();
        Assert.NotEmpty(emergency);
        var ended = s.Journal.Entries.First(e => e.Event is ThreatEnded).At;
        foreach (var item in emergency.SelectMany(r => r.Found))
        {
            Assert.Contains(s.Requests, r => !r.Emergency && r.IsProduction && r.Found.Contains(item) && r.DraftedAt >= ended);
            Assert.Equal(Verdict.Admissible, Trial.Examine(s, s.Evidence(item)).Verdict);
        }
    }

    [Fact]
    public void An_emergency_request_not_yet_sent_lapses_whatever_its_instrument()
    {
        // The policy's EU production order is still being drafted when the threat ends a minute in.
        var s = Eu(ThreatFinding.Ended, TimeSpan.FromMinutes(1)).Play(new Core.Policies.EmergencyAwarePolicy(), until: TimeSpan.FromDays(1));
        var lapsed = Assert.Single(s.Requests, r => r.Emergency);
        Assert.True(lapsed.LapsedWithEmergency);
        Assert.Null(lapsed.SentAt);
        Assert.Contains(s.Events<RequestStateChanged>(), e => e.Request == lapsed.Id && e.Trigger == "lapse-with-emergency");
        Assert.True(s.Events<EmergencyClaimReviewed>().Single().Lapsed);
        // Asked for again by the ordinary route.
        Assert.Contains(s.Requests, r => !r.Emergency && r.Instrument.Id == "eu-epoc" && r.Items.SequenceEqual(lapsed.Items));
    }

    [Fact]
    public void The_court_relies_on_the_delivery_with_the_best_verdict_under_the_states_own_law()
    {
        // AA's courts exclude what came beyond the need: a narrow delivery under a claim that did not hold (open to
        // challenge) is better than an over-broad ordinary one (excluded).
        var s = Eu(ThreatFinding.Unfounded, TimeSpan.FromDays(1)).FactsSupport(["203.0.113.9"], from: -1, to: 0, records: 10, thirdParty: 2)
            .TrialLaw(TrialCondition.BeyondNeed, Verdict.Excluded).Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Emergency: true)).Accepted);
        s.Settle(s.Last());
        s.StepUntil(() => s.Events<ThreatEnded>().Any(), "the threat was found a bluff");
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Scope: RequestScope.Everything)).Accepted);
        s.Settle(s.Last());
        var verdict = Trial.Examine(s, s.Evidence("traffic"));
        Assert.Equal(Verdict.AdmissibleUnderChallenge, verdict.Verdict);
        Assert.Equal(TrialCondition.EmergencyClaimDidNotHold, verdict.Findings.Single().When);
    }
}
