using BenchmarkDotNet.Attributes;
using Simulator.Core.Policies;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Benchmarks;

/// <summary>
/// One full headless run of the reference scenario: world building with Bogus synthetic data for a fresh seed,
/// the run itself with its hash-chained journal, and the outcome. Target (issue 2): at least 100 runs per second
/// on one core.
/// </summary>
[MemoryDiagnoser]
public class HeadlessRunBenchmarks
{
    private LoadedScenario _scenario = null!;
    private long _seed;

    [Params("mla-only", "preserve-then-mla", "direct-orders-first")]
    public string Policy { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioLoader.Load(Paths.ReferenceScenario());

    [Benchmark]
    public int FullRun()
    {
        var simulation = HeadlessRunner.Run(_scenario, CatalogueLoader.Shipped, ++_seed, PolicyCatalogue.Get(Policy));
        return simulation.Outcome().Summary.Secured;
    }
}

internal static class Paths
{
    public static string ReferenceScenario()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "hospital-ransomware.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "hospital-ransomware.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("run the benchmarks from the repository root: scenarios/hospital-ransomware.yaml not found");
    }
}
