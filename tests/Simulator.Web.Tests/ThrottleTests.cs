using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Simulator.Grains.Contracts;
using Simulator.Web.Access;

namespace Simulator.Web.Tests;

/// <summary>
/// Guessing codes, throttled (issue 15 item 5): a connection that gives ten wrong codes may try no more, even the right
/// one, while a new connection joins at once; an address that gives too many wrong codes in a minute waits, told how
/// long, and others do not; only failures count.
/// </summary>
public sealed class ThrottleTests(LiveServer server) : IClassFixture<LiveServer>
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_connection_that_gives_ten_wrong_codes_may_try_no_more_and_a_new_one_joins_with_the_right_code()
    {
        using var http = server.Http();
        var response = await http.PostAsJsonAsync("/api/exercises", new { scenario = "hospital-ransomware", seats = new[] { "AL/contact-point" } });
        var ex = (await response.Content.ReadFromJsonAsync<ExerciseCreated>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var code = ex.Seats.Single().Code;

        await using var guesser = await server.ConnectAsync();
        for (var i = 0; i < 10; i++)
        {
            var wrong = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", $"WRONG{i:000}"));
            Assert.Contains("unknown code", wrong.Message);
        }
        var stopped = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<JsonElement>("Join", code));
        Assert.Contains("refused: too many wrong codes on this connection (10): open a new connection", stopped.Message);

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
        string? refusal;
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(throttle.Begin($"c{i}", attacker, out refusal)); // a wrong code: the place stays taken
            time.Now += TimeSpan.FromSeconds(10);
        }
        Assert.Null(throttle.Begin("c9", attacker, out refusal));
        Assert.Equal("too many wrong codes from your address: try again in 30 s", refusal);
        Assert.NotNull(throttle.Begin("d1", classroom, out _)); // another address is not held up
        for (var i = 0; i < 10; i++) Assert.NotNull(throttle.Begin($"local{i}", IPAddress.Loopback, out _)); // the embedded server's own machine
        // Behind a reverse proxy on the same machine, loopback is every client: configured, it counts like any address.
        var proxied = new AttemptThrottle(time, new ThrottleLimits(10, 3, LimitLoopback: true));
        for (var i = 0; i < 3; i++) Assert.NotNull(proxied.Begin($"p{i}", IPAddress.Loopback, out _));
        Assert.Null(proxied.Begin("p9", IPAddress.Loopback, out _));

        time.Now += TimeSpan.FromSeconds(31); // the first failure ages out of the minute
        Assert.NotNull(throttle.Begin("c10", IPAddress.Parse("::ffff:198.51.100.7"), out _)); // the same address, IPv6-mapped
        Assert.Null(throttle.Begin("c11", attacker, out refusal));
        Assert.StartsWith("too many wrong codes from your address", refusal);
    }

    [Fact]
    public void Right_codes_give_their_place_back_attempts_in_parallel_each_hold_one_and_an_IPv6_host_counts_by_its_64_bits()
    {
        var time = new ManualTime();
        var throttle = new AttemptThrottle(time, new ThrottleLimits(PerConnection: 2, PerAddressPerMinute: 2));
        var site = IPAddress.Parse("2001:db8:1:2::10");
        // Two attempts under way at once take both places: a third waits, whatever their outcome will be.
        var first = throttle.Begin("a", site, out _)!;
        var second = throttle.Begin("b", IPAddress.Parse("2001:db8:1:2::99"), out _)!; // the same /64
        Assert.Null(throttle.Begin("c", site, out _));
        Assert.NotNull(throttle.Begin("d", IPAddress.Parse("2001:db8:1:3::10"), out _)); // another /64
        // The first was a right code: its place is free again, and its connection's count too.
        throttle.Succeeded(first);
        Assert.NotNull(throttle.Begin("a", site, out _));
        Assert.NotNull(throttle.Begin("a", IPAddress.Parse("192.0.2.1"), out _));
        Assert.Null(throttle.Begin("a", IPAddress.Parse("192.0.2.1"), out var refusal)); // two wrong on connection a
        Assert.StartsWith("too many wrong codes on this connection (2)", refusal);
        throttle.Forget("a");
        Assert.NotNull(throttle.Begin("a", IPAddress.Parse("192.0.2.1"), out _));
        Assert.NotNull(second);
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

    [Fact]
    public async Task A_proxy_that_is_not_an_address_is_said_at_start_and_the_server_does_not_start()
    {
        var data = Directory.CreateTempSubdirectory("simulator-proxies-").FullName;
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(data, null, "--Simulator:ForwardedHeaders:KnownProxies:0", "proxy.example"));
        Assert.Contains("the server exited with 2", failed.Message);
        Assert.Contains("Simulator:ForwardedHeaders:KnownProxies:0: an address (10.0.0.5) or a network (10.0.0.0/8), not 'proxy.example'", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }
}
