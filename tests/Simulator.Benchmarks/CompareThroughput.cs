using System.Diagnostics;
using Simulator.Core.Policies;
using Simulator.Planning.Runs;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Benchmarks;

/// <summary>
/// `-- --compare [--runs N]`: the target of issue 6, 1,000 runs of the reference scenario compared under one policy
/// in under 10 seconds on two cores, with memory flat as the number of runs grows. Prints wall time, runs per
/// second and the managed heap after each batch size, for docs/performance.md.
/// </summary>
public static class CompareThroughput
{
    public static void Run(string[] args)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Root(), "scenarios", "hospital-ransomware.yaml"));
        var catalogue = CatalogueLoader.Shipped;
        PolicyComparison.Run(scenario, catalogue, [new PreserveThenMlaPolicy()], 20); // warm up the JIT
        foreach (var runs in new[] { 250, 500, 1000, 2000 })
            foreach (var policy in new IInvestigationPolicy[] { new MlaOnlyPolicy(), new PreserveThenMlaPolicy() })
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var stats = PolicyComparison.Run(scenario, catalogue, [policy], runs).Single();
                watch.Stop();
                GC.Collect();
                Console.WriteLine($"{policy.Name,-18} {runs,5} runs on {Environment.ProcessorCount} cores: {watch.Elapsed.TotalSeconds,6:0.00} s, " +
                                  $"{runs / watch.Elapsed.TotalSeconds,5:0} runs/s, heap after {GC.GetTotalMemory(true) / 1048576.0,5:0.0} MB, secured {stats.SecuredShare:P1}");
            }
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the benchmark folder");
    }
}
