using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Tests;

/// <summary>
/// One in-process silo for the grain tests, with a SQLite store in a temporary folder. The grain timers (the
/// exercise clock's ticks, the views and entity records after a step) and the exercise clock's measure of real time
/// run on one <see cref="FakeTimeProvider"/>, so a test moves time itself and never waits for it; the rest of
/// Orleans (membership, messaging) keeps the system clock.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("simulator-grains-").FullName;
    /// <summary>The key the test store's codes are hashed under (a file in the data folder, as the server's default).</summary>
    public Simulator.Grains.Access.SecretHasher Secrets => Simulator.Grains.Access.SecretHasher.FromFile(Path.Combine(DataFolder, "secret.key"));
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddCoreTypeSerialization();
            silo.AddSqliteExerciseStorage(Path.Combine(DataFolder, "test.db"), Secrets);
            silo.Services.AddSingleton(new ExerciseWallClock(Time));
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Time);
            silo.Services.AddLogging(l => l.AddFilter("Orleans", LogLevel.Warning));
        });
        builder.ConfigureClient(client => client.Services.AddCoreTypeSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static string ScenarioText()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", "hospital-ransomware.yaml");
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException("scenarios/hospital-ransomware.yaml");
    }
}
