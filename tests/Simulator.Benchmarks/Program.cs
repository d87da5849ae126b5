using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Simulator.Benchmarks;

// `dotnet run -c Release --project tests/Simulator.Benchmarks` runs BenchmarkDotNet (allocations per run included);
// `-- --quick` runs a plain single-core throughput loop instead, for a fast check. Results: docs/performance.md.
if (args.Contains("--split")) { QuickSplit.Run(); return; }
if (args.Contains("--compare")) { CompareThroughput.Run(args); return; }
if (args.Contains("--quick"))
{
    QuickThroughput.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(HeadlessRunBenchmarks).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
