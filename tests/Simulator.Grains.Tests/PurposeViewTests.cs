using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// Purpose limitation in the seats' views (issue 14 item 2): the locker tells the holding state under which terms each
/// item was given and what another investigation wants of it; the request for consent is seen by both states, and the
/// giving state's central authority is the one to answer it.
/// </summary>
public sealed class PurposeViewTests
{
    private static Simulation Played(string policy)
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(AdmissibilityViewTests.ScenarioFile("political-intrusion-refusals")), CatalogueLoader.Shipped, 7);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 7, PolicyCatalogue.Get(policy)));
        s.Start();
        return s;
    }

    private static StateView View(Simulation s, string seat) => (StateView)ExerciseViews.ForAudiences([Audience.Seat(seat)], s)[Audience.Seat(seat)];

    [Fact]
    public void The_locker_shows_the_terms_and_the_wanted_use_and_both_states_see_the_request_for_consent()
    {
        var s = Played("direct-orders-first");
        while (s.Consents.Count == 0 && s.Step()) { }
        var item = View(s, "AV/investigator").Evidence.Single(e => e.Evidence == "lortel-threat-subscriber");
        Assert.Equal(("threats-to-members", "LR"), (item.Terms!.Purpose, item.Terms.Giver));
        Assert.StartsWith("given by LR through", item.Terms.Terms);
        Assert.Contains(item.Terms.Limits, l => l.Use == "other-investigation" && l.NeedsConsent && l.Source.StartsWith("ETS185 Art. 28(2)(b)", StringComparison.Ordinal));
        var wanted = Assert.Single(item.Wanted!);
        Assert.Equal(("other-investigation", "parliament-intrusion", true, "consent-001", "asked"), (wanted.Kind, wanted.For, wanted.NeedsConsent, wanted.Consent, wanted.ConsentState));

        var asked = Assert.Single(View(s, "AV/prosecutor").Consents!);
        var toAnswer = Assert.Single(View(s, "LR/central-authority").Consents!);
        Assert.Equal(asked, toAnswer);
        Assert.Equal(("LR/central-authority", "asked"), (toAnswer.Answerer, toAnswer.State));
        Assert.Empty(View(s, "KS/central-authority").Consents!);

        // The request for consent is the two states'; the wanted use, the holding state's alone.
        var asks = s.Journal.Entries.Single(e => e.Event is Core.Journal.UseConsentAsked).Event;
        Assert.Contains(Audience.State("AV"), Audience.Of(asks, s));
        Assert.Contains(Audience.State("LR"), Audience.Of(asks, s));
        var wants = s.Journal.Entries.First(e => e.Event is Core.Journal.UseWanted).Event;
        Assert.Equal([Audience.Trainer, Audience.Observers, Audience.State("AV")], Audience.Of(wants, s));

        while (s.Consents[0].AnsweredAt is null && s.Step()) { }
        var answered = s.Journal.Entries.Single(e => e.Event is Core.Journal.UseConsentAnswered).Event;
        Assert.Contains(Audience.State("AV"), Audience.Of(answered, s));
        Assert.Contains(Audience.State("LR"), Audience.Of(answered, s));
        var refused = View(s, "AV/investigator").Evidence.Single(e => e.Evidence == "lortel-threat-subscriber").Wanted!.Single();
        Assert.Equal("refused", refused.ConsentState);
        Assert.Contains("ETS185 Art. 27(4)(a)", View(s, "AV/prosecutor").Consents!.Single().Reason);
    }

    [Fact]
    public void A_use_made_without_the_consent_it_needed_is_marked_a_violation_in_the_locker()
    {
        var s = Played("everything-fastest");
        while (!s.Uses.Any(u => u.Violation) && s.Step()) { }
        var item = View(s, "AV/prosecutor").Evidence.Single(e => e.Evidence == "lortel-threat-subscriber");
        var use = Assert.Single(item.Uses!);
        Assert.Equal(("other-investigation", "parliament-intrusion", true, (string?)null), (use.Kind, use.For, use.Violation, use.Consent));
        Assert.Null(item.Wanted);
        // The violation is found in the using state's own record: the giving state is not told.
        var violation = s.Journal.Entries.Single(e => e.Event is Core.Journal.PurposeViolated).Event;
        Assert.Contains(Audience.State("AV"), Audience.Of(violation, s));
        Assert.DoesNotContain(Audience.State("LR"), Audience.Of(violation, s));
    }
}
