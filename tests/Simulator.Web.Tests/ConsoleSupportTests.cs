using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Engine;
using Simulator.Core.Decisions;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// What the web console needs from the hub beyond acting: the instrument advisor, checking a drafted request with
/// its template before sending, who is connected, and the procedure diagrams and catalogue over REST.
/// </summary>
public sealed class ConsoleSupportTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly RequestParticulars Complete = new("illegal access, extortion", "ransomware at a hospital beaconing to Hostbay", "the flow logs rotate after 14 days");

    private async Task<(HubConnection Trainer, HubConnection Al, HubConnection Be, ExerciseCreated Ex)> StartAsync()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 5, seats = new[] { "AL/contact-point", "BE/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var al = await server.ConnectAsync();
        await al.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
        var be = await server.ConnectAsync();
        await be.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "BE/contact-point").Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13)); // the C2 server is known from 12:00
        return (trainer, al, be, ex);
    }

    [Fact]
    public async Task The_advisor_lists_every_instrument_best_first_with_conditions_deadlines_and_sources()
    {
        var (trainer, al, be, _) = await StartAsync();
        var advice = (await al.InvokeAsync<JsonElement>("Advise", new[] { "c2-flow-logs" }, false)).EnumerateArray().ToList();
        Assert.True(advice.Count >= 19);
        var first = advice[0];
        Assert.Equal("budapest-art29-preservation", first.GetProperty("instrument").GetString());
        Assert.True(first.GetProperty("mayIssue").GetBoolean());
        Assert.Equal("BE", first.GetProperty("requestedState").GetString());
        Assert.Contains(first.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("met").GetBoolean() && c.GetProperty("source").GetString()!.Contains("ETS185 Art. 29"));
        var mla = advice.Single(a => a.GetProperty("instrument").GetString() == "budapest-art31-mla");
        Assert.True(mla.GetProperty("applicable").GetBoolean());
        Assert.False(mla.GetProperty("mayIssue").GetBoolean()); // a prosecutor's or judge's, not the contact point's
        // Nothing has frozen the flow logs yet, so the request may be marked urgent (Art. 31(3)(a)); Art. 29 has no urgent mode.
        var urgent = mla.GetProperty("urgent");
        Assert.True(urgent.GetProperty("met").GetBoolean());
        Assert.StartsWith("ETS185 Art. 31(3)(a)", urgent.GetProperty("source").GetString());
        Assert.False(first.TryGetProperty("urgent", out _));
        var epoc = advice.Single(a => a.GetProperty("instrument").GetString() == "eu-epoc");
        Assert.False(epoc.GetProperty("applicable").GetBoolean());
        Assert.NotEmpty(epoc.GetProperty("problems").EnumerateArray());

        var notKnown = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<JsonElement>("Advise", new[] { "mailbox-content" }, false));
        Assert.Contains("has not been discovered", notKnown.Message);
        var foreign = await Assert.ThrowsAsync<HubException>(() => be.InvokeAsync<JsonElement>("Advise", new[] { "c2-flow-logs" }, false));
        Assert.Contains("does not investigate", foreign.Message);
        await Assert.ThrowsAsync<HubException>(() => trainer.InvokeAsync<JsonElement>("Advise", new[] { "c2-flow-logs" }, false));
    }

    [Fact]
    public async Task An_urgent_mutual_assistance_request_is_checked_sent_and_shown_as_urgent()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 5, seats = new[] { "AL/prosecutor" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var prosecutor = await server.ConnectAsync();
        await prosecutor.InvokeAsync<JsonElement>("Join", ex.Seats.Single().Code);
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13));

        // Without the urgency stated, the template is incomplete; with it, the Art. 31(3)(a) condition is shown as met.
        var unstated = await prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, Complete, true);
        Assert.Contains(unstated.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("urgency: an urgent request must give its grounds: data particularly vulnerable to loss or modification (ETS185 Art. 31(3)(a))"));
        var stated = Complete with { Urgency = "the flow logs rotate after 14 days and nothing has frozen them" };
        var check = await prosecutor.InvokeAsync<JsonElement>("CheckRequest", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, stated, true);
        Assert.True(check.GetProperty("canSend").GetBoolean(), check.ToString());
        Assert.Contains(check.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("condition").GetString()!.StartsWith("urgent:") && c.GetProperty("met").GetBoolean());

        var sent = await prosecutor.InvokeAsync<DecisionResult>("SendRequestWithTemplate", "budapest-art31-mla", new[] { "c2-flow-logs" }, false, null, stated, true);
        Assert.True(sent.Accepted, sent.Message);
        var outgoing = (await prosecutor.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("outgoing").EnumerateArray()
            .Single(r => r.GetProperty("request").GetString() == sent.Request);
        Assert.True(outgoing.GetProperty("urgent").GetBoolean());
        Assert.False(outgoing.GetProperty("emergency").GetBoolean());
        // Belmark may refuse mutual assistance for lack of dual criminality (Budapest Art. 25(4)): its review asks about it first.
        Assert.Equal(["dual-criminality", "complete", "proportionate", "no-ground"], outgoing.GetProperty("checks").EnumerateArray().Select(c => c.GetString()!).ToArray());
        http.DefaultRequestHeaders.Add("X-Exercise-Key", ex.TrainerKey);
        var drafted = (await http.GetStringAsync($"/api/exercises/{ex.ExerciseId}/journal")).Split('\n').Single(l => l.Contains("\"type\":\"RequestDrafted\"") && l.Contains(sent.Request!));
        Assert.Contains("\"urgent\":true", drafted);
    }

    [Fact]
    public async Task A_drafted_request_is_checked_with_its_template_and_sent_only_when_complete()
    {
        var (trainer, al, be, ex) = await StartAsync();
        var incomplete = new RequestParticulars("illegal access", "", null);
        var check = await al.InvokeAsync<JsonElement>("CheckRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, incomplete, false);
        Assert.False(check.GetProperty("canSend").GetBoolean());
        var problems = check.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("facts:") && p.Contains("Budapest Art. 29(2)(b)"));
        Assert.Contains(problems, p => p.Contains("necessity:") && p.Contains("Budapest Art. 29(2)(e)"));

        var emergency = await al.InvokeAsync<JsonElement>("CheckRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, true, null, Complete, false);
        Assert.Contains(emergency.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("urgency:"));

        var wrongRole = await al.InvokeAsync<JsonElement>("CheckRequest", "letters-rogatory", new[] { "c2-flow-logs" }, false, null, Complete, false);
        Assert.Contains(wrongRole.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("may not issue letters-rogatory"));

        var before = (await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count;
        var refused = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<DecisionResult>("SendRequestWithTemplate", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, incomplete, false));
        Assert.Contains("the request is incomplete: facts:", refused.Message);
        Assert.Equal(before, (await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000)).Count);

        var ok = await al.InvokeAsync<JsonElement>("CheckRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, Complete, false);
        Assert.True(ok.GetProperty("canSend").GetBoolean());
        Assert.Equal("hostbay", ok.GetProperty("provider").GetString());
        var sent = await al.InvokeAsync<DecisionResult>("SendRequestWithTemplate", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null, Complete, false);
        Assert.True(sent.Accepted);

        // The reviewer sees the template; the journal keeps it for the after-action report.
        var incoming = (await be.InvokeAsync<JsonElement>("GetView")).GetProperty("view").GetProperty("incoming").EnumerateArray()
            .Single(r => r.GetProperty("request").GetString() == sent.Request);
        Assert.Equal(Complete.Facts, incoming.GetProperty("particulars").GetProperty("facts").GetString());
        // Belmark made no Art. 29(4) reservation, so its review of a preservation does not ask about dual criminality.
        Assert.Equal(["complete", "proportionate", "no-ground"], incoming.GetProperty("checks").EnumerateArray().Select(c => c.GetString()!).ToArray());
        using var http = server.Http();
        http.DefaultRequestHeaders.Add("X-Exercise-Key", ex.TrainerKey);
        var journal = await http.GetStringAsync($"/api/exercises/{ex.ExerciseId}/journal");
        Assert.Contains("\"particulars\":{\"offence\":\"illegal access, extortion\"", journal);
    }

    [Fact]
    public async Task The_trainer_sees_who_is_connected_and_hears_when_someone_leaves()
    {
        var (trainer, al, be, _) = await StartAsync();
        var lines = await trainer.InvokeAsync<List<JsonElement>>("GetPresence");
        Assert.Equal(new[] { "AL/contact-point", "BE/contact-point", "trainer" }, lines.Select(l => l.GetProperty("who").GetString()!).Order().ToArray());
        var heard = new TaskCompletionSource<List<JsonElement>>();
        trainer.On<string, List<JsonElement>>("Presence", (_, l) => heard.TrySetResult(l));
        await be.DisposeAsync();
        var after = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(after, l => l.GetProperty("who").GetString() == "BE/contact-point");
        var refused = await Assert.ThrowsAsync<HubException>(() => al.InvokeAsync<List<JsonElement>>("GetPresence"));
        Assert.Contains("only the trainer and observers", refused.Message);
    }

    [Fact]
    public async Task The_procedures_and_the_catalogue_are_served_for_the_console()
    {
        using var http = server.Http();
        var procedures = await http.GetFromJsonAsync<List<JsonElement>>("/api/procedures");
        var request = procedures!.Single(p => p.GetProperty("name").GetString() == "request");
        Assert.StartsWith("stateDiagram-v2", request.GetProperty("mermaid").GetString());
        Assert.Contains("UnderReview --> Approved", request.GetProperty("mermaid").GetString());
        var instruments = await http.GetFromJsonAsync<List<JsonElement>>("/api/instruments");
        Assert.Contains(instruments!, i => i.GetProperty("id").GetString() == "eu-epoc" && i.GetProperty("legalBasis").GetString()!.Contains("REG Art"));
        var page = await http.GetStringAsync("/");
        var (_, _, _, ex) = await StartAsync();
        var clock = await http.GetStringAsync($"/api/exercises/{ex.ExerciseId}/clock");
        Assert.Matches("\"now\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", clock); // the hub's JSON style: UTC with Z
        Assert.DoesNotContain("null", clock);
        Assert.Contains("Start an exercise", page);
        Assert.Contains("signalr.min.js", await http.GetStringAsync("/exercise.html"));
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_requests_are_not_logged_by_default()
    {
        using var http = server.Http();
        foreach (var path in new[] { "/", "/exercise.html", "/js/exercise.js", "/api/scenarios", "/api/exercises/no-such/clock" })
        {
            using var response = await http.GetAsync(path);
            var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("connect-src 'self'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
        // The shipped settings keep ASP.NET Core's line per request out of the log (docs/security.md).
        var configuration = server.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Orleans"]);
    }

    [Fact]
    public async Task Every_shipped_scenario_starts_live_and_its_clock_runs_to_its_first_events()
    {
        using var http = server.Http();
        var scenarios = await http.GetFromJsonAsync<List<JsonElement>>("/api/scenarios");
        Assert.True(scenarios!.Count >= 7);
        foreach (var scenario in scenarios)
        {
            var id = scenario.GetProperty("id").GetString()!;
            var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = id, seed = 1 });
            Assert.True(response.IsSuccessStatusCode, $"{id}: {await response.Content.ReadAsStringAsync()}");
            var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
            Assert.NotEmpty(ex.Seats);
            await using var trainer = await server.ConnectAsync();
            await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
            var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
            var jumped = await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(2));
            Assert.Equal(start.AddDays(2), jumped.Now);
            var view = await trainer.InvokeAsync<JsonElement>("GetView");
            Assert.NotEmpty(view.GetProperty("view").GetProperty("injects").EnumerateArray());
        }
    }
}
