using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// Hostile and malformed input to the hub and the REST API (issue 15 item 4): each refused with a clear message that
/// names the field, as problem details over REST, nothing oversized echoed, nothing changed, the connection kept.
/// </summary>
public sealed class HostileInputTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<ExerciseCreated> CreateAsync(params string[] seats)
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 3, speed = 3600, seats });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
    }

    private async Task<HubConnection> Join(string code)
    {
        var c = await server.ConnectAsync();
        await c.InvokeAsync<JsonElement>("Join", code);
        return c;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 2_000, $"the problem echoes too much: {body.Length} characters");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_seat_sending_a_state_that_is_not_one_a_null_item_or_a_null_inject_is_refused_with_the_field_and_stays_connected()
    {
        var ex = await CreateAsync("AL/contact-point");
        await using var trainer = await Join(ex.TrainerKey);
        await using var al = await Join(ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
        var before = (await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count;

        var state = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, "ZZ"));
        Assert.Contains("requestedState", state.Message);
        var nullItem = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new string?[] { null }, false, null));
        Assert.Contains("evidence: name 1 to 100 evidence items, none blank", nullItem.Message);
        // Checking a draft answers with its problems, the state named among them.
        var check = await al.InvokeAsync<JsonElement>("CheckRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, "ZZ", null, false);
        Assert.Contains("requestedState: no state 'ZZ'", check.GetRawText());
        var inject = await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<JsonElement>("FireInject", (string?)null));
        Assert.Contains("inject", inject.Message);
        // A huge identifier is refused by its limit, not echoed back in the refusal.
        var hugeId = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<DecisionResult>("Escalate", new string('r', 50_000)));
        Assert.Contains("request: at most 100 characters", hugeId.Message);
        Assert.True(hugeId.Message.Length < 300, $"the refusal echoes {hugeId.Message.Length} characters");
        foreach (var e in new[] { state, nullItem, inject })
            Assert.Contains("HubException: refused: ", e.Message); // a refusal the hub gave, not a fault it did not handle

        Assert.Equal(before, (await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count);
        var sent = await al.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        Assert.True(sent.Accepted, sent.Message); // the connection is still there, and works
    }

    [Fact]
    public async Task A_hub_message_past_the_size_limit_is_refused_not_dropped()
    {
        var ex = await CreateAsync("AL/contact-point");
        await using var al = await Join(ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
        var huge = new string('x', 40_000);
        var refused = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<DecisionResult>("SendMessage", "BE/contact-point", "contact-point-network", null, huge, null, null));
        Assert.Contains("characters", refused.Message);
        Assert.Equal(HubConnectionState.Connected, al.State);
    }

    [Fact]
    public async Task Malformed_REST_bodies_and_unknown_ids_get_problem_details_that_name_the_field_and_echo_nothing_oversized()
    {
        var ex = await CreateAsync("AL/contact-point");
        using var http = server.Http();
        http.DefaultRequestHeaders.Add("X-Exercise-Key", ex.TrainerKey);
        var badTime = await Problem(await http.PostAsync($"/api/exercises/{ex.ExerciseId}/branch",
            new StringContent("{\"at\": \"not a time\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("at: not a valid value", badTime.GetProperty("detail").GetString());
        var notJson = await Problem(await http.PostAsync("/api/exercises", new StringContent("{scenario:", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("the body is not valid JSON (line 1, position", notJson.GetProperty("detail").GetString());
        var longId = new string('a', 5_000); // Kestrel refuses longer request lines itself (414)
        await Problem(await http.GetAsync($"/api/exercises/{longId}/clock"), HttpStatusCode.NotFound);
        var longScenario = await Problem(await http.PostAsJsonAsync("/api/exercises", new { scenario = longId }), HttpStatusCode.BadRequest);
        Assert.Contains("scenario", longScenario.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Seats_asked_for_twice_are_given_one_code()
    {
        using var http = server.Http();
        var seats = Enumerable.Repeat("AL/contact-point", 500).Append("BE/contact-point").ToArray();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        Assert.Equal(["AL/contact-point", "BE/contact-point"], created.Seats.Select(s => s.Seat));
        var unknown = await Problem(await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = Enumerable.Range(0, 500).Select(i => $"XX/seat-{i}").ToArray() }), HttpStatusCode.BadRequest);
        Assert.Contains("XX/seat-0", unknown.GetProperty("detail").GetString());
        Assert.Contains("and 495 more", unknown.GetProperty("detail").GetString());
        var tooMany = await Problem(await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = Enumerable.Repeat("AL/contact-point", 10_000).ToArray() }), HttpStatusCode.BadRequest);
        Assert.Contains("seats: at most 1000", tooMany.GetProperty("detail").GetString());
    }
}
