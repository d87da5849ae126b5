using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// The scope of a request on the live path (docs/safeguards.md): the form's check says what the reviewer will see
/// (what exceeds what the facts support, the records it brings), a scope out of shape is refused with its field, and
/// the reviewing seat narrows an over-broad request to the need.
/// </summary>
public sealed class ScopeTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static object Template(string? from = null, string? to = null, string[]? identifiers = null, bool minimise = false) => new
    {
        minimise,
        offence = "illegal access, extortion",
        facts = "ransomware at a hospital beaconing to 198.51.100.23 at Hostbay",
        necessity = "the flow logs show who administered the server",
        identifiers,
        from,
        to,
    };

    private async Task<(HubConnection Trainer, HubConnection Prosecutor, HubConnection Reviewer, ExerciseCreated Ex, DateTimeOffset Start)> StartAsync()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 5, seats = new[] { "AL/prosecutor", "BE/central-authority" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var prosecutor = await server.ConnectAsync();
        await prosecutor.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "AL/prosecutor").Code);
        var reviewer = await server.ConnectAsync();
        await reviewer.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "BE/central-authority").Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13)); // the C2 server is known from the hospital's report
        return (trainer, prosecutor, reviewer, ex, start);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    [Fact]
    public async Task The_check_says_what_the_reviewer_will_see_of_the_scope_and_a_scope_out_of_shape_is_refused_with_its_field()
    {
        var (_, prosecutor, _, _, start) = await StartAsync();
        var within = await prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, Template(), false);
        var scope = within.GetProperty("scope");
        Assert.Equal("what the facts support", scope.GetProperty("asked").GetString());
        Assert.Empty(scope.GetProperty("excess").EnumerateArray());
        Assert.Equal(["198.51.100.23"], scope.GetProperty("supportedIdentifiers").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal(start.AddDays(-5), scope.GetProperty("supportedFrom").GetDateTimeOffset());
        Assert.Equal(55, scope.GetProperty("records").GetInt32()); // 60 records over the six days the facts support, five and a half of them past at 13:00

        var broad = await prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null,
            Template(from: Iso(start.AddDays(-60)), identifiers: ["198.51.100.23", "198.51.100.24"]), false);
        Assert.True(broad.GetProperty("canSend").GetBoolean(), broad.ToString()); // over-breadth is for the reviewer to answer, not a bar to sending
        var excess = broad.GetProperty("scope").GetProperty("excess").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("identifiers 198.51.100.24: the facts name only 198.51.100.23", excess);
        Assert.Contains(excess, e => e.StartsWith("window: it starts 55d before the period the facts support for c2-server", StringComparison.Ordinal));
        Assert.StartsWith("ETS185 Art. 25(4)", broad.GetProperty("scope").GetProperty("reviewSource").GetString());

        var badTime = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, Template(from: "last spring"), false));
        Assert.Contains("refused: template.from: 'last spring' is not a time: write ISO 8601", badTime.Message);
        var notIso = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, Template(from: "03/01/2026"), false));
        Assert.Contains("refused: template.from: '03/01/2026' is not a time", notIso.Message);
        var yearOne = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, Template(to: "9999-12-31T23:59"), false));
        Assert.Contains("refused: template.to: '9999-12-31T23:59' is outside 1970-2199", yearOne.Message);
        var backwards = await Assert.ThrowsAsync<HubException>(() => prosecutor.InvokeAsync<DecisionResult>("SendRequestWithTemplate", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null,
            Template(from: Iso(start), to: Iso(start.AddDays(-1))), false));
        Assert.Contains("refused: template.to: the window ends before it starts", backwards.Message);
    }

    [Fact]
    public async Task The_reviewing_seat_narrows_an_over_broad_request_and_both_sides_see_it_narrowed()
    {
        var (trainer, prosecutor, reviewer, ex, start) = await StartAsync();
        var sent = await prosecutor.InvokeAsync<DecisionResult>("SendRequestWithTemplate", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null,
            Template(from: Iso(start.AddDays(-60)), minimise: true), false);
        Assert.True(sent.Accepted, sent.Message);
        JsonElement incoming = default;
        for (var i = 0; i < 400; i++)
        {
            incoming = (await reviewer.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("incoming").EnumerateArray()
                .SingleOrDefault(r => r.GetProperty("request").GetString() == sent.Request);
            if (incoming.ValueKind != JsonValueKind.Undefined && incoming.GetProperty("state").GetString() == "under-review") break;
            await trainer.InvokeAsync<ClockState>("JumpToNextEvent");
        }
        Assert.Equal("under-review", incoming.GetProperty("state").GetString());
        Assert.True(incoming.GetProperty("scope").GetProperty("narrowable").GetBoolean());
        var checks = incoming.GetProperty("checks").EnumerateArray().Select(c => c.GetString()!).Where(c => c != "proportionate").ToArray();
        var narrowed = await reviewer.InvokeAsync<DecisionResult>("AnswerRequestWithChecklist", sent.Request, "narrow", null, "the facts support five days of this address", checks);
        Assert.True(narrowed.Accepted, narrowed.Message);
        var again = await Assert.ThrowsAsync<HubException>(() => reviewer.InvokeAsync<DecisionResult>("AnswerRequestWithChecklist", sent.Request, "narrow", null, null, checks));
        Assert.Contains("not under review", again.Message);

        var outgoing = (await prosecutor.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray()
            .Single(r => r.GetProperty("request").GetString() == sent.Request);
        Assert.True(outgoing.GetProperty("scope").GetProperty("narrowed").GetBoolean());
        using var http = server.Http();
        http.DefaultRequestHeaders.Add("X-Exercise-Key", ex.TrainerKey);
        var journal = (await http.GetStringAsync($"/api/exercises/{ex.ExerciseId}/journal")).Split('\n');
        Assert.Contains(journal, l => l.Contains("\"type\":\"RequestScopeAssessed\"") && l.Contains(sent.Request!));
        Assert.Contains(journal, l => l.Contains("\"type\":\"RequestDrafted\"") && l.Contains(sent.Request!) && l.Contains("\"minimise\":true"));
        Assert.True(outgoing.GetProperty("minimise").GetBoolean());
        Assert.Contains(journal, l => l.Contains("\"type\":\"RequestNarrowed\"") && l.Contains("\"by\":\"BE/central-authority\""));
    }
}
