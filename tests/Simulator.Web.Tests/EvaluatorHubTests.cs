using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// The evaluator's seat over the hub (HSEEP): its own code; what the trainer sees without the controls; ratings and
/// observations the trainer sees and nobody else; and the hot wash from every seat after the end, in the AAR/IP.
/// </summary>
public sealed class EvaluatorHubTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<HubConnection> Join(string code)
    {
        var c = await server.ConnectAsync();
        await c.InvokeAsync<JsonElement>("Join", code);
        return c;
    }

    [Fact]
    public async Task The_evaluator_sees_the_trainers_view_rates_and_observes_and_the_hot_wash_reaches_the_report()
    {
        using var http = server.Http();
        var ex = (await (await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 6, seats = new[] { "AL/investigator" } })).Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        Assert.False(string.IsNullOrEmpty(ex.EvaluatorCode));
        await using var trainer = await Join(ex.TrainerKey);
        await using var evaluator = await Join(ex.EvaluatorCode!);
        await using var observer = await Join(ex.ObserverCode);
        await using var seat = await Join(ex.Seats.Single().Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));

        var joined = await evaluator.InvokeAsync<JsonElement>("GetView");
        Assert.Equal("evaluator", joined.GetProperty("identity").GetProperty("role").GetString());
        var view = joined.GetProperty("view");
        Assert.Contains(view.GetProperty("injects").EnumerateArray(), i => i.GetProperty("expectedAction").ValueKind == JsonValueKind.String);
        Assert.Equal(4, view.GetProperty("evaluation").GetProperty("guides").GetArrayLength()); // 24/7 network, EU e-Evidence, public information, rights and safeguards
        var refused = await Assert.ThrowsAsync<HubException>(() => evaluator.InvokeAsync<DecisionResult>("FireInject", "press-inquiry"));
        Assert.Contains("only the trainer fires injects", refused.Message);
        Assert.Contains("only the evaluator rates", (await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<DecisionResult>("RateTask", "freeze-c2-logs", "P", null))).Message);
        Assert.Contains("rating: must be P, S, M or U", (await Assert.ThrowsAsync<HubException>(() => evaluator.InvokeAsync<DecisionResult>("RateTask", "freeze-c2-logs", "A+", null))).Message);

        Assert.True((await evaluator.InvokeAsync<DecisionResult>("RateTask", "advise-hospital-rebuild", "M", "No answer to the hospital by noon")).Accepted);
        Assert.True((await evaluator.InvokeAsync<DecisionResult>("RecordObservation", "The investigator read the report at once", new long[] { 2 }, "freeze-c2-logs")).Accepted);
        var ratings = (await trainer.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("evaluation").GetProperty("ratings");
        Assert.Equal(("advise-hospital-rebuild", "M"), (ratings[0].GetProperty("task").GetString(), ratings[0].GetProperty("letter").GetString()));
        var observed = (await observer.InvokeAsync<JsonElement>("GetView")).GetProperty("view");
        Assert.False(observed.TryGetProperty("evaluation", out var evaluation) && evaluation.ValueKind != JsonValueKind.Null);
        foreach (var who in new[] { observer, seat })
            Assert.DoesNotContain(await who.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000), e => e.Type is "TaskRated" or "ObservationRecorded");

        // The end: trainees no longer act, but everyone adds to the hot wash, and the evaluator goes on rating.
        Assert.True((await trainer.InvokeAsync<DecisionResult>("EndExercise", "hot wash")).Accepted);
        Assert.Contains("the exercise has ended", (await Assert.ThrowsAsync<HubException>(() => seat.InvokeAsync<DecisionResult>("RespondToInject", "hospital-report", "note", "late"))).Message);
        Assert.True((await seat.InvokeAsync<DecisionResult>("HotWash", "We saw the C2 lead at once", "We did not know who issues Art. 29")).Accepted);
        Assert.True((await trainer.InvokeAsync<DecisionResult>("HotWash", null, "Brief the seats on who issues what")).Accepted);
        Assert.True((await evaluator.InvokeAsync<DecisionResult>("RateTask", "ministry-status", "U", "No status report")).Accepted);
        Assert.Contains("observers may not act", (await Assert.ThrowsAsync<HubException>(() => observer.InvokeAsync<DecisionResult>("HotWash", "x", null))).Message);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/reports/aar.json");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var aar = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement.GetProperty("evaluation");
        Assert.Equal(["AL/investigator", "trainer"], aar.GetProperty("hotWash").EnumerateArray().Select(h => h.GetProperty("by").GetString()));
        var rebuild = aar.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task").GetString() == "advise-hospital-rebuild");
        Assert.Equal(("M", "No answer to the hospital by noon"), (rebuild.GetProperty("evaluatorCode").GetString(), rebuild.GetProperty("evaluatorNotes").GetString()));
        Assert.Single(aar.GetProperty("observations").EnumerateArray());
    }
}
