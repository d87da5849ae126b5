using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.Web.Access;

namespace Simulator.Web.Tests;

/// <summary>
/// Guessing codes, throttled with back-off (issue 15 item 5): a connection waits longer after each wrong code from the
/// third and then may try no more, even the right one, while a new connection joins at once; an address that gives too
/// many wrong codes in a minute is held, told how long, each hold twice the last, and others are not; a target guessed
/// from many addresses holds each failing address to a few, never one that has not failed; only failures count.
/// </summary>
public sealed class ThrottleTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>An attempt that turns out wrong: begun, then settled as wrong; null when it was refused before it was tried.</summary>
    private static AttemptThrottle.Attempt? Wrong(AttemptThrottle throttle, string? connection, IPAddress address, out AttemptThrottle.Refusal? refusal, string target = AttemptThrottle.Codes)
    {
        var attempt = throttle.Begin(connection, address, target, out refusal);
        if (attempt is not null) throttle.Failed(attempt);
        return attempt;
    }

    [Fact]
    public async Task A_connection_waits_longer_after_each_wrong_code_from_the_third_then_may_try_no_more_and_a_new_one_joins()
    {
        using var server = new LiveServer(seedDatabase: null, new Dictionary<string, string> { ["Simulator:Limits:WrongCodesPerConnection"] = "5" });
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var code = ex.Seats.Single().Code;

        await using var guesser = await server.ConnectAsync();
        for (var i = 0; i < 3; i++)
            Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", $"WRONG{i:000}"))).Message);
        // From the third, each attempt waits: 1 s, then 2 s; the refusal says how long, and is not counted as wrong.
        var waiting = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", code));
        Assert.Contains("refused: 3 wrong codes on this connection: wait 1 s before the next", waiting.Message);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", "WRONG003"))).Message);
        Assert.Contains("wait 2 s", (await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", code))).Message);
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        Assert.Contains("unknown code", (await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", "WRONG004"))).Message);
        var stopped = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", code));
        Assert.Contains("refused: too many wrong codes on this connection (5): open a new connection", stopped.Message);

        await using var trainee = await server.ConnectAsync();
        var view = await trainee.InvokeAsync<JsonElement>("Join", code);
        Assert.Equal("AL/contact-point", view.GetProperty("identity").GetProperty("seat").GetString());
    }

    [Fact]
    public void An_address_that_gives_too_many_wrong_codes_waits_for_its_window_and_other_addresses_and_loopback_do_not()
    {
        var time = new ManualTime();
        var throttle = new AttemptThrottle(time, new ThrottleLimits(PerConnection: 10, PerAddressPerMinute: 3));
        var attacker = IPAddress.Parse("198.51.100.7");
        var classroom = IPAddress.Parse("203.0.113.20");
        AttemptThrottle.Refusal? refusal;
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(Wrong(throttle, $"c{i}", attacker, out refusal)); // a wrong code: the place stays taken
            time.Now += TimeSpan.FromSeconds(10);
        }
        Assert.Null(Wrong(throttle, "c9", attacker, out refusal));
        Assert.Equal(new AttemptThrottle.Refusal("too many wrong codes from your address: try again in 30 s", 30), refusal);
        Assert.NotNull(Wrong(throttle, "d1", classroom, out _)); // another address is not held up
        for (var i = 0; i < 10; i++) Assert.NotNull(Wrong(throttle, $"local{i}", IPAddress.Loopback, out _)); // the embedded server's own machine
        // Behind a reverse proxy on the same machine, loopback is every client: configured, it counts like any address.
        var proxied = new AttemptThrottle(time, new ThrottleLimits(10, 3, LimitLoopback: true));
        for (var i = 0; i < 3; i++) Assert.NotNull(Wrong(proxied, $"p{i}", IPAddress.Loopback, out _));
        Assert.Null(Wrong(proxied, "p9", IPAddress.Loopback, out _));

        time.Now += TimeSpan.FromSeconds(31); // the first failure ages out of the minute
        Assert.NotNull(Wrong(throttle, "c10", IPAddress.Parse("::ffff:198.51.100.7"), out _)); // the same address, IPv6-mapped
        Assert.Null(Wrong(throttle, "c11", attacker, out refusal));
        Assert.StartsWith("too many wrong codes from your address", refusal!.Reason);
    }

    [Fact]
    public void Right_codes_give_their_place_back_attempts_in_parallel_each_hold_one_and_an_IPv6_host_counts_by_its_64_bits()
    {
        var time = new ManualTime();
        var throttle = new AttemptThrottle(time, new ThrottleLimits(PerConnection: 2, PerAddressPerMinute: 2));
        var site = IPAddress.Parse("2001:db8:1:2::10");
        // Two attempts under way at once take both places: a third waits a second (no hold: they may both be right).
        var first = throttle.Begin("a", site, out _)!;
        var second = throttle.Begin("b", IPAddress.Parse("2001:db8:1:2::99"), out _)!; // the same /64
        Assert.Null(throttle.Begin("c", site, out var busy));
        Assert.Equal(new AttemptThrottle.Refusal("too many codes from your address are being checked at once: try again in 1 s", 1), busy);
        Assert.NotNull(Wrong(throttle, "d", IPAddress.Parse("2001:db8:1:3::10"), out _)); // another /64
        // The first was a right code: its place is free again, and its connection's count too.
        throttle.Succeeded(first);
        throttle.Failed(second);
        Assert.NotNull(Wrong(throttle, "a", site, out _));
        Assert.Null(Wrong(throttle, "e", site, out var held)); // both places now wrong: the address is held
        Assert.StartsWith("too many wrong codes from your address: try again in 60 s", held!.Reason);
        Assert.NotNull(Wrong(throttle, "a", IPAddress.Parse("192.0.2.1"), out _));
        Assert.Null(Wrong(throttle, "a", IPAddress.Parse("192.0.2.1"), out var refusal)); // two wrong on connection a
        Assert.StartsWith("too many wrong codes on this connection (2)", refusal!.Reason);
        throttle.Forget("a");
        Assert.NotNull(Wrong(throttle, "a", IPAddress.Parse("192.0.2.1"), out _));
        Assert.NotNull(second);
    }

    [Fact]
    public void An_address_held_again_waits_twice_as_long_each_time_up_to_the_longest_hold_and_an_hour_without_one_forgets_it()
    {
        var time = new ManualTime();
        var throttle = new AttemptThrottle(time, new ThrottleLimits(PerConnection: 1000, PerAddressPerMinute: 2, LongestHold: TimeSpan.FromMinutes(5)));
        var attacker = IPAddress.Parse("198.51.100.7");
        var n = 0;
        int? Held()
        {
            // Two wrong codes in the minute, then the third is refused: the address is held this long.
            while (Wrong(throttle, $"c{n++}", attacker, out _) is not null) { }
            return throttle.Begin($"c{n++}", attacker, out var again) is null ? again!.RetryAfterSeconds : null;
        }
        Assert.Equal(60, Held()); // the first hold: until the oldest failure ages out
        time.Now += TimeSpan.FromSeconds(60);
        Assert.Equal(120, Held()); // then twice the last
        time.Now += TimeSpan.FromSeconds(120);
        Assert.Equal(240, Held());
        time.Now += TimeSpan.FromSeconds(240);
        Assert.Equal(300, Held()); // up to the longest hold
        Assert.NotNull(throttle.Begin("other", IPAddress.Parse("198.51.100.8"), out _)); // the next address is not held

        time.Now += TimeSpan.FromSeconds(300) + TimeSpan.FromHours(1); // an hour after its last hold ended
        Assert.Equal(60, Held());
    }

    [Fact]
    public void A_target_that_many_addresses_fail_against_holds_each_failing_address_at_a_few_a_minute_while_others_and_classrooms_that_joined_do_not()
    {
        var time = new ManualTime();
        var throttle = new AttemptThrottle(time, new ThrottleLimits(PerConnection: 1000, PerAddressPerMinute: 120, PerTargetPerMinute: 50, PerAddressUnderAttack: 3));
        // A guess spread over 25 addresses, two wrong codes each: 50 wrong in the minute, each address well under its 120.
        for (var a = 1; a <= 25; a++)
            for (var i = 0; i < 2; i++) Assert.NotNull(Wrong(throttle, $"g{a}-{i}", IPAddress.Parse($"198.51.100.{a}"), out _));
        // Under attack, an address that has failed may fail only three times in its minute.
        Assert.NotNull(Wrong(throttle, "g1-2", IPAddress.Parse("198.51.100.1"), out _));
        Assert.Null(Wrong(throttle, "g1-3", IPAddress.Parse("198.51.100.1"), out var refusal));
        Assert.Equal("too many wrong attempts here, from many addresses: your address is held: try again in 60 s", refusal!.Reason);
        // A trainee who has not failed joins; and a classroom whose trainees have joined keeps its full limit for their typos.
        var trainee = throttle.Begin("t", IPAddress.Parse("203.0.113.20"), out _)!;
        throttle.Succeeded(trainee);
        for (var i = 0; i < 6; i++) Assert.NotNull(Wrong(throttle, $"t{i + 2}", IPAddress.Parse("203.0.113.20"), out _));
        // Another target is not under attack: the same address may still try an exercise's key there.
        Assert.NotNull(Wrong(throttle, null, IPAddress.Parse("198.51.100.2"), out _, AttemptThrottle.ExerciseKeys("ex-1")));
        Assert.NotNull(Wrong(throttle, null, IPAddress.Parse("198.51.100.2"), out _, AttemptThrottle.ExerciseKeys("ex-1")));
        // A minute later the guesses have aged out: no longer under attack.
        time.Now += TimeSpan.FromMinutes(2);
        for (var i = 0; i < 10; i++) Assert.NotNull(Wrong(throttle, $"late{i}", IPAddress.Parse("198.51.100.3"), out _));
    }

    [Fact]
    public async Task One_exercise_s_keys_guessed_from_many_addresses_hold_each_guessing_address_with_429_and_Retry_After_and_its_trainer_still_gets_in()
    {
        using var proxied = new LiveServer(seedDatabase: null, new Dictionary<string, string>
        {
            ["Simulator:ForwardedHeaders:KnownProxies:0"] = "127.0.0.0/8",
            ["Simulator:Limits:WrongAttemptsPerTargetPerMinute"] = "6",
            ["Simulator:Limits:WrongCodesPerAddressUnderAttack"] = "2",
        });
        using var http = proxied.Http();
        var created = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        var ex = (await created.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        async Task<HttpResponseMessage> Outcome(string key, string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
            request.Headers.Add("X-Exercise-Key", key);
            request.Headers.Add("X-Forwarded-For", client);
            return await http.SendAsync(request);
        }
        for (var a = 1; a <= 3; a++)
            for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Forbidden, (await Outcome("NOT-THE-KEY", $"198.51.100.{a}")).StatusCode);
        var held = await Outcome("NOT-THE-KEY", "198.51.100.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), held.Headers.RetryAfter?.Delta);
        Assert.Contains("from many addresses: your address is held", await held.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Outcome(ex.TrainerKey, "203.0.113.20")).StatusCode);
    }
}

/// <summary>
/// Behind a reverse proxy named in Simulator:ForwardedHeaders:KnownProxies, the throttle counts each client by the
/// address the proxy forwards (issue 15 item 7), not the proxy's own; a server that names no proxy believes no header.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<HttpStatusCode> WrongKey(LiveServer server, string exercise, string client)
    {
        using var http = server.Http();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{exercise}/outcome");
        request.Headers.Add("X-Exercise-Key", "NOT-THE-KEY");
        request.Headers.Add("X-Forwarded-For", client);
        return (await http.SendAsync(request)).StatusCode;
    }

    private static async Task<string> Create(LiveServer server)
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        return (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.ExerciseId;
    }

    [Fact]
    public async Task Behind_a_named_proxy_each_forwarded_client_is_counted_and_no_other_header_is_believed()
    {
        using var proxied = new LiveServer(seedDatabase: null, new Dictionary<string, string>
        {
            ["Simulator:ForwardedHeaders:KnownProxies:0"] = "127.0.0.0/8",
            ["Simulator:Limits:WrongCodesPerAddressPerMinute"] = "3",
        });
        var exercise = await Create(proxied);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Forbidden, await WrongKey(proxied, exercise, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongKey(proxied, exercise, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, await WrongKey(proxied, exercise, "203.0.113.8")); // another client behind the same proxy

        // Naming no proxy, the header is nobody's word: loopback stays loopback (not limited by address).
        using var direct = new LiveServer(seedDatabase: null, new Dictionary<string, string> { ["Simulator:Limits:WrongCodesPerAddressPerMinute"] = "3" });
        var other = await Create(direct);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Forbidden, await WrongKey(direct, other, "203.0.113.7"));
    }

    [Theory]
    [InlineData("Simulator:ForwardedHeaders:KnownProxies:0", "proxy.example", "Simulator:ForwardedHeaders:KnownProxies:0: an address (10.0.0.5) or a network (10.0.0.0/8), not 'proxy.example'")]
    [InlineData("Simulator:Limits:WrongCodesPerAddressUnderAttack", "0", "Simulator:Limits:WrongCodesPerAddressUnderAttack: a whole number from 1 to 1000000, not '0'")]
    [InlineData("Simulator:Limits:LongestHoldMinutes", "an hour", "Simulator:Limits:LongestHoldMinutes: a whole number from 1 to 10080, not 'an hour'")]
    public async Task A_proxy_or_limit_that_cannot_work_is_said_at_start_and_the_server_does_not_start(string setting, string value, string said)
    {
        var data = Directory.CreateTempSubdirectory("simulator-settings-").FullName;
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data, null, "--" + setting, value));
        Assert.Contains("the server exited with 2", failed.Message);
        Assert.Contains(said, failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }
}
