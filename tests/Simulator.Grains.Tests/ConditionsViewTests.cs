using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// Conditions attached case by case in the seats' views: the reviewing seat is offered the conditions the instrument
/// lets its state attach while the request awaits its answer; once it approves on them, both states see them.
/// </summary>
public sealed class ConditionsViewTests
{
    private const string Reviewer = "ES/central-authority";

    private static StateView View(Simulation s, string seat) => (StateView)ExerciseViews.ForAudiences([Audience.Seat(seat)], s)[Audience.Seat(seat)];

    [Fact]
    public void The_reviewing_seat_is_offered_the_conditions_it_may_attach_and_both_states_see_those_it_attached()
    {
        // hospital-ransomware, seed 1, direct-orders-first: Aldoria's prosecutor asks Estmark to give effect to its order (CETS 224 Art. 8).
        var built = WorldBuilder.Build(ScenarioLoader.Load(AdmissibilityViewTests.ScenarioFile("hospital-ransomware")), CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 1, PolicyCatalogue.Get("direct-orders-first"), new HashSet<string>([Reviewer])));
        s.Start();
        RequestRecord? order = null;
        while (order is null && s.Step())
            foreach (var r in s.Requests.Where(r => r.State == RequestState.UnderReview && s.ReviewerSeat(r) == Reviewer).ToList())
            {
                if (r.Instrument.Id == "budapest-2ap-art8-giving-effect") { order = r; break; }
                Assert.True(s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Approve)).Accepted); // everything else goes through
            }
        Assert.NotNull(order);

        var offered = View(s, Reviewer).Incoming.Single(r => r.Request == order.Id);
        var open = Assert.Single(offered.ConditionsOpen!);
        Assert.Equal("other-investigation", open.Use);
        Assert.StartsWith("CETS 224 Art. 14", open.Source);
        Assert.Null(offered.Conditions);

        Assert.True(s.Decide(new AnswerRequest(Reviewer, order.Id, Answer.Approve, Conditions: [UseKind.OtherInvestigation])).Accepted);
        var issuerSeat = order.IssuerSeat;
        var seen = View(s, issuerSeat).Outgoing.Single(r => r.Request == order.Id);
        Assert.Equal("other-investigation", Assert.Single(seen.Conditions!).Use);
        Assert.Null(seen.ConditionsOpen); // answered: nothing more to attach
        Assert.Equal("other-investigation", Assert.Single(View(s, Reviewer).Incoming.Single(r => r.Request == order.Id).Conditions!).Use);

        // Once secured, the item's terms in the issuing seat's locker say the use now needs Estmark's consent, under its condition.
        while (!order.Lifecycle.IsClosed && s.Step()) { }
        var item = order.Items[0].Id;
        var terms = View(s, issuerSeat).Evidence.Single(e => e.Evidence == item).Terms!;
        var limit = terms.Limits.Single(l => l.Use == "other-investigation");
        Assert.True(limit.NeedsConsent);
        Assert.StartsWith("a condition ES attached when it approved the request", limit.Source);

        var attached = s.Journal.Entries.Last(e => e.Event is ConditionsAttached).Event;
        Assert.Contains(Audience.State(order.Issuer), Audience.Of(attached, s));
        Assert.Contains(Audience.State(order.RequestedState), Audience.Of(attached, s));
        var bystander = built.World.Jurisdictions.First(j => j.Id != order.Issuer && j.Id != order.RequestedState).Id;
        Assert.DoesNotContain(Audience.State(bystander), Audience.Of(attached, s));
    }
}
