using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>
/// political-intrusion-refusals, purpose limitation (issue 14 item 2): Lorvania gives the LorTel subscriber record for
/// the threats, which it does not regard as political; the intrusion case, which it does, wants it too. A careful
/// policy asks Lorvania's consent and abides by the refusal; everything-fastest uses it at once, a violation of the
/// speciality rule (ETS185 Art. 28(2)(b)) that leaves the record open to challenge in the intrusion case's court.
/// </summary>
public sealed class SpecialityOutcomeTests
{
    private static Simulation Run(string policy, long seed = 7)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "political-intrusion-refusals.yaml"));
        return HeadlessRunner.Run(loaded, CatalogueLoader.Shipped, seed, PolicyCatalogue.Get(policy));
    }

    private static IEnumerable<T> Events<T>(Simulation s) => s.Journal.Entries.Select(e => e.Event).OfType<T>();

    [Fact]
    public void A_careful_policy_asks_Lorvania_which_refuses_for_the_political_case_and_the_record_is_not_used_there()
    {
        var s = Run("direct-orders-first");
        // Both are wanted from day 20; the LorTel line is told only once its lead is discovered, after the registrant.
        Assert.Equal(["registrant-for-threats", "lortel-line-for-intrusion"], s.UsesWanted.Select(u => u.Id));
        Assert.True(s.Journal.Entries.First(e => e.Event is UseWanted { Use: "lortel-line-for-intrusion" }).At > s.World.Start + TimeSpan.FromDays(20));
        var consent = s.Consents.Single();
        Assert.Equal(("lortel-threat-subscriber", "parliament-intrusion", "LR", ConsentState.Refused), (consent.Evidence, consent.For, consent.Giver, consent.State));
        Assert.Contains("ETS185 Art. 27(4)(a)", consent.Reason);
        // The registrant came by an order at home: no state's consent governs it, and the threats case uses it.
        var used = Events<EvidenceUsed>(s).Single();
        Assert.Equal(("leak-domain-registrant", "threats-to-members", false), (used.Evidence, used.For, used.NeededConsent));
        Assert.Empty(Events<PurposeViolated>(s));
        var outcome = s.Outcome();
        Assert.Equal((1, 0, 1, 0, 0), (outcome.Rights!.UsesBeyondPurpose, outcome.Rights.UsesWithConsent, outcome.Rights.ConsentsRefused, outcome.Rights.PurposeViolations, outcome.Rights.UsesNotAdmitted));
        Assert.Equal(Ratings.WithoutChallenges, outcome.Objectives.Single(o => o.Objective == "speciality-respected").Rating);
    }

    [Fact]
    public void Everything_fastest_uses_the_record_in_the_intrusion_case_without_consent_and_that_court_admits_it_only_under_challenge()
    {
        var s = Run("everything-fastest");
        Assert.Empty(s.Consents);
        var violation = Events<PurposeViolated>(s).Single();
        Assert.Equal(("lortel-threat-subscriber", "parliament-intrusion", "LR", "no consent was asked"), (violation.Evidence, violation.For, violation.Giver, violation.Why));
        Assert.StartsWith("ETS185 Art. 28(2)(b)", violation.Source);
        var examined = Events<UseExamined>(s).Single(u => u.Evidence == "lortel-threat-subscriber");
        Assert.Equal(("parliament-intrusion", "admissible-under-challenge"), (examined.In, examined.Verdict));
        // In the threats case, which it was given for, the record stands.
        Assert.Equal("admissible", Events<AdmissibilityExamined>(s).Single(a => a.Evidence == "lortel-threat-subscriber").Verdict);
        var outcome = s.Outcome();
        Assert.Equal((2, 1, 1), (outcome.Rights!.UsesBeyondPurpose, outcome.Rights.PurposeViolations, outcome.Rights.UsesNotAdmitted));
        var objective = outcome.Objectives.Single(o => o.Objective == "speciality-respected");
        Assert.Equal(Ratings.MajorChallenges, objective.Rating);
        Assert.Contains("lortel-threat-subscriber in parliament-intrusion", objective.Evidence);
    }
}
