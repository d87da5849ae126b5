using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.Web.Tests;

namespace Simulator.LoadTests;

/// <summary>
/// The soak (issue 15 item 9): many clients seated in several live exercises for many minutes, the clocks running
/// and the seats acting, on loopback. At the end every client's pushed events are held against the journal as that
/// client's identity reads it: an event it should have seen and was not pushed is missing, one it was pushed and may
/// not read leaked. The server's resident memory is sampled throughout: flat, or growing with what the exercises hold.
/// dotnet run -c Release --project tests/Simulator.LoadTests -- --soak [--clients 500 --minutes 10 --exercises 5 --speed 3600]
/// </summary>
public static class Soak
{
    private static readonly string[] Seats = ["AL/investigator", "AL/prosecutor", "AL/contact-point", "BE/contact-point", "DR/contact-point"];

    private sealed class Client(HubConnection connection, string exercise, string seat, long joinedAt)
    {
        public string Seat { get; } = seat;
        public HubConnection Connection { get; } = connection;
        public string Exercise { get; } = exercise;
        public long JoinedAt { get; } = joinedAt;
        public ConcurrentDictionary<long, byte> Received { get; } = new();
        public int Closed;
    }

    public static async Task RunAsync(string[] args)
    {
        var clients = Arg(args, "--clients", 500);
        var minutes = Arg(args, "--minutes", 10);
        var exercises = Arg(args, "--exercises", 5);
        var speed = Arg(args, "--speed", 3600);
        using var server = await ServerProcess.StartAsync(Directory.CreateTempSubdirectory("simulator-soak-").FullName);
        using var http = new HttpClient { BaseAddress = server.Address };
        Console.WriteLine($"soak: server {server.Address}, {clients} clients in {exercises} exercises, {minutes} min, speed {speed}");

        var made = new List<(ExerciseCreated Created, HubConnection Trainer)>();
        for (var e = 0; e < exercises; e++)
        {
            var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = e + 1, seats = Seats });
            response.EnsureSuccessStatusCode();
            var created = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
            var trainer = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/exercise")).Build();
            await trainer.StartAsync();
            await trainer.InvokeAsync<JsonElement>("Join", created.TrainerKey);
            await trainer.InvokeAsync<TokenList>("SetTraineesPerSeat", 1000);
            made.Add((created, trainer));
        }

        var all = new List<Client>();
        for (var i = 0; i < clients; i++)
        {
            var (created, _) = made[i % exercises];
            var seat = Seats[i / exercises % Seats.Length];
            var code = created.Seats.Single(s => s.Seat == seat).Code;
            var connection = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/exercise")).Build();
            Client? client = null;
            var early = new ConcurrentQueue<long>();
            connection.On<string, JsonElement, JsonElement>("Events", (_, events, _) =>
            {
                foreach (var e in events.EnumerateArray())
                {
                    var sequence = e.GetProperty("sequence").GetInt64();
                    if (client is { } c) c.Received[sequence] = 0; else early.Enqueue(sequence);
                }
            });
            await connection.StartAsync();
            var view = await connection.InvokeAsync<JsonElement>("Join", code);
            client = new Client(connection, created.ExerciseId, seat, view.GetProperty("lastSequence").GetInt64());
            foreach (var s in early) client.Received[s] = 0;
            connection.Closed += _ => { Interlocked.Exchange(ref client.Closed, 1); return Task.CompletedTask; };
            all.Add(client);
        }
        Console.WriteLine($"  {all.Count} clients joined; clocks start");
        foreach (var (_, trainer) in made)
        {
            await trainer.InvokeAsync<ClockState>("SetSpeed", (double)speed);
            await trainer.InvokeAsync<ClockState>("StartClock");
        }

        var memory = new List<(double Minute, long Bytes)>();
        var actions = 0;
        var refused = 0;
        var actors = all.Where(c => c.Seat.EndsWith("/contact-point", StringComparison.Ordinal)).ToList();
        var watch = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        var actor = 0;
        while (watch.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            if (watch.Elapsed >= nextSample)
            {
                var rss = ResidentBytes(server.ProcessId);
                memory.Add((watch.Elapsed.TotalMinutes, rss));
                Console.WriteLine($"  {watch.Elapsed.TotalMinutes,5:0.0} min: server {rss / 1048576.0:0} MB resident, {actions} actions ({refused} refused), {all.Sum(c => c.Received.Count)} events pushed");
                nextSample += TimeSpan.FromSeconds(30);
            }
            // A seat somewhere acts twice a second: a preservation request, the kind every scenario starts with.
            var who = actors[actor++ % actors.Count];
            try
            {
                var r = await who.Connection.InvokeAsync<Simulator.Core.Decisions.DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
                if (r.Accepted) actions++; else refused++;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) { refused++; } // a state with nothing of c2-flow-logs to ask for, or the exercise ended
            await Task.Delay(500);
        }

        foreach (var (_, trainer) in made) await trainer.InvokeAsync<ClockState>("PauseClock");
        await Task.Delay(3000); // the last pushes arrive
        long expected = 0, missing = 0, leaked = 0;
        var closed = all.Count(c => c.Closed == 1);
        foreach (var client in all)
        {
            var readable = new HashSet<long>();
            for (var after = client.JoinedAt; ;)
            {
                var page = await client.Connection.InvokeAsync<JsonElement>("GetJournal", after, 1000);
                if (page.GetArrayLength() == 0) break;
                foreach (var e in page.EnumerateArray()) readable.Add(after = e.GetProperty("sequence").GetInt64());
            }
            expected += readable.Count;
            missing += readable.Count(s => !client.Received.ContainsKey(s));
            leaked += client.Received.Keys.Count(s => s > client.JoinedAt && !readable.Contains(s));
        }
        var steady = memory.Where(m => m.Minute >= 1).ToList(); // the first minute: joins, JIT, caches filling
        Console.WriteLine($"soak: {clients} clients, {minutes} min, {actions} actions ({refused} refused), {expected} events each client should have seen");
        Console.WriteLine($"  missing {missing}, leaked {leaked}, connections closed {closed}");
        if (steady.Count >= 2)
            Console.WriteLine($"  server memory after the first minute: {steady[0].Bytes / 1048576.0:0} MB -> max {steady.Max(m => m.Bytes) / 1048576.0:0} MB -> last {steady[^1].Bytes / 1048576.0:0} MB ({Slope(steady):0.0} MB a minute)");
        foreach (var c in all) await c.Connection.DisposeAsync();
        foreach (var (_, trainer) in made) await trainer.DisposeAsync();
    }

    /// <summary>The least-squares slope of resident memory against time, in MB a minute.</summary>
    private static double Slope(List<(double Minute, long Bytes)> points)
    {
        var mx = points.Average(p => p.Minute);
        var my = points.Average(p => p.Bytes / 1048576.0);
        var num = points.Sum(p => (p.Minute - mx) * (p.Bytes / 1048576.0 - my));
        var den = points.Sum(p => (p.Minute - mx) * (p.Minute - mx));
        return den == 0 ? 0 : num / den;
    }

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
}
