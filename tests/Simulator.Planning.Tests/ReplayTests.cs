using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Replay;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Planning.Tests;

/// <summary>Replaying a recorded exercise on the core: fidelity, what a changed record shows, and branches under an overlay.</summary>
public class ReplayTests
{
    private static readonly string ScenarioPath = Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml");

    /// <summary>Every office of Aldoria, held by trainees: the engine then takes none of its decisions, so the tests' decisions are all there is.</summary>
    internal static readonly IReadOnlySet<string> AldoriaSeated = Enum.GetValues<Simulator.Core.Common.AuthorityRole>().Select(r => Simulator.Core.Common.Names.Seat("AL", r)).ToHashSet();

    /// <summary>An exercise as a live host plays it: trainees' decisions at their simulated times, then the clock runs on.</summary>
    internal static ExerciseRecord Recorded()
    {
        var text = File.ReadAllText(ScenarioPath);
        var scenario = ScenarioLoader.Parse(text, "hospital-ransomware.yaml");
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 3);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(3, new PreserveThenMlaPolicy(), AldoriaSeated));
        s.Start();
        var decisions = new List<RecordedDecision>();
        void Decide(TimeSpan after, Decision decision)
        {
            var d = new RecordedDecision(decisions.Count + 1, $"d{decisions.Count + 1}", built.World.Start + after, decision);
            Assert.True(s.DecideAt(d.At, decision).Accepted);
            decisions.Add(d);
        }
        Decide(TimeSpan.FromHours(13), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs", "c2-disk-image"]));
        Decide(TimeSpan.FromHours(14), new FireInject("judge-on-call"));
        Decide(TimeSpan.FromDays(2), new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"]));
        s.RunUntil(built.World.Start + TimeSpan.FromDays(6));
        return ExerciseRecord.Of("ex-test", "hospital-ransomware", text, CatalogueLoader.ShippedText, s, decisions);
    }

    [Fact]
    public void A_record_replays_to_its_journal_byte_for_byte_and_survives_its_own_json()
    {
        var record = ExerciseRecord.Parse(Recorded().ToJson(), "record.json");
        var replay = Replayer.Rebuild(record, CatalogueLoader.Shipped);
        Assert.True(replay.Faithful);
        Assert.Equal(record.Journal, replay.Journal);
        Assert.Equal(3, replay.Decisions.Count);
        Assert.All(replay.Decisions, d => Assert.True(d.Accepted));
    }

    [Fact]
    public void A_record_with_a_decision_removed_replays_differently_from_the_event_that_decision_wrote()
    {
        var record = Recorded();
        var removed = record.Decisions[2];
        var tampered = record with { Decisions = record.Decisions.Take(2).ToList() };
        var replay = Replayer.Rebuild(tampered, CatalogueLoader.Shipped);
        Assert.False(replay.Faithful);
        var first = replay.FirstDifference!.Value;
        Assert.Contains("\"type\":\"DecisionTaken\"", record.Journal[first]);
        Assert.Contains("AL/prosecutor", record.Journal[first]);
        Assert.StartsWith($"{{\"seq\":{first + 1},\"at\":\"{Core.Journal.JournalJson.Instant(removed.At)}\"", record.Journal[first]);
    }

    [Fact]
    public void Under_an_overlay_the_recorded_decisions_are_replayed_and_those_that_no_longer_apply_say_why()
    {
        var record = Recorded();
        var scenario = Replayer.Scenario(record, CatalogueLoader.Shipped);
        var leave = OverlayApplier.Apply(OverlayLoader.Parse("overlay: leave\ntitle: Belmark leaves the Convention\nchanges:\n  - leave: budapest\n    states: [BE]\n", "leave.yaml"), scenario, CatalogueLoader.Shipped);
        var branch = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(Overlay: leave));
        var preservation = branch.Decisions[0];
        Assert.False(preservation.Accepted);
        Assert.Contains("BE is not party to budapest", preservation.Message);
        Assert.True(branch.Decisions[1].Accepted); // the trainer's inject does not depend on the treaty
        var comparison = OutcomeComparison.Between(Replayer.Rebuild(record, CatalogueLoader.Shipped).Simulation.Outcome(), branch.Simulation.Outcome());
        var flow = comparison.Items.Single(i => i.Evidence == "c2-flow-logs");
        Assert.Equal("preserved", flow.Happened);
        Assert.NotEqual("preserved", flow.Branch);

        var longer = OverlayApplier.Apply(OverlayLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "overlays", "hostbay-keeps-logs-longer.yaml")), scenario, CatalogueLoader.Shipped);
        var kept = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(Overlay: longer));
        Assert.All(kept.Decisions, d => Assert.True(d.Accepted, d.Message));
        Assert.False(kept.Faithful); // the world differs from the first created item on: no branch point to hold to
    }

    [Fact]
    public void Under_an_overlay_a_decision_about_a_request_follows_that_request_not_its_number()
    {
        var text = File.ReadAllText(ScenarioPath);
        var scenario = ScenarioLoader.Parse(text, "hospital-ransomware.yaml");
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 5);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(5, new PreserveThenMlaPolicy(), AldoriaSeated));
        s.Start();
        var decisions = new List<RecordedDecision>();
        void Decide(TimeSpan after, Decision decision)
        {
            var d = new RecordedDecision(decisions.Count + 1, $"d{decisions.Count + 1}", built.World.Start + after, decision);
            Assert.True(s.DecideAt(d.At, decision).Accepted, decision.ToString());
            decisions.Add(d);
        }
        Decide(TimeSpan.FromHours(13), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]));      // req-001, to Belmark
        Decide(TimeSpan.FromDays(2), new SendRequest("AL/contact-point", "budapest-art29-preservation", ["cloud-access-logs"]));   // req-002, to the US
        Decide(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(10), new WithdrawRequest("AL/contact-point", "req-002"));
        s.RunUntil(built.World.Start + TimeSpan.FromDays(4));
        var record = ExerciseRecord.Of("ex-ids", "hospital-ransomware", text, CatalogueLoader.ShippedText, s, decisions);

        // Belmark leaves the Convention: the first request cannot be sent, so the US request is req-001 in the branch.
        var leave = OverlayApplier.Apply(OverlayLoader.Parse("overlay: leave\ntitle: Belmark leaves\nchanges:\n  - leave: budapest\n    states: [BE]\n", "leave.yaml"),
            Replayer.Scenario(record, CatalogueLoader.Shipped), CatalogueLoader.Shipped);
        var branch = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(Overlay: leave));
        Assert.False(branch.Decisions[0].Accepted);
        Assert.True(branch.Decisions[2].Accepted, branch.Decisions[2].Message);
        var us = Assert.Single(branch.Simulation.Requests);
        Assert.Equal("cloud-access-logs", us.Items.Single().Id);
        Assert.Equal(Core.Procedures.RequestState.Withdrawn, us.State); // the trainee's withdrawal reached the request it was about

        // A decision whose request was never drafted in the branch says so.
        var gone = OverlayApplier.Apply(OverlayLoader.Parse("overlay: us-leaves\ntitle: The US leaves\nchanges:\n  - leave: budapest\n    states: [US]\n", "us.yaml"),
            Replayer.Scenario(record, CatalogueLoader.Shipped), CatalogueLoader.Shipped);
        var without = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(Overlay: gone));
        Assert.False(without.Decisions[2].Accepted);
        Assert.Contains("the request it was about, req-002 (budapest-art29-preservation AL/contact-point vaultloom cloud-access-logs), was not drafted in this branch", without.Decisions[2].Message);
    }

    [Fact]
    public void A_policy_taking_over_from_the_start_replays_only_the_trainers_injects_and_hands_over_after_the_opening_events()
    {
        var record = Recorded();
        var branch = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(TakeOver: new MlaOnlyPolicy()));
        // No trainee's decision is replayed; the trainer's inject still fires as scripted.
        var replayed = Assert.Single(branch.Decisions);
        Assert.Equal(new FireInject("judge-on-call"), replayed.Decision.Decision);
        Assert.True(replayed.Accepted);
        Assert.True(branch.Faithful);
        var start = branch.Simulation.World.Start;
        var before = branch.Simulation.Journal.Entries.Take(branch.BranchPoint!.Value).ToList();
        Assert.All(before, e => Assert.Equal(start, e.At)); // only what happens at the opening instant precedes the hand-over
        Assert.IsType<Core.Journal.PolicyTookOver>(branch.Simulation.Journal.Entries[branch.BranchPoint.Value].Event);
    }

    [Theory]
    [InlineData("{\"format\": \"exercise-record/1\",\n  \"seed\": \"three\"}", 2, "not an exercise record")]
    [InlineData("{\"format\": \"exercise-record/9\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": \"none\", \"seats\": [], \"recordedAt\": \"2026-01-01T00:00:00Z\", \"decisions\": [], \"journal\": [\"{}\"]}", 1, "format 'exercise-record/9' is neither 'exercise-record/2' nor 'exercise-record/1'")]
    [InlineData("{\"format\": \"exercise-record/2\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": null, \"seats\": [], \"recordedAt\": \"2026-01-01T00:00:00Z\", \"decisions\": [], \"journal\": [\"{\\\"type\\\":\\\"X\\\",\\\"data\\\":{}}\"]}", 1, "it names no policy")]
    [InlineData("{\"format\": \"exercise-record/2\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": \"none\", \"seats\": null, \"recordedAt\": \"2026-01-01T00:00:00Z\", \"decisions\": [], \"journal\": [\"{\\\"type\\\":\\\"X\\\",\\\"data\\\":{}}\"]}", 1, "it holds no seats list")]
    [InlineData("{\"format\": \"exercise-record/2\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": \"none\", \"seats\": [\"nonsense\", null], \"recordedAt\": \"2026-01-01T00:00:00Z\", \"decisions\": [], \"journal\": [\"{\\\"type\\\":\\\"X\\\",\\\"data\\\":{}}\"]}", 1, "seat 'nonsense' is not a seat")]
    [InlineData("{\"format\": \"exercise-record/2\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": \"none\", \"seats\": [null], \"recordedAt\": \"2026-01-01T00:00:00Z\", \"decisions\": [], \"journal\": [\"{\\\"type\\\":\\\"X\\\",\\\"data\\\":{}}\"]}", 1, "seat 'null' is not a seat")]
    [InlineData("{\"format\": \"exercise-record/2\", \"exercise\": \"x\", \"scenario\": \"s\", \"scenarioText\": \"t\", \"seed\": 1, \"policy\": \"none\", \"seats\": [], \"recordedAt\": \"not a time\", \"decisions\": [], \"journal\": [\"{\\\"type\\\":\\\"X\\\",\\\"data\\\":{}}\"]}", 1, "not an exercise record: not an instant: write it like 2027-03-01T06:00:00Z")]
    public void A_file_that_is_not_a_record_is_refused_with_where_and_why(string text, int line, string message)
    {
        var e = Assert.Throws<FileProblemsException>(() => ExerciseRecord.Parse(text, "x.json"));
        Assert.Contains(e.Problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_whose_journal_holds_a_line_that_is_not_an_event_is_refused_naming_the_line()
    {
        var record = Recorded();
        var broken = record with { Journal = [.. record.Journal.Take(4), "{\"type\":\"RequestDrafted\" broken", .. record.Journal.Skip(5)] };
        var e = Assert.Throws<FileProblemsException>(() => ExerciseRecord.Parse(broken.ToJson(), "x.json"));
        Assert.Contains("journal line 5 is not a journal event", Assert.Single(e.Problems).Message);
    }
}
