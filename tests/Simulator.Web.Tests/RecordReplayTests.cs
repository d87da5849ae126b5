using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Grains.Contracts;
using Simulator.Planning.Replay;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Web.Tests;

/// <summary>
/// A live exercise recorded and played again on the core: trainees act, the trainer fires and edits injects and
/// drives the clock, and the record downloaded from the server replays to the same journal, byte for byte.
/// </summary>
public sealed class RecordReplayTests(LiveServer server) : IClassFixture<LiveServer>
{
    /// <summary>A short live exercise with every kind of decision, and its record as the trainer downloads it.</summary>
    internal static async Task<string> RecordedExerciseAsync(LiveServer server)
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 11, seats = new[] { "AL/contact-point", "AL/prosecutor", "BE/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        string Code(string seat) => ex.Seats.Single(s => s.Seat == seat).Code;
        await using var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        await using var contact = await server.ConnectAsync();
        await contact.InvokeAsync<JsonElement>("Join", Code("AL/contact-point"));
        await using var prosecutor = await server.ConnectAsync();
        await prosecutor.InvokeAsync<JsonElement>("Join", Code("AL/prosecutor"));
        await using var belmark = await server.ConnectAsync();
        await belmark.InvokeAsync<JsonElement>("Join", Code("BE/contact-point"));

        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13));
        var preservation = await contact.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(preservation.Accepted, preservation.Message);
        Assert.True((await trainer.InvokeAsync<DecisionResult>("EditInject", "belmark-poc-clarification", start.AddHours(50), "Belmark's contact point calls back", null)).Accepted);
        Assert.True((await trainer.InvokeAsync<DecisionResult>("FireInject", "judge-on-call")).Accepted);
        // Belmark's contact point reviews the preservation as a trainee.
        for (var i = 0; i < 40; i++)
        {
            var view = await belmark.InvokeAsync<JsonElement>("GetView");
            if (view.GetProperty("view").GetProperty("incoming").EnumerateArray().Any(r => r.GetProperty("state").GetString() == "under-review")) break;
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
        }
        Assert.True((await belmark.InvokeAsync<DecisionResult>("AnswerRequest", preservation.Request!, "approve", null, "frozen")).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(2));
        var mla = await prosecutor.InvokeAsync<DecisionResult>("SendRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null);
        Assert.True(mla.Accepted, mla.Message);
        // What people say besides requests is in the record too, and replays with it.
        Assert.True((await contact.InvokeAsync<DecisionResult>("SendMessage", "BE/contact-point", "contact-point-network", "Hostbay", "Please confirm you have our request", null, null)).Accepted);
        Assert.True((await trainer.InvokeAsync<DecisionResult>("SendMessageAs", "Castrel Courier newsdesk", "AL/prosecutor", "phone", "Press", "Was patient data stolen?")).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(53)); // the press inquiry (52h) has reached the prosecutor
        Assert.True((await prosecutor.InvokeAsync<DecisionResult>("RespondToInject", "press-inquiry", "press-line", "We confirm an investigation; no further comment.")).Accepted);
        Assert.True((await prosecutor.InvokeAsync<DecisionResult>("Refer", "press-inquiry", "AL/contact-point", "for your information")).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(5));

        var record = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/record");
        record.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var answer = await http.SendAsync(record);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        var forbidden = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/record");
        forbidden.Headers.Add("X-Exercise-Key", ex.ObserverCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forbidden)).StatusCode);
        return text;
    }

    [Fact]
    public async Task A_recorded_live_exercise_replays_to_the_same_journal_byte_for_byte()
    {
        var text = await RecordedExerciseAsync(server);
        var record = ExerciseRecord.Parse(text, "record.json");
        Assert.Equal(["AL/contact-point", "AL/prosecutor", "BE/contact-point"], record.Seats);
        Assert.Contains(record.Decisions, d => d.Decision is FireInject { Inject: "judge-on-call" });
        Assert.Contains(record.Decisions, d => d.Decision is EditInject { Inject: "belmark-poc-clarification" });
        Assert.Contains(record.Decisions, d => d.Decision is AnswerRequest { Answer: Answer.Approve });
        Assert.Contains(record.Decisions, d => d.Decision is SendMessage { To: "BE/contact-point" });
        Assert.Contains(record.Decisions, d => d.Decision is SendMessageAs { From: "Castrel Courier newsdesk" });
        Assert.Contains(record.Decisions, d => d.Decision is RespondToInject { Inject: "press-inquiry" });
        Assert.Contains(record.Decisions, d => d.Decision is Refer { Item: "press-inquiry" });
        Assert.True(JournalVerifier.Verify(record.Journal).Valid);

        var replay = Replayer.Rebuild(record, CatalogueLoader.Shipped);
        Assert.Null(replay.FirstDifference);
        Assert.True(replay.Faithful);
        Assert.All(replay.Decisions, d => Assert.True(d.Accepted, d.Message));
        Assert.Equal(record.Journal, replay.Journal);
        // Kept for people trying `simulator replay` by hand.
        Directory.CreateDirectory(Path.Combine(ServerProcess.Root(), "artifacts"));
        File.WriteAllText(Path.Combine(ServerProcess.Root(), "artifacts", "exercise-record.json"), text);
    }

    [Fact]
    public async Task Decisions_taken_at_one_paused_instant_replay_in_the_order_they_were_taken()
    {
        // Belmark's one contact-point officer reads a preservation request while a second waits. The trainee approves
        // the first before the reading is done, which frees the officer for the second at that very instant; in the
        // same paused instant Aldoria sends another request. Replayed, the second request's review must still come
        // after Aldoria's request, as it did live.
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 2, seats = new[] { "AL/contact-point", "BE/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        await using var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        await using var al = await server.ConnectAsync();
        await al.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
        await using var be = await server.ConnectAsync();
        await be.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "BE/contact-point").Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13));
        foreach (var item in new[] { "c2-flow-logs", "c2-disk-image" })
            Assert.True((await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { item }, false, null)).Accepted);
        string? reading = null;
        for (var i = 0; i < 60 && reading is null; i++)
        {
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
            var incoming = (await be.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("incoming").EnumerateArray().ToList();
            if (incoming.Any(r => r.GetProperty("state").GetString() == "received"))
                reading = incoming.FirstOrDefault(r => r.GetProperty("state").GetString() == "under-review") is { ValueKind: JsonValueKind.Object } r ? r.GetProperty("request").GetString() : null;
        }
        Assert.NotNull(reading);
        Assert.True((await be.InvokeAsync<DecisionResult>("AnswerRequest", reading!, "approve", null, "frozen")).Accepted);
        Assert.True((await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-vps-subscriber" }, false, null)).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpToNextEvent");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/record");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var record = ExerciseRecord.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync(), "record.json");
        var replay = Replayer.Rebuild(record, CatalogueLoader.Shipped);
        Assert.True(replay.Faithful, replay.FirstDifference is { } d ? $"differs at event {d + 1}:\n recorded {record.Journal[d]}\n replayed {replay.Journal[d]}" : "");
    }

    [Fact]
    public async Task A_branch_repeats_what_happened_up_to_the_hand_over_then_the_policy_plays_the_trainees_seats()
    {
        var record = ExerciseRecord.Parse(await RecordedExerciseAsync(server), "record.json");
        var at = record.Decisions.Single(d => d.Decision is SendRequest { Instrument: "budapest-art31-mla" }).At;
        var branch = Replayer.Play(record, CatalogueLoader.Shipped, new Branch(TakeOver: new PreserveThenMlaPolicy(), At: at));
        Assert.NotNull(branch.BranchPoint);
        Assert.True(branch.Faithful, $"departs at {branch.FirstDifference} before the hand-over at {branch.BranchPoint}");
        Assert.Equal(record.Journal.Take(branch.BranchPoint!.Value), branch.Journal.Take(branch.BranchPoint.Value));
        var handOver = branch.Simulation.Journal.Entries[branch.BranchPoint.Value].Event;
        var took = Assert.IsType<PolicyTookOver>(handOver);
        Assert.Equal(["AL/contact-point", "AL/prosecutor", "BE/contact-point"], took.Seats);
        // The trainees' MLA request was not replayed; the policy sent its own requests for Aldoria after the hand-over.
        // The trainer's own decisions (here, writing for the simulation cell) still happen in the branch.
        Assert.DoesNotContain(branch.Decisions, d => d.Decision.At >= at && d.Decision.Decision is not TrainerDecision);
        Assert.Contains(branch.Decisions, d => d.Decision.Decision is SendMessageAs);
        Assert.Contains(branch.Simulation.Journal.Entries.Skip(branch.BranchPoint.Value).Select(e => e.Event).OfType<RequestDrafted>(), r => r.Issuer.StartsWith("AL/", StringComparison.Ordinal));
    }
}
