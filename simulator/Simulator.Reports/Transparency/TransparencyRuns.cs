using Simulator.Core.Catalogue;
using Simulator.Core.Policies;
using Simulator.Scenarios;
using Simulator.Scenarios.Scenario;

namespace Simulator.Reports.Transparency;

/// <summary>
/// Runs a scenario many times under one policy, seeds <c>firstSeed</c> .. <c>firstSeed + runs - 1</c>, on every core,
/// tallying each run as it finishes (one tally per worker, merged at the end), as <see cref="Planning.PolicyComparison"/>
/// does: memory stays flat, and the same arguments give the same figures whatever the core count.
/// </summary>
public static class TransparencyRuns
{
    public static TransparencyTally Run(LoadedScenario scenario, InstrumentCatalogue catalogue, IInvestigationPolicy policy, int runs,
        long firstSeed = 1, int? parallelism = null, Action? onRunDone = null, CancellationToken cancellationToken = default)
    {
        if (runs < 1) throw new ArgumentException("--runs must be at least 1");
        var total = new TransparencyTally();
        var gate = new object();
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            () => new TransparencyTally(),
            (i, _, local) =>
            {
                local.Add(HeadlessRunner.Run(scenario, catalogue, firstSeed + i, policy));
                onRunDone?.Invoke();
                return local;
            },
            local => { lock (gate) total.Merge(local); });
        return total;
    }
}
