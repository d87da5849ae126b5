namespace Simulator.Reports.Transparency;

/// <summary>What an across-runs report covers: one scenario under one policy, seeds <see cref="FirstSeed"/>..<see cref="LastSeed"/>.</summary>
public sealed record RunsHeader(string Scenario, string Title, string Policy, int Runs, long FirstSeed, long LastSeed, string CatalogueAsOf);

/// <summary>
/// The transparency report across many runs: the same figures as for one exercise, summed, with per-run averages, and
/// the distribution across runs of requests, answers, refusals, pending requests and provider cost.
/// </summary>
public sealed record TransparencyRunsReport(
    string Kind,
    RunsHeader Runs,
    TransparencyFigures Figures,
    IReadOnlyList<RunDistributionFigures> Distributions)
{
    public const string KindName = "transparency-report-across-runs";

    public static TransparencyRunsReport Build(TransparencyTally tally) =>
        new(KindName,
            new RunsHeader(tally.Scenario, tally.Title, tally.Policy, tally.Runs, tally.Runs == 0 ? 0 : tally.FirstSeed, tally.Runs == 0 ? 0 : tally.LastSeed, tally.CatalogueAsOf),
            tally.Figures(),
            tally.Distributions());
}
