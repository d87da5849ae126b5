using System.Diagnostics;
using Simulator.Core.Policies;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Benchmarks;

/// <summary>
/// A plain loop on one thread: N full runs of the reference scenario with fresh seeds, reporting runs per second
/// and bytes allocated per run. Quicker than BenchmarkDotNet and good enough to see a regression.
/// </summary>
internal static class QuickThroughput
{
    public static void Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(500);
        var scenario = ScenarioLoader.Load(Paths.ReferenceScenario());
        var catalogue = CatalogueLoader.Shipped;
        foreach (var policy in PolicyCatalogue.All)
        {
            for (var i = 0; i < 150; i++) HeadlessRunner.Run(scenario, catalogue, 1_000_000 + i, policy); // warm-up: let tiered JIT settle
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long events = 0;
            for (var seed = 1; seed <= runs; seed++)
                events += HeadlessRunner.Run(scenario, catalogue, seed, policy).Journal.Entries.Count;
            watch.Stop();
            var perRun = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs;
            Console.WriteLine($"{policy.Name,-20} {runs / watch.Elapsed.TotalSeconds,8:0.0} runs/s  {watch.Elapsed.TotalMilliseconds / runs,6:0.00} ms/run  {perRun / 1024.0,8:0} KiB/run  {events / (double)runs,5:0} events/run");
        }
    }
}

internal static class QuickSplit
{
    public static void Run()
    {
        var scenario = ScenarioLoader.Load(Paths.ReferenceScenario());
        var catalogue = CatalogueLoader.Shipped;
        for (var i = 0; i < 20; i++) WorldBuilder.Build(scenario, catalogue, i);
        var a = GC.GetAllocatedBytesForCurrentThread();
        var w = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++) WorldBuilder.Build(scenario, catalogue, i);
        Console.WriteLine($"build: {w.Elapsed.TotalMilliseconds / 200:0.00} ms, {(GC.GetAllocatedBytesForCurrentThread() - a) / 200 / 1024} KiB");
        var built = WorldBuilder.Build(scenario, catalogue, 1);
        a = GC.GetAllocatedBytesForCurrentThread();
        w.Restart();
        var loops = Environment.GetEnvironmentVariable("SPLIT_LOOPS") is { } l ? int.Parse(l) : 200;
        for (var i = 0; i < loops; i++)
        {
            var s = new Simulator.Core.Engine.Simulation(built.World, built.Catalogue, new Simulator.Core.Engine.SimulationOptions(i, new PreserveThenMlaPolicy()));
            s.Start(); s.RunToEnd();
        }
        Console.WriteLine($"simulate: {w.Elapsed.TotalMilliseconds / loops:0.00} ms, {(GC.GetAllocatedBytesForCurrentThread() - a) / loops / 1024} KiB");
    }
}
