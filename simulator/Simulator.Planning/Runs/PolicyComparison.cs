using Simulator.Core.Catalogue;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Scenarios;
using Simulator.Scenarios.Scenario;

namespace Simulator.Planning.Runs;

/// <summary>The baseline or one overlay under one policy: its statistics, and how it differs from the baseline run for run.</summary>
public sealed record VariantResult(string Name, string Title, IReadOnlyList<AppliedChange> Changes, PolicyStatistics Statistics, PairedDifference? VersusBaseline);

/// <summary>One policy's baseline (first) and overlays, side by side.</summary>
public sealed record PolicyVariants(string Policy, IReadOnlyList<VariantResult> Variants)
{
    public VariantResult Baseline => Variants[0];
}

/// <summary>
/// Runs a scenario many times under each policy, seeds <c>firstSeed</c> .. <c>firstSeed + runs - 1</c>, on every
/// core, and aggregates the outcomes as they come (each worker keeps its own statistics, merged at the end), so
/// memory stays flat however many runs. With overlays, each seed is played on the baseline and on every overlay
/// in the same step, so the differences are paired run for run. The same arguments give the same counts,
/// whatever the core count.
/// </summary>
public static class PolicyComparison
{
    public static IReadOnlyList<PolicyStatistics> Run(LoadedScenario scenario, InstrumentCatalogue catalogue, IReadOnlyList<IInvestigationPolicy> policies,
        int runs, long firstSeed = 1, int? parallelism = null, Action? onRunDone = null, CancellationToken cancellationToken = default) =>
        Run(scenario, [], catalogue, policies, runs, firstSeed, parallelism, onRunDone, cancellationToken).Select(p => p.Baseline.Statistics).ToList();

    public static IReadOnlyList<PolicyVariants> Run(LoadedScenario baseline, IReadOnlyList<AppliedOverlay> overlays, InstrumentCatalogue catalogue,
        IReadOnlyList<IInvestigationPolicy> policies, int runs, long firstSeed = 1, int? parallelism = null, Action? onRunDone = null,
        CancellationToken cancellationToken = default)
    {
        if (runs < 1) throw new ArgumentException("--runs must be at least 1");
        var scenarios = overlays.Select(o => o.Scenario).Prepend(baseline).ToList();
        var results = new List<PolicyVariants>();
        foreach (var policy in policies)
        {
            var total = new Worker(policy.Name, scenarios.Count);
            var gate = new object();
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
                () => new Worker(policy.Name, scenarios.Count),
                (i, _, local) =>
                {
                    // Policies are stateless (they read the simulation through its context): one instance serves every run.
                    RunMeasures? first = null;
                    for (var v = 0; v < scenarios.Count; v++)
                    {
                        var outcome = HeadlessRunner.Run(scenarios[v], catalogue, firstSeed + i, policy).Outcome();
                        local.Statistics[v].Add(outcome);
                        var measures = RunMeasures.Of(outcome);
                        if (v == 0) first = measures;
                        else local.Differences[v - 1].Add(first!, measures);
                        onRunDone?.Invoke();
                    }
                    return local;
                },
                local => { lock (gate) total.Merge(local); });
            var variants = new List<VariantResult> { new("baseline", "the scenario as written", [], total.Statistics[0], null) };
            for (var o = 0; o < overlays.Count; o++)
                variants.Add(new VariantResult(overlays[o].Id, overlays[o].Title, overlays[o].Changes, total.Statistics[o + 1], total.Differences[o]));
            results.Add(new PolicyVariants(policy.Name, variants));
        }
        return results;
    }

    /// <summary>One worker's share of the runs: statistics per variant, differences per overlay.</summary>
    private sealed class Worker(string policy, int variants)
    {
        public PolicyStatistics[] Statistics { get; } = Enumerable.Range(0, variants).Select(_ => new PolicyStatistics(policy)).ToArray();
        public PairedDifference[] Differences { get; } = Enumerable.Range(0, variants - 1).Select(_ => new PairedDifference()).ToArray();

        public void Merge(Worker other)
        {
            for (var v = 0; v < Statistics.Length; v++) Statistics[v].Merge(other.Statistics[v]);
            for (var d = 0; d < Differences.Length; d++) Differences[d].Merge(other.Differences[d]);
        }
    }
}

/// <summary>An evidence item secured more or less often under a variant than under the baseline (shares of runs).</summary>
public sealed record ItemShift(string Evidence, string Holder, double SecuredBefore, double SecuredAfter, double LostBefore, double LostAfter);

public static class VariantChanges
{
    /// <summary>The items whose secured or lost share moved by at least <paramref name="threshold"/>, biggest move first.</summary>
    public static IReadOnlyList<ItemShift> ItemsChanged(PolicyStatistics baseline, PolicyStatistics variant, double threshold = 0.05)
    {
        var before = baseline.Items.ToDictionary(i => i.Evidence);
        return variant.Items.Where(i => before.ContainsKey(i.Evidence))
            .Select(i => new ItemShift(i.Evidence, i.Holder, before[i.Evidence].Secured, i.Secured, before[i.Evidence].Lost, i.Lost))
            .Where(s => Math.Abs(s.SecuredAfter - s.SecuredBefore) >= threshold || Math.Abs(s.LostAfter - s.LostBefore) >= threshold)
            .OrderByDescending(s => Math.Max(Math.Abs(s.SecuredAfter - s.SecuredBefore), Math.Abs(s.LostAfter - s.LostBefore)))
            .ThenBy(s => s.Evidence, StringComparer.Ordinal).ToList();
    }
}
