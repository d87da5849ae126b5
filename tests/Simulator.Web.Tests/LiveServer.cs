using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.Web.Tests;

/// <summary>
/// The real app (silo + hub + API) on a loopback port with its own data folder and Orleans ports, shared by the
/// tests of one class. Clients are real SignalR clients over TCP.
/// </summary>
public sealed class LiveServer : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("simulator-web-").FullName;
    public Uri Address { get; private set; } = null!;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly TimeProvider? _realTime;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Simulator:Data", DataFolder);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        foreach (var (name, value) in _settings ?? new Dictionary<string, string>()) builder.UseSetting(name, value);
        // The real time the exercises see (a console's token expiry, the clock's measure), when a test moves it by hand.
        if (_realTime is not null)
            builder.ConfigureTestServices(s => s.AddSingleton(new Simulator.Grains.Exercises.ExerciseWallClock(_realTime)));
    }

    public LiveServer() : this(seedDatabase: null) { }

    /// <summary>A server whose data folder starts with a copy of <paramref name="seedDatabase"/> (a stored data folder's database), with these settings and this real time.</summary>
    internal LiveServer(string? seedDatabase, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? realTime = null)
    {
        _settings = settings;
        _realTime = realTime;
        if (seedDatabase is not null)
        {
            File.Copy(seedDatabase, Path.Combine(DataFolder, "simulator.db"));
            // A data folder written since codes are hashed comes with the key they were hashed under.
            var key = Path.Combine(Path.GetDirectoryName(seedDatabase)!, "secret.key");
            if (File.Exists(key)) File.Copy(key, Path.Combine(DataFolder, "secret.key"));
        }
        UseKestrel(0);
        StartServer();
        Address = new Uri(ClientOptions.BaseAddress.ToString());
    }

    public HttpClient Http() => new() { BaseAddress = Address };

    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(Address, "/hubs/exercise")).Build();
        await connection.StartAsync();
        return connection;
    }

    public static int FreePort() => ServerProcess.FreePort();
}
