using System.Net.Http.Json;
using System.Text.Json;
using Simulator.Web.Tests;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // one server and one browser at a time on 2 cores

namespace Simulator.Console.Tests;

/// <summary>
/// The console tests share one server and one browser (xunit runs them one class after another): starting each
/// again per class cost seconds and tested nothing more. Each test creates its own exercise.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "one console server";
}

/// <summary>The real server as a child process on a loopback port, with its own SQLite folder, and one browser.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("simulator-console-").FullName;
    public int Port { get; } = ServerProcess.FreePort();
    public ServerProcess Server { get; private set; } = null!;
    public Browser Browser { get; } = new();
    public Uri Address => Server.Address;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(DataFolder, Port);
        await Browser.InitializeAsync();
    }

    /// <summary>Kills the server (as a crash would) and starts it again on the same port and data.</summary>
    public async Task RestartAsync()
    {
        Server.Kill();
        Server.Dispose();
        Server = await ServerProcess.StartAsync(DataFolder, Port);
    }

    public async Task<JsonElement> ClockAsync(string exerciseId)
    {
        using var http = new HttpClient { BaseAddress = Address };
        return await http.GetFromJsonAsync<JsonElement>($"/api/exercises/{exerciseId}/clock");
    }

    public async Task<string> JournalTextAsync(string exerciseId, string trainerKey)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Exercise-Key", trainerKey);
        return await http.GetStringAsync($"/api/exercises/{exerciseId}/journal");
    }

    public async Task<int> JournalLinesAsync(string exerciseId, string trainerKey)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Exercise-Key", trainerKey);
        var text = await http.GetStringAsync($"/api/exercises/{exerciseId}/journal");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Server?.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
