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
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Refusal($"c{i}", attacker));
            throttle.Failed($"c{i}", attacker);
            time.Now += TimeSpan.FromSeconds(10);
        }
        Assert.Equal("too many wrong codes from your address: try again in 30 s", throttle.Refusal("c9", attacker));
        Assert.Null(throttle.Refusal("d1", classroom)); // another address is not held up
        Assert.Null(throttle.Refusal("d2", IPAddress.Parse("::ffff:203.0.113.20")));
        for (var i = 0; i < 5; i++) throttle.Failed("local", IPAddress.Loopback);
        Assert.Null(throttle.Refusal("local2", IPAddress.Loopback)); // the embedded server's own machine

        time.Now += TimeSpan.FromSeconds(31); // the first failure ages out of the minute
        Assert.Null(throttle.Refusal("c10", attacker));
        // The same address seen as IPv6-mapped IPv4 is the same address.
        throttle.Failed("c10", IPAddress.Parse("::ffff:198.51.100.7"));
        Assert.StartsWith("too many wrong codes from your address", throttle.Refusal("c11", attacker));
    }
}
