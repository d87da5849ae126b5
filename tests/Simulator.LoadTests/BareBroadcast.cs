using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.LoadTests;

/// <summary>The baseline: a hub that does nothing but broadcast a message to a group, on its own loopback port.</summary>
public sealed class BareHub : Hub
{
    public Task Enter() => Groups.AddToGroupAsync(Context.ConnectionId, "all");
    public Task Broadcast(string payload) => Clients.Group("all").SendAsync("Events", payload);
}

public static class BareBroadcast
{
    public static async Task<List<double>> MeasureAsync(int clients, int rounds, string payload)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        var latencies = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var received = new long[clients];
            var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
            {
                var c = new HubConnectionBuilder().WithUrl(new Uri(address, "/bare")).Build();
                c.On<string>("Events", _ => Interlocked.CompareExchange(ref received[i], Stopwatch.GetTimestamp(), 0));
                await c.StartAsync();
                await c.InvokeAsync("Enter");
                return c;
            }));
            await Task.Delay(500);
            GC.Collect();
            await Task.Delay(200);
            var sender = connections[0];
            var sent = Stopwatch.GetTimestamp();
            await sender.InvokeAsync("Broadcast", payload);
            var deadline = Stopwatch.StartNew();
            while (received.Any(r => r == 0) && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(1);
            if (round > 0) latencies.AddRange(received.Where(r => r != 0).Select(r => Stopwatch.GetElapsedTime(sent, r).TotalMilliseconds));
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
        await app.StopAsync();
        return latencies;
    }
}
