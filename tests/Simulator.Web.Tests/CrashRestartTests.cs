using Simulator.Core.Decisions;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;

namespace Simulator.Web.Tests;

/// <summary>A server killed with SIGKILL in the middle of a stream of actions, and started again on the same data.</summary>
public sealed class CrashRestartTests
{
    [Fact]
    public async Task No_acknowledged_action_is_lost_when_the_server_is_killed_and_restarted()
    {
        var data = Directory.CreateTempSubdirectory("simulator-crash-").FullName;
        ExerciseCreated ex;
        var acknowledged = new List<string>();
        DateTimeOffset clockBefore;
        byte[] journalPrefix;
        using (var first = await ServerProcess.StartAsync(data))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 9, seats = new[] { "AL/contact-point", "AL/prosecutor" } });
            ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
            var trainer = await Connect(first.Address, ex.TrainerKey);
            var seat = await Connect(first.Address, ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
            var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
            await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
            await trainer.InvokeAsync<ClockState>("SetSpeed", 3600.0);
            await trainer.InvokeAsync<ClockState>("StartClock");

            // A stream of actions; the server dies under it after the 25th acknowledgement.
            var stream = Task.Run(async () =>
            {
                for (var i = 0; i < 400; i++)
                {
                    try
                    {
                        var r = await seat.InvokeAsync<DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
                        lock (acknowledged) acknowledged.Add(r.Request!);
                    }
                    catch (Exception) { return; } // the connection died with the server: these were never acknowledged
                }
            });
            while (true)
            {
                lock (acknowledged) if (acknowledged.Count >= 25) break;
                await Task.Delay(5);
            }
            // Pausing stores the clock: everything in the journal from here on comes from acknowledged actions.
            clockBefore = (await trainer.InvokeAsync<ClockState>("PauseClock")).Now;
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/journal");
            request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
            journalPrefix = await (await http.SendAsync(request)).Content.ReadAsByteArrayAsync();
            first.Kill();
            await stream;
        }
        Assert.True(acknowledged.Count >= 25);

        using var second = await ServerProcess.StartAsync(data);
        var trainerAgain = await Connect(second.Address, ex.TrainerKey);
        var events = await trainerAgain.InvokeAsync<List<LiveEvent>>("GetJournal", 0L, 5000);
        var drafted = events.Where(e => e.Type == "RequestDrafted").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("request").GetString()).ToHashSet();
        Assert.All(acknowledged, id => Assert.Contains(id, drafted));

        // The journal rebuilt by replay starts with exactly the bytes served before the crash, and still verifies.
        using var http2 = new HttpClient { BaseAddress = second.Address };
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/journal");
        again.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var journal = await (await http2.SendAsync(again)).Content.ReadAsByteArrayAsync();
        var prefixLines = System.Text.Encoding.UTF8.GetString(journalPrefix).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = System.Text.Encoding.UTF8.GetString(journal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(Simulator.Core.Journal.JournalVerifier.Verify(lines).Valid);
        Assert.True(lines.Length >= prefixLines.Length);
        Assert.Equal(prefixLines, lines.Take(prefixLines.Length));
        var clockAfter = await trainerAgain.InvokeAsync<ClockState>("PauseClock");
        Assert.Equal(clockBefore, clockAfter.Now);
        // Waking the stored exercises waited for the silo: no placement failed while it started.
        Assert.DoesNotContain(second.Output, line => line.Contains("No active nodes are compatible", StringComparison.Ordinal));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Messages_referrals_and_answers_to_injects_survive_a_SIGKILL()
    {
        var data = Directory.CreateTempSubdirectory("simulator-crash-").FullName;
        ExerciseCreated ex;
        string Code(string seat) => ex.Seats.Single(s => s.Seat == seat).Code;
        using (var first = await ServerProcess.StartAsync(data))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 9, seats = new[] { "AL/investigator", "AL/prosecutor" } });
            ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
            var trainer = await Connect(first.Address, ex.TrainerKey);
            var investigator = await Connect(first.Address, Code("AL/investigator"));
            var start = (await trainer.InvokeAsync<ClockState>("PauseClock")).Start;
            await trainer.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
            Assert.True((await investigator.InvokeAsync<DecisionResult>("Refer", "hospital-report", "AL/prosecutor", "yours to issue")).Accepted);
            Assert.True((await investigator.InvokeAsync<DecisionResult>("SendMessage", "hostbay", "secure-email", "VPS", "Please keep the data", null, null)).Accepted);
            Assert.True((await investigator.InvokeAsync<DecisionResult>("RespondToInject", "hospital-report", "decision", "Keep the images")).Accepted);
            first.Kill(); // acknowledged, so stored: nothing else is needed for them to survive
        }
        using var second = await ServerProcess.StartAsync(data);
        var again = await Connect(second.Address, Code("AL/prosecutor"));
        var prosecutor = (await again.InvokeAsync<JsonElement>("GetView")).GetProperty("view");
        Assert.Contains(prosecutor.GetProperty("injects").EnumerateArray(), i => i.GetProperty("referredBy").GetString() == "AL/investigator");
        var investigatorAgain = await Connect(second.Address, Code("AL/investigator"));
        var view = (await investigatorAgain.InvokeAsync<JsonElement>("GetView")).GetProperty("view");
        Assert.Equal("hostbay", view.GetProperty("messages")[0].GetProperty("to").GetString());
        Assert.Equal("Keep the images", view.GetProperty("responses")[0].GetProperty("text").GetString());
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_running_clock_killed_with_SIGKILL_resumes_at_or_after_every_event_the_consoles_were_shown()
    {
        // Kill points: a running clock at a day per second, killed at several moments after the first events were pushed.
        foreach (var after in new[] { 300, 900, 1700 })
        {
            var data = Directory.CreateTempSubdirectory("simulator-rewind-").FullName;
            ExerciseCreated ex;
            var shown = new List<LiveEvent>();
            using (var first = await ServerProcess.StartAsync(data))
            {
                using var http = new HttpClient { BaseAddress = first.Address };
                var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 4, seats = new[] { "AL/investigator" } });
                ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
                var trainer = new HubConnectionBuilder().WithUrl(new Uri(first.Address, "/hubs/exercise")).Build();
                trainer.On<string, List<LiveEvent>, ClockState>("Events", (_, events, _) => { lock (shown) shown.AddRange(events); });
                await trainer.StartAsync();
                await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
                await trainer.InvokeAsync<ClockState>("SetSpeed", 86400.0);
                await trainer.InvokeAsync<ClockState>("StartClock");
                while (true)
                {
                    lock (shown) if (shown.Count > 0) break;
                    await Task.Delay(10);
                }
                await Task.Delay(after);
                first.Kill();
            }
            LiveEvent last;
            lock (shown) last = shown.MaxBy(e => e.Sequence)!;

            using var second = await ServerProcess.StartAsync(data);
            var again = await Connect(second.Address, ex.TrainerKey);
            var clock = await again.InvokeAsync<ClockState>("PauseClock");
            Assert.True(clock.Now >= last.At, $"killed {after} ms in: the clock resumed at {clock.Now:O}, before event {last.Sequence} shown at {last.At:O}");
            var journal = await again.InvokeAsync<List<LiveEvent>>("GetJournal", last.Sequence - 1, 1);
            var replayed = Assert.Single(journal);
            Assert.Equal((last.Type, last.At), (replayed.Type, replayed.At)); // the same event, replayed, not lost
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<HubConnection> Connect(Uri address, string code)
    {
        var c = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/exercise")).Build();
        await c.StartAsync();
        await c.InvokeAsync<JsonElement>("Join", code);
        return c;
    }
}
