using Simulator.Core.Catalogue;
using Simulator.Core.Policies;
using Simulator.Scenarios.Scenario;

namespace Simulator.Scenarios.Planning;

/// <summary>
/// Runs a scenario many times under each policy, seeds <c>firstSeed</c> .. <c>firstSeed + runs - 1</c>, on every
/// core, and aggregates the outcomes as they come (each worker keeps its own statistics, merged at the end), so
/// memory stays flat however many runs. The same arguments give the same statistics, whatever the core count.
/// </summary>
public static class PolicyComparison
{
    public static IReadOnlyList<PolicyStatistics> Run(LoadedScenario scenario, InstrumentCatalogue catalogue, IReadOnlyList<IInvestigationPolicy> policies,
        int runs, long firstSeed = 1, int? parallelism = null, Action? onRunDone = null, CancellationToken cancellationToken = default)
    {
        if (runs < 1) throw new ArgumentException("--runs must be at least 1");
        var results = new List<PolicyStatistics>();
        foreach (var policy in policies)
        {
            var total = new PolicyStatistics(policy.Name);
            var gate = new object();
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
                () => new PolicyStatistics(policy.Name),
                (i, _, local) =>
                {
                    // Policies are stateless (they read the simulation through its context): one instance serves every run.
                    var outcome = HeadlessRunner.Run(scenario, catalogue, firstSeed + i, policy).Outcome();
                    local.Add(outcome);
                    onRunDone?.Invoke();
                    return local;
                },
                local => { lock (gate) total.Merge(local); });
            results.Add(total);
        }
        return results;
    }
}
