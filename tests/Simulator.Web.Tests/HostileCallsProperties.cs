using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.Web.Hubs;

namespace Simulator.Web.Tests;

/// <summary>
/// Property-based tests of the network's side (issue 15 item 9): every hub method called with random arguments of
/// its parameters' types (hostile strings, ids near and past their limits, real seat and evidence ids, extreme
/// numbers and instants, nulls), and the REST API sent random bodies, ids and keys, answer or refuse: a
/// <see cref="HubException"/> of ours, never an exception we did not catch, and the connection stays open; over REST never a 5xx, and every 4xx with a problem-details body. CsCheck prints the seed
/// of a failure to replay it.
/// </summary>
public sealed class HostileCallsProperties(LiveServer server) : IClassFixture<LiveServer>
{
    private const int Iterations = 400;

    private static readonly string[] Hostile =
    [
        "", " ", "\0", "\u001b[31m", "\u202e", "<script>alert(1)</script>", "'; drop table exercises; --", "../../etc/passwd", "%00", "{", "null",
        "AL/contact-point", "BE/contact-point", "AL/prosecutor", "XX/nobody", "c2-flow-logs", "req-001", "req-999", "judge-on-call", "budapest-art29-preservation",
        "approve", "refuse", "narrow", "email", "phone", "trainer", "observer", "t-abcdef", "1e308", "-1", "P99999999D", "9999-12-31T23:59:59Z",
        new string('x', 101), new string('é', 5000),
    ];

    private static readonly Gen<string> Text = Gen.OneOf(Gen.OneOf(Hostile), Gen.String[Gen.Char, 0, 40], Gen.String[Gen.Char.AlphaNumeric, 0, 12]);

    /// <summary>A value of <paramref name="type"/>, as a hostile client would send it (null included where the type allows it).</summary>
    private static Gen<object?> Value(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null || !type.IsValueType;
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        Gen<object?> value =
            inner == typeof(string) ? Text.Select(s => (object?)s)
            : inner == typeof(string[]) ? Text.Array[0, 6].Select(a => (object?)a)
            : inner == typeof(long[]) ? Gen.Long.Array[0, 6].Select(a => (object?)a)
            : inner == typeof(int) ? Gen.OneOf(Gen.Int, Gen.OneOf(0, -1, 1, 8, 1000, 1001, int.MaxValue, int.MinValue)).Select(i => (object?)i)
            : inner == typeof(long) ? Gen.OneOf(Gen.Long, Gen.OneOf(0L, -1L, long.MaxValue)).Select(i => (object?)i)
            : inner == typeof(double) ? Gen.OneOf(Gen.Double, Gen.OneOf(0.0, -1.0, 1e308, 1e-308, 3600.0)).Select(d => (object?)d)
            : inner == typeof(bool) ? Gen.Bool.Select(b => (object?)b)
            : inner == typeof(DateTimeOffset) ? Gen.OneOf(Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero)),
                Gen.OneOf(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(2026, 9, 8, 6, 0, 0, TimeSpan.Zero))).Select(d => (object?)d)
            : inner == typeof(RequestTemplate) ? Gen.Select(Text, Text.Array[0, 4], (s, ids) => (object?)new { subject = s, identifiers = ids, facts = s, purpose = s })
            : throw new InvalidOperationException($"no generator for {type} (add one: every hub method is called here)");
        return nullable ? Gen.Frequency((1, Gen.Bool.Select(_ => (object?)null)), (6, value)) : value;
    }

    /// <summary>The hub methods a joined console calls, by their parameters; Leave and the joins end or change the connection itself.</summary>
    private static readonly MethodInfo[] Methods = typeof(ExerciseHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.ReturnType.IsGenericType || m.ReturnType == typeof(Task))
        .Where(m => m.Name is not ("Leave" or "Join" or "JoinAs" or "JoinAsOrganiser" or "OnDisconnectedAsync" or "OnConnectedAsync" or "Dispose"))
        .OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    private static readonly Gen<(MethodInfo Method, object?[] Args)> Call =
        Gen.Int[0, Methods.Length - 1].SelectMany(i =>
        {
            var method = Methods[i];
            var parameters = method.GetParameters();
            return parameters.Aggregate(Gen.Const(Array.Empty<object?>()), (args, p) => args.SelectMany(a => Value(p.ParameterType).Select(v => (object?[])[.. a, v])))
                .Select(args => (method, args));
        });

    private async Task<(HubConnection Trainer, HubConnection Seat)> JoinedAsync()
    {
        using var http = server.Http();
        var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point", "BE/contact-point" } });
        var ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var trainer = await server.ConnectAsync();
        await trainer.InvokeAsync<JsonElement>("Join", ex.TrainerKey);
        var seat = await server.ConnectAsync();
        await seat.InvokeAsync<JsonElement>("Join", ex.Seats.Single(s => s.Seat == "AL/contact-point").Code);
        return (trainer, seat);
    }

    [Fact]
    public async Task Every_hub_method_called_with_random_arguments_answers_or_refuses_with_its_reason_and_keeps_the_connection()
    {
        var (trainer, seat) = await JoinedAsync();
        await using var _ = trainer;
        await using var __ = seat;
        var refusals = 0;
        await Call.Select(Gen.Bool).SampleAsync(async pair =>
        {
            var ((method, args), asTrainer) = pair;
            var connection = asTrainer ? trainer : seat;
            try { await connection.InvokeCoreAsync(method.Name, typeof(JsonElement), args); }
            catch (HubException refused)
            {
                Interlocked.Increment(ref refusals);
                // SignalR names the exception's type only for a HubException: anything else we let escape reads "An unexpected error occurred invoking 'X' on the server." alone.
                Assert.True(refused.Message.Contains(" HubException: "), $"{method.Name}({Describe(args)}) as {(asTrainer ? "trainer" : "seat")}: {refused.Message}");
            }
            Assert.True(connection.State == HubConnectionState.Connected, $"{method.Name}({Describe(args)}) closed the connection");
        }, iter: Iterations, threads: 1);
        Assert.True(refusals > Iterations / 4, $"only {refusals} of {Iterations} random calls refused: the generator no longer reaches the validation");
    }

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, json) => depth >= 3
        ? Gen.OneOf(Text.Select(s => JsonSerializer.Serialize(s)), Gen.Double.Select(d => JsonSerializer.Serialize(d)), Gen.OneOf("null", "true", "1e999", "-0", "99999999999999999999"))
        : Gen.OneOf(
            Text.Select(s => JsonSerializer.Serialize(s)),
            json.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.OneOf("scenario", "seed", "policy", "speed", "seats", "at", "overlay", "toEnd", "name", "password", "x"), json, (k, v) => $"\"{k}\":{v}").Array[0, 5]
                .Select(fields => "{" + string.Join(",", fields) + "}")));

    private static readonly Gen<string> Body = Gen.OneOf(Json, Gen.String[Gen.Char, 0, 60],
        Gen.Select(Gen.OneOf(Hostile), Gen.Long, Gen.OneOf(Hostile).Array[0, 4], (s, seed, seats) => JsonSerializer.Serialize(new { scenario = s, seed, seats })));

    private static readonly string[] Routes =
    [
        "POST /api/exercises", "POST /api/exercises/{id}/branch", "GET /api/exercises/{id}/outcome", "GET /api/exercises/{id}/journal",
        "GET /api/exercises/{id}/record", "GET /api/exercises/{id}/clock", "GET /api/exercises/{id}/timeline", "GET /api/exercises/{id}/reports/{id}.{id}",
        "GET /api/exercises/{id}/communications.{id}", "POST /api/sign-in", "POST /api/exercises/{id}/trainer-key", "GET /api/overlays?scenario={id}",
    ];

    [Fact]
    public async Task The_REST_API_sent_random_bodies_ids_and_keys_never_fails_and_answers_every_4xx_with_problem_details()
    {
        using var http = server.Http();
        var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        var ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var ids = Gen.OneOf(Gen.Const(ex.ExerciseId), Gen.OneOf("ex-0000000000", "html", "json", "csv", "debrief", "%2e%2e", "x%00y"), Gen.String[Gen.Char.AlphaNumeric, 1, 20]);
        var keys = Gen.OneOf(Gen.Bool.Select(_ => (string?)null), Gen.Const<string?>(ex.TrainerKey), Gen.Const<string?>(ex.ObserverCode), Gen.String[Gen.Char.AlphaNumeric, 0, 30].Select(s => (string?)s));
        await Gen.Select(Gen.OneOf(Routes), ids, keys, Body).SampleAsync(async call =>
        {
            var (route, id, key, body) = call;
            var (verb, template) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            var path = template.Replace("{id}", Uri.EscapeDataString(id));
            using var request = new HttpRequestMessage(new HttpMethod(verb), path);
            if (key is not null) request.Headers.TryAddWithoutValidation("X-Exercise-Key", key);
            if (verb == "POST") request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var said = $"{verb} {path} key {key ?? "none"} body {Clip(body)} -> {(int)response.StatusCode} {Clip(text)}";
            Assert.True((int)response.StatusCode < 500, said);
            if ((int)response.StatusCode >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", said);
                Assert.True(text.Length < 4_000, said); // nothing oversized echoed
            }
        }, iter: Iterations, threads: 1);
    }

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";

    private static string Describe(object?[] args) => Clip(string.Join(", ", args.Select(a => a is null ? "null" : JsonSerializer.Serialize(a))));
}
