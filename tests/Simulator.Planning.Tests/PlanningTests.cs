using Simulator.Core.Policies;
using Simulator.Planning.Runs;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Planning.Tests;

/// <summary>Comparing policies over many runs: the streaming statistics, and the comparison on the reference scenario.</summary>
public class PlanningTests
{
    private static LoadedScenario Reference() => ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));

    [Fact]
    public void Quantiles_of_known_durations_are_within_one_bin()
    {
        var h = new DurationHistogram();
        Assert.Null(h.Quantile(0.5));
        for (var i = 1; i <= 100; i++) h.Add(TimeSpan.FromHours(i));
        Assert.Equal(100, h.Count);
        Assert.InRange(h.Quantile(0.5)!.Value.TotalHours, 50 / 1.03, 50 * 1.03);
        Assert.InRange(h.Quantile(0.9)!.Value.TotalHours, 90 / 1.03, 90 * 1.03);
        Assert.InRange(h.Quantile(1.0)!.Value.TotalHours, 100 / 1.03, 100 * 1.03);
        var other = new DurationHistogram();
        for (var i = 101; i <= 200; i++) other.Add(TimeSpan.FromHours(i));
        h.Merge(other);
        Assert.InRange(h.Quantile(0.5)!.Value.TotalHours, 100 / 1.03, 100 * 1.03);
    }

    [Fact]
    public void The_statistics_do_not_depend_on_how_many_cores_ran_them()
    {
        var policies = new IInvestigationPolicy[] { new MlaOnlyPolicy() };
        var one = PolicyComparison.Run(Reference(), CatalogueLoader.Shipped, policies, 6, parallelism: 1).Single();
        var two = PolicyComparison.Run(Reference(), CatalogueLoader.Shipped, policies, 6, parallelism: 2).Single();
        Assert.Equal((one.Runs, one.Evidence, one.Secured, one.Lost), (two.Runs, two.Evidence, two.Secured, two.Lost));
        Assert.Equal(one.TimeToEvidence.Quantile(0.5), two.TimeToEvidence.Quantile(0.5));
        Assert.Equal(one.MeanSecuredShare, two.MeanSecuredShare, 12);
        Assert.Equal(one.Gaps().Select(g => (g.Where, g.ItemsLostPerRun)), two.Gaps().Select(g => (g.Where, g.ItemsLostPerRun)));
    }

    [Fact]
    public void Runs_with_known_outcomes_add_up_and_rank_the_costliest_gap_first()
    {
        var scenario = Reference();
        // Seeds 1 to 3 run one by one, as the shipped-scenario tests do, give the expected totals.
        var expected = Enumerable.Range(1, 3).Select(s => HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, s, new MlaOnlyPolicy()).Outcome()).ToList();
        var stats = PolicyComparison.Run(scenario, CatalogueLoader.Shipped, [new MlaOnlyPolicy()], 3).Single();
        Assert.Equal(3, stats.Runs);
        Assert.Equal(expected.Sum(o => o.Summary.Evidence), stats.Evidence);
        Assert.Equal(expected.Sum(o => o.Summary.Secured), stats.Secured);
        Assert.Equal(expected.Sum(o => o.Summary.Lost), stats.Lost);
        Assert.Equal(expected.Average(o => (double)o.Summary.Secured / o.Summary.Evidence), stats.MeanSecuredShare, 12);
        var gaps = stats.Gaps();
        var first = gaps[0];
        Assert.Equal("evidence lost", first.Kind);
        Assert.Equal(gaps.Where(g => g.Kind == "evidence lost").Max(g => g.ItemsLostPerRun), first.ItemsLostPerRun);
        Assert.Contains(gaps, g => g.Kind == "time spent" && g.DaysPerRun > 0);

        var preserve = PolicyComparison.Run(scenario, CatalogueLoader.Shipped, [new PreserveThenMlaPolicy()], 3).Single();
        Assert.True(preserve.Lost < stats.Lost);
        var (low, high) = preserve.SecuredShareInterval();
        Assert.InRange(preserve.MeanSecuredShare, low, high);
    }
}
