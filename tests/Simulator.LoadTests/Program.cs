using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.LoadTests;
using Simulator.Web.Tests;

// Live-exercise load benchmark, on loopback only:
//   1. 300 clients seated in one exercise: latency of an inject to all of them, against a bare SignalR broadcast
//      of the same message to 300 clients measured in the same run;
//   2. trainee actions at 100 per second: time until each is durable and acknowledged;
//   3. jumping a live exercise of the reference scenario 30 simulated days ahead.
// dotnet run -c Release --project tests/Simulator.LoadTests [-- --clients 300 --rounds 8 --actions 1000 --each-round]
// `-- --views [--requests 1000]` times instead, in-process, the views pushed after each of the actions in 2.
if (args.Contains("--views")) { ViewCost.Run(args); return; }
// `-- --soak [--clients 500 --minutes 10]`: many clients for many minutes; missing events and the server's memory (Soak.cs).
if (args.Contains("--soak")) { await Soak.RunAsync(args); return; }
var clients = Arg("--clients", 300);
var rounds = Arg("--rounds", 8);
// Each round's figures, to see whether a tail comes from a few slow rounds (the first ones, while the JIT works).
var eachRound = args.Contains("--each-round");
var actions = Arg("--actions", 1000);

using var server = await ServerProcess.StartAsync(Directory.CreateTempSubdirectory("simulator-load-").FullName);
using var http = new HttpClient { BaseAddress = server.Address };
Console.WriteLine($"server {server.Address}, {clients} clients, {rounds} inject rounds, {actions} actions");

// 1. Injects to 300 seated clients.
var injectLatencies = new List<double>();
string sample = "";
// Round 0 warms the server's and the clients' code paths up and is not counted, here and in the baseline.
for (var round = 0; round <= rounds; round++)
{
    var ex = await Create(http, ["AL/investigator", "AL/contact-point"]);
    var trainer = await Connect(server.Address, ex.TrainerKey);
    await trainer.InvokeAsync<TokenList>("SetTraineesPerSeat", Math.Clamp(clients, 1, 1000)); // every client joins the one seat
    var code = ex.Seats.Single(s => s.Seat == "AL/investigator").Code;
    var received = new long[clients];
    var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
    {
        var c = await Connect(server.Address, code, raw =>
        {
            var at = Stopwatch.GetTimestamp();
            if (raw.Contains("\"InjectDelivered\"", StringComparison.Ordinal) && Interlocked.CompareExchange(ref received[i], at, 0) == 0 && i == 0)
                sample = raw;
        });
        return c;
    }));
    await Settle();
    var view = await trainer.InvokeAsync<JsonElement>("GetView");
    var inject = view.GetProperty("view").GetProperty("injects").EnumerateArray()
        .First(i => i.GetProperty("status").GetString() == "pending" && i.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.StartsWith("AL", StringComparison.Ordinal)))
        .GetProperty("inject").GetString()!;
    var sent = Stopwatch.GetTimestamp();
    await trainer.InvokeAsync<Simulator.Core.Decisions.DecisionResult>("FireInject", inject);
    await WaitAll(received);
    if (round > 0)
    {
        var these = received.Select(r => Stopwatch.GetElapsedTime(sent, r).TotalMilliseconds).ToList();
        injectLatencies.AddRange(these);
        if (eachRound) Console.WriteLine($"  round {round}: p50 {P(these, 50):0.0} max {these.Max():0.0} first {these.Min():0.0}");
    }
    await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    await trainer.DisposeAsync();
}

// The same message, broadcast by a bare SignalR hub to the same number of clients, in the same run.
var bareLatencies = await BareBroadcast.MeasureAsync(clients, rounds, sample);

// 2. Actions at 100 per second, each acknowledged only once stored.
var exercise = await Create(http, ["AL/contact-point"]);
var boss = await Connect(server.Address, exercise.TrainerKey);
var start = (await boss.InvokeAsync<ClockState>("PauseClock")).Start;
await boss.InvokeAsync<ClockState>("JumpTo", start.AddHours(7));
var seat = await Connect(server.Address, exercise.Seats.Single(s => s.Seat == "AL/contact-point").Code);
var actionLatencies = new List<double>();
var actionIndex = new List<int>();
await Settle();
var pacing = Stopwatch.StartNew();
var inFlight = new List<Task>();
for (var i = 0; i < actions; i++)
{
    var due = TimeSpan.FromMilliseconds(i * 10.0);
    if (pacing.Elapsed < due) await Task.Delay(due - pacing.Elapsed);
    var index = i;
    inFlight.Add(Task.Run(async () =>
    {
        var t0 = Stopwatch.GetTimestamp();
        var r = await seat.InvokeAsync<Simulator.Core.Decisions.DecisionResult>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs" }, false, null);
        if (!r.Accepted) throw new InvalidOperationException(r.Message);
        lock (actionLatencies) { actionLatencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds); actionIndex.Add(index); }
    }));
}
await Task.WhenAll(inFlight);
var rate = actions / pacing.Elapsed.TotalSeconds;
// With --each-round, each hundred actions' figures: a tail that grows with the exercise shows there.
if (eachRound)
    foreach (var hundred in actionIndex.Zip(actionLatencies).GroupBy(x => x.First / 100).OrderBy(g => g.Key))
    {
        var these = hundred.Select(x => x.Second).ToList();
        Console.WriteLine($"  actions {hundred.Key * 100 + 1}-{hundred.Key * 100 + these.Count}: p50 {P(these, 50):0.0} max {these.Max():0.0}, {these.Count(l => l > 10)} over 10 ms");
    }

// 3. Jump 30 simulated days in a live exercise of the reference scenario, each time in a fresh exercise: with one
// seat of Aldoria taken (the engine plays its other offices, and every other state), then with all five taken
// (nobody acts for Aldoria). The first jump of each runs code paths for the first time; it is reported apart.
var (coldJump, jump, jumpEvents) = await Jumps(["AL/contact-point"]);
var (coldSeatedJump, seatedJump, seatedJumpEvents) = await Jumps(["AL/investigator", "AL/prosecutor", "AL/judge", "AL/contact-point", "AL/central-authority"]);

Console.WriteLine($"inject to {clients} seated clients: p50 {P(injectLatencies, 50):0.0} ms, p99 {P(injectLatencies, 99):0.0} ms ({injectLatencies.Count} deliveries)");
Console.WriteLine($"bare SignalR broadcast to {clients}: p50 {P(bareLatencies, 50):0.0} ms, p99 {P(bareLatencies, 99):0.0} ms ({bareLatencies.Count} deliveries)");
Console.WriteLine($"inject p99 / bare p99: {P(injectLatencies, 99) / P(bareLatencies, 99):0.00} (target <= 2)");
Console.WriteLine($"actions at {rate:0} per second: p50 {P(actionLatencies, 50):0.0} ms, p99 {P(actionLatencies, 99):0.0} ms to durable acknowledgement (target p99 < 50 ms)");
Console.WriteLine($"jump 30 simulated days, engine plays Aldoria's empty offices: first {coldJump:0} ms, then {string.Join(" / ", jump.Select(j => $"{j:0}"))} ms, {jumpEvents} journal events (target < 2000 ms)");
Console.WriteLine($"jump 30 simulated days, all of Aldoria seated: first {coldSeatedJump:0} ms, then {string.Join(" / ", seatedJump.Select(j => $"{j:0}"))} ms, {seatedJumpEvents} journal events");
return;

async Task<(double First, List<double> Then, int Events)> Jumps(string[] seats)
{
    var times = new List<double>();
    var first = 0.0;
    var events = 0;
    for (var i = 0; i <= 3; i++)
    {
        var exercise = await Create(http, seats);
        await using var trainer = await Connect(server.Address, exercise.TrainerKey);
        var from = (await trainer.InvokeAsync<ClockState>("PauseClock")).Now;
        var watch = Stopwatch.StartNew();
        await trainer.InvokeAsync<ClockState>("JumpTo", from.AddDays(30));
        if (i == 0) first = watch.Elapsed.TotalMilliseconds; else times.Add(watch.Elapsed.TotalMilliseconds);
        events = (await trainer.InvokeAsync<JsonElement>("GetJournal", 0L, 100_000)).GetArrayLength();
    }
    return (first, times, events);
}

static double P(List<double> values, double percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);

static async Task<ExerciseCreated> Create(HttpClient http, string[] seats)
{
    var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seed = 1, seats });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
}

static async Task<HubConnection> Connect(Uri address, string code, Action<string>? onEvents = null)
{
    var c = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/exercise")).Build();
    if (onEvents is not null)
        c.On<string, JsonElement, JsonElement>("Events", (_, events, _) => onEvents(events.GetRawText()));
    await c.StartAsync();
    await c.InvokeAsync<JsonElement>("Join", code);
    return c;
}

// Both measurements start from a quiet server: joins done, their garbage collected.
static async Task Settle()
{
    await Task.Delay(500);
    GC.Collect();
    await Task.Delay(200);
}

static async Task WaitAll(long[] received)
{
    var deadline = Stopwatch.StartNew();
    while (received.Any(r => r == 0))
    {
        if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"{received.Count(r => r == 0)} clients never received the inject");
        await Task.Delay(1);
    }
}
