using Simulator.Core.Communications;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>The trainer's MSEL controls while the exercise runs: ad-hoc injects, and edits of recipients and the expected action.</summary>
public sealed class InjectControlTests
{
    private static Simulation Start()
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml")), CatalogueLoader.Shipped, 4);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(4, new PreserveThenMlaPolicy(), new HashSet<string> { "AL/investigator", "AL/prosecutor" }, PolicyPlaysSeatedStates: true));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(7));
        return s;
    }

    [Fact]
    public void An_ad_hoc_inject_is_delivered_now_or_at_its_time_and_can_be_answered()
    {
        var s = Start();
        var now = Assert.IsType<DecisionResult>(s.Decide(new AddInject("Hospital asks again", "May we rebuild the servers now?", ["AL/investigator"], "Answer the hospital")));
        Assert.True(now.Accepted, now.Message);
        Assert.True(s.SeatHasInject("AL/investigator", "adhoc-001"));
        Assert.False(s.SeatHasInject("AL/prosecutor", "adhoc-001"));
        var delivered = s.Journal.Entries.Select(e => e.Event).OfType<InjectDelivered>().Single(d => d.Inject == "adhoc-001");
        Assert.Equal(("Answer the hospital", true), (delivered.ExpectedAction, delivered.OnDemand));
        Assert.True(s.Decide(new RespondToInject("AL/investigator", "adhoc-001", ResponseKind.Decision, "Keep the images first")).Accepted);

        var later = s.Now.AddHours(5);
        Assert.True(s.Decide(new AddInject("Ministry calls", "Status, please", ["AL"], At: later)).Accepted);
        Assert.True(s.IsInjectPending("adhoc-002"));
        s.RunUntil(later);
        Assert.True(s.SeatHasInject("AL/prosecutor", "adhoc-002")); // to the whole state
        Assert.Equal(["adhoc-001", "adhoc-002"], s.Injects.Where(i => i.Id.StartsWith("adhoc-", StringComparison.Ordinal)).Select(i => i.Id));
        Assert.Contains(s.Journal.Entries, e => e.Event is InjectAdded { Inject: "adhoc-002" });
    }

    [Theory]
    [InlineData(new string[0], "to: name at least one recipient")]
    [InlineData(new[] { "ZZ/judge" }, "to: no state or seat ZZ/judge")]
    [InlineData(new[] { "XX" }, "to: no state or seat XX")]
    public void An_ad_hoc_inject_needs_recipients_of_this_scenario(string[] to, string expected)
    {
        var s = Start();
        var result = s.Decide(new AddInject("Title", "Text", to));
        Assert.StartsWith(expected, result.Message);
        Assert.DoesNotContain(s.Journal.Entries, e => e.Event is InjectAdded);
        Assert.StartsWith("at: an inject cannot be added in the past", s.Decide(new AddInject("Title", "Text", ["AL"], At: s.Now.AddHours(-1))).Message);
    }

    [Fact]
    public void An_edit_changes_the_recipients_and_the_expected_action_of_a_pending_inject()
    {
        var s = Start();
        Assert.True(s.Decide(new EditInject("press-inquiry", To: ["AL/investigator"], ExpectedAction: "Refer the press to the prosecutor's spokesperson")).Accepted);
        Assert.Contains(s.Journal.Entries, e => e.Event is InjectEdited { Inject: "press-inquiry", To: ["AL/investigator"] });
        s.RunUntil(s.World.Start.AddHours(53));
        Assert.True(s.SeatHasInject("AL/investigator", "press-inquiry"));
        Assert.False(s.SeatHasInject("AL/prosecutor", "press-inquiry"));
        var delivered = s.Journal.Entries.Select(e => e.Event).OfType<InjectDelivered>().Single(d => d.Inject == "press-inquiry");
        Assert.Equal("Refer the press to the prosecutor's spokesperson", delivered.ExpectedAction);
        Assert.True(s.Decide(new EditInject("ministry-status", ExpectedAction: "")).Accepted); // removed
        Assert.Null(s.Injects.Single(i => i.Id == "ministry-status").ExpectedAction);
        Assert.StartsWith("to: no state or seat", s.Decide(new EditInject("ministry-status", To: ["AL/nobody"])).Message);
    }

    [Fact]
    public void Ad_hoc_injects_and_full_edits_read_back_from_their_stored_form()
    {
        Decision[] decisions = [new AddInject("T", "X", ["AL", "AL/judge"], "E", new DateTimeOffset(2026, 9, 8, 0, 0, 0, TimeSpan.Zero)),
            new EditInject("press-inquiry", null, "New title", null, ["AL/investigator"], "")];
        foreach (var d in decisions) Assert.Equal(d, DecisionCodec.Read(DecisionCodec.Write(d)));
        Assert.Equal(new EditInject("x", Title: "t"), DecisionCodec.Read("edit-inject", """{"inject":"x","title":"t"}""")); // as earlier mains stored it
    }
}
