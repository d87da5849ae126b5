using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Simulator:Data", DataFolder);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public LiveServer() : this(seedDatabase: null) { }

    /// <summary>A server whose data folder starts with a copy of <paramref name="seedDatabase"/> (a stored data folder's database).</summary>
    internal LiveServer(string? seedDatabase)
    {
        if (seedDatabase is not null) File.Copy(seedDatabase, Path.Combine(DataFolder, "simulator.db"));
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
