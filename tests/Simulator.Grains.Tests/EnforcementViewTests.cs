using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.World;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Tests;

/// <summary>
/// A provider's duties in the seats' views (issue 14 item 6): the issuing seat sees its order in default and may ask for
/// enforcement; both states follow the enforcing authority's decision; other states see none of it.
/// </summary>
public sealed class EnforcementViewTests
{
    /// <summary>A shipped policy that, as a trainee might, leaves an order in default for the seat to act on.</summary>
    private sealed class LeavesDefaults(IInvestigationPolicy inner) : IInvestigationPolicy
    {
        public string Name => inner.Name;
        public string Description => inner.Description;
        public void OnLeadDiscovered(PolicyContext context, Lead lead) => inner.OnLeadDiscovered(context, lead);
        public void OnRequestClosed(PolicyContext context, RequestRecord request) => inner.OnRequestClosed(context, request);
        public void OnPreservationExpiring(PolicyContext context, PreservationRecord preservation) => inner.OnPreservationExpiring(context, preservation);
        public void OnDeadlineAtRisk(PolicyContext context, RequestRecord request) => inner.OnDeadlineAtRisk(context, request);
        public void OnRetentionAtRisk(PolicyContext context, EvidenceState evidence) => inner.OnRetentionAtRisk(context, evidence);
        public void OnThreatEnded(PolicyContext context, Incident incident) => inner.OnThreatEnded(context, incident);
        public void OnUseWanted(PolicyContext context, WantedUse use) => inner.OnUseWanted(context, use);
        public void OnUseConsentAnswered(PolicyContext context, ConsentRecord consent) => inner.OnUseConsentAnswered(context, consent);
    }

    private static StateView View(Simulation s, string seat) => (StateView)ExerciseViews.ForAudiences([Audience.Seat(seat)], s)[Audience.Seat(seat)];

    [Fact]
    public void The_issuing_seat_sees_its_order_in_default_asks_for_enforcement_and_follows_it_to_the_answer()
    {
        // Seed 1 of simultaneous-ten-states under direct-orders-first: Postvale lets the deadline of OS's order pass.
        var built = WorldBuilder.Build(ScenarioLoader.Load(AdmissibilityViewTests.ScenarioFile("simultaneous-ten-states")), CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 1, new LeavesDefaults(PolicyCatalogue.Get("direct-orders-first"))));
        s.Start();
        while (!s.Requests.Any(r => r.InDefault) && s.Step()) { }
        var order = s.Requests.First(r => r.InDefault);
        Assert.Null(order.Enforcement); // nobody asked: the seat's to do
        var seat = order.IssuerSeat;
        var shown = View(s, seat).Outgoing.Single(r => r.Request == order.Id).Enforcement!;
        Assert.Equal(("in-default", true), (shown.Status, shown.MayAsk));
        Assert.Contains("let the deadline pass", shown.Text);

        var inDefault = s.Journal.Entries.Last(e => e.Event is OrderInDefault).Event;
        Assert.Contains(Audience.State(order.Issuer), Audience.Of(inDefault, s));
        Assert.Contains(Audience.State(order.RequestedState), Audience.Of(inDefault, s));
        var bystander = built.World.Jurisdictions.First(j => j.Id != order.Issuer && j.Id != order.RequestedState).Id;
        Assert.DoesNotContain(Audience.State(bystander), Audience.Of(inDefault, s));

        Assert.True(s.Decide(new EnforceOrder(seat, order.Id)).Accepted);
        var asked = View(s, seat).Outgoing.Single(r => r.Request == order.Id).Enforcement!;
        Assert.Equal(("requested", false), (asked.Status, asked.MayAsk));
        Assert.Contains("decides by", asked.Text);
        while (!order.Lifecycle.IsClosed && s.Step()) { }
        var done = View(s, seat).Outgoing.Single(r => r.Request == order.Id).Enforcement!;
        Assert.Equal("complied", done.Status);
        Assert.Equal(done.Penalised, s.Journal.Entries.Any(e => e.Event is PenaltyImposed p && p.Request == order.Id));

        // The data came in: telling the person whose data they are is due (REG Art. 13), the issuing state's own business.
        var informing = View(s, seat).Outgoing.Single(r => r.Request == order.Id).Informing!;
        Assert.Equal("due", informing.Status);
        Assert.Equal([seat], informing.By); // the issuing authority alone informs (REG Art. 13(1)); the console offers the action to it only
        var due = s.Journal.Entries.Single(e => e.Event is PersonToBeInformed p && p.Request == order.Id).Event;
        Assert.Contains(Audience.State(order.Issuer), Audience.Of(due, s));
        Assert.DoesNotContain(Audience.State(order.RequestedState), Audience.Of(due, s));
        Assert.True(s.Decide(new InformPerson(seat, order.Id, Delay: true, Reason: "the account holder is the suspect")).Accepted);
        var delayed = View(s, seat).Outgoing.Single(r => r.Request == order.Id).Informing!;
        Assert.Equal(("delayed", "the account holder is the suspect"), (delayed.Status, delayed.Reason));
        // The reasons are the issuing state's case file: the enforcing state's view of the order carries none, nor the action to ask.
        var incoming = View(s, $"{order.RequestedState}/judge").Incoming.Single(r => r.Request == order.Id);
        Assert.Null(incoming.Informing);
        Assert.False(incoming.Enforcement!.MayAsk);
    }
}
