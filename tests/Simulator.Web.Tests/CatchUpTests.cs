using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Core.Decisions;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>
/// An event's audience is fixed when it happens: a connection catching up (GetJournal) is shown exactly what it was,
/// or would have been, pushed live, whatever its role, even when the exercise has changed since (a lead discovered
/// after an item was lost does not make the loss visible afterwards).
/// </summary>
public sealed class CatchUpTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class Console(HubConnection connection, long joinedAt, List<LiveEvent> pushed)
    {
        public HubConnection Connection => connection;
        public long JoinedAt => joinedAt;
        public List<LiveEvent> Pushed => pushed;
    }

    private async Task<Console> Join(string code)
    {
        var pushed = new List<LiveEvent>();
        var c = await server.ConnectAsync();
        c.On<string, List<LiveEvent>, ClockState>("Events", (_, events, _) => { lock (pushed) pushed.AddRange(events); });
        var view = await c.InvokeAsync<JsonElement>("Join", code);
        return new Console(c, view.GetProperty("lastSequence").GetInt64(), pushed);
    }

    [Fact]
    public async Task Catching_up_shows_each_role_exactly_what_it_was_pushed_live()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 1, seats = new[] { "AL/contact-point", "BE/contact-point" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(Json))!;
        var consoles = new Dictionary<string, Console>
        {
            ["trainer"] = await Join(ex.TrainerKey),
            ["observer"] = await Join(ex.ObserverCode),
            ["AL/contact-point"] = await Join(ex.Seats.Single(s => s.Seat == "AL/contact-point").Code),
            ["BE/contact-point"] = await Join(ex.Seats.Single(s => s.Seat == "BE/contact-point").Code),
        };
        var trainer = consoles["trainer"].Connection;
        var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
        // The ransom note reveals the negotiation mailbox; moved past the day the mailbox's login records are deleted,
        // Aldoria learns of the mailbox only after their loss was told (to the trainer and observers alone).
        Assert.True((await trainer.InvokeAsync<DecisionResult>("EditInject", "ransom-note", start.AddDays(29), null, null)).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(13));
        Assert.True((await consoles["AL/contact-point"].Connection.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null)).Accepted);
        await trainer.InvokeAsync<ClockState>("JumpTo", start.AddDays(30));

        var everything = await trainer.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        var lost = everything.Single(e => e.Type == "EvidenceLost" && e.Data.Contains("\"mailbox-login-ips\""));
        var discovered = everything.Single(e => e.Type == "LeadDiscovered" && e.Data.Contains("\"negotiation-mailbox\""));
        Assert.True(lost.Sequence < discovered.Sequence, "the login records must be lost before Aldoria knows the mailbox, or this test shows nothing");

        foreach (var (who, console) in consoles)
        {
            var caughtUp = await console.Connection.InvokeAsync<List<LiveEvent>>("GetJournal", console.JoinedAt, 5000);
            Assert.NotEmpty(caughtUp);
            // SignalR keeps order on a connection: once the catch-up's last event has arrived live, everything before it has.
            for (var i = 0; i < 200 && !Arrived(console, caughtUp[^1].Sequence); i++) await Task.Delay(25);
            List<LiveEvent> pushed;
            lock (console.Pushed) pushed = [.. console.Pushed];
            Assert.Equal(caughtUp.Select(e => (e.Sequence, e.Type, e.Data)), pushed.Select(e => (e.Sequence, e.Type, e.Data)));
            Assert.Equal(who is "trainer" or "observer", caughtUp.Any(e => e.Sequence == lost.Sequence));
        }
        foreach (var console in consoles.Values) await console.Connection.DisposeAsync();
    }

    private static bool Arrived(Console console, long sequence)
    {
        lock (console.Pushed) return console.Pushed.Any(e => e.Sequence >= sequence);
    }
}

/// <summary>A server follows an exercise while one of its consoles is connected to it, and no longer once the last has left.</summary>
public sealed class FollowTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task The_server_stops_following_an_exercise_when_its_last_console_leaves()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 2, seats = new[] { "AL/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var notifier = server.Services.GetRequiredService<Live.ExerciseNotifier>();
        var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var seat = await server.ConnectAsync();
        await seat.InvokeAsync<JsonElement>("Join", ex.Seats[0].Code);
        Assert.True(notifier.IsFollowing(ex.ExerciseId));
        await seat.DisposeAsync();
        await trainer.InvokeAsync<ClockState>("PauseClock"); // a round trip after the seat's disconnect: the trainer is still there
        Assert.True(notifier.IsFollowing(ex.ExerciseId));
        await trainer.DisposeAsync();
        for (var i = 0; i < 200 && notifier.IsFollowing(ex.ExerciseId); i++) await Task.Delay(25); // the server sees the disconnect in its own time
        Assert.False(notifier.IsFollowing(ex.ExerciseId));
    }
}
