using Simulator.Core.Admissibility;
using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// The trial at the end in the investigating state (issue 14 item 5): every secured item examined against the
/// catalogue's trial rules, with the state's own verdicts where its law sets them; the worst finding stands.
/// </summary>
public sealed class TrialTests
{
    private static LawWorld Eu() => LawWorld.Parties("eu-e-evidence").FactsSupport(["203.0.113.9"], from: -1, to: 0, records: 10, thirdParty: 2);

    /// <summary>AA's judge orders the traffic data from the host by an EU production order, with <paramref name="scope"/>, and the run ends.</summary>
    private static Simulation Secure(LawWorld world, RequestScope? scope)
    {
        var s = world.Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Scope: scope)).Accepted);
        s.Settle(s.Last());
        s.RunToEnd();
        return s;
    }

    [Fact]
    [Rule("trial", "beyond-need")]
    public void An_item_that_came_with_records_beyond_what_the_facts_support_is_admissible_only_under_challenge()
    {
        var rule = LawWorld.Catalogue.TrialRules.Single(r => r.When == TrialCondition.BeyondNeed);
        Assert.Equal(Verdict.AdmissibleUnderChallenge, rule.Verdict);
        var broad = Secure(Eu(), RequestScope.Everything);
        var examined = broad.Events<AdmissibilityExamined>().Single();
        Assert.Equal(("traffic", "AA", "admissible-under-challenge"), (examined.Evidence, examined.Investigating, examined.Verdict));
        Assert.StartsWith("beyond-need: req-001 brought 3640 records beyond what the facts support", examined.Findings.Single());
        Assert.Equal(rule.Source, examined.Sources.Single());
        Assert.Equal(0, broad.Outcome().Summary.SecuredAndAdmissible);

        var asked = Secure(Eu(), null);
        Assert.Equal("admissible", asked.Events<AdmissibilityExamined>().Single().Verdict);
        Assert.Empty(asked.Events<AdmissibilityExamined>().Single().Findings);
        Assert.Equal(1, asked.Outcome().Summary.SecuredAndAdmissible);
    }

    [Fact]
    public void Asking_again_for_what_the_facts_support_clears_the_challenge_the_prosecution_relies_on_the_cleaner_delivery()
    {
        var s = Eu().Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Scope: RequestScope.Everything)).Accepted);
        s.Settle(s.Last());
        var state = s.Evidence("traffic");
        Assert.Equal(Verdict.AdmissibleUnderChallenge, Trial.Examine(s, state).Verdict);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"])).Accepted);
        s.Settle(s.Last());
        Assert.Equal(Verdict.Admissible, Trial.Examine(s, state).Verdict);
        s.RunToEnd();
        Assert.Equal("admissible", s.Events<AdmissibilityExamined>().Single().Verdict);
    }

    [Fact]
    public void A_state_whose_law_excludes_what_came_beyond_the_need_excludes_it_and_says_its_law_is_the_source()
    {
        var s = Secure(Eu().TrialLaw(TrialCondition.BeyondNeed, Verdict.Excluded), RequestScope.Everything);
        var examined = s.Events<AdmissibilityExamined>().Single();
        Assert.Equal("excluded", examined.Verdict);
        Assert.Equal("the law of AA, for beyond-need", examined.Sources.Single());
        Assert.Equal(1, s.Outcome().Rights!.Excluded);
    }

    [Fact]
    [Rule("trial", "custody-unverified")]
    public void An_item_whose_custody_chain_does_not_verify_is_excluded()
    {
        Assert.Equal(Verdict.Excluded, LawWorld.Catalogue.TrialRules.Single(r => r.When == TrialCondition.CustodyUnverified).Verdict);
        var s = Eu().Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"])).Accepted);
        s.Settle(s.Last());
        var state = s.Evidence("traffic");
        Assert.Equal(Verdict.Admissible, Trial.Examine(s, state).Verdict);
        // A copy altered on its way: the next step records other content than the holder's.
        state.Custody.Record(s.Now, "copied by the requesting state", "AA/judge", new string('0', 64), null);
        var verdict = Trial.Examine(s, state);
        Assert.Equal(Verdict.Excluded, verdict.Verdict);
        Assert.StartsWith("its custody chain does not verify: content changed at step", verdict.Findings.Single().Why);
    }

    [Fact]
    public void Exercises_under_rules_before_the_trial_end_without_one()
    {
        var world = Eu().Build();
        var s = new Simulation(world, LawWorld.Catalogue, SimulationOptions.Under("2026.12.7", 1, new Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        s.Start();
        s.RunUntil(world.Start);
        Assert.True(s.Decide(new SendRequest(Judge, "eu-epoc", ["traffic"], Scope: RequestScope.Everything)).Accepted);
        s.Settle(s.Last());
        s.RunToEnd();
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("traffic").Status);
        Assert.Empty(s.Events<AdmissibilityExamined>());
        Assert.Contains(s.Events<ExerciseEnded>(), _ => true);
        Assert.True(RulesVersion.HoldsTrial(RulesVersion.Current));
    }
}
