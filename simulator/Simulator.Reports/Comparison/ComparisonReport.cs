using Simulator.Core.Catalogue;
using Simulator.Planning.Overlays;
using Simulator.Planning.Runs;

namespace Simulator.Reports.Comparison;

/// <summary>A mean with its 95% confidence interval, and whether the interval excludes zero (for a change).</summary>
public sealed record Estimate(double Mean, double Low, double High, long Pairs, bool Significant)
{
    public static Estimate Of(RunningMoments m)
    {
        var (low, high) = m.Interval95();
        return new Estimate(m.Mean, low, high, m.Count, m.ExcludesZero);
    }
}

/// <summary>A distribution of durations across runs: quantiles, and counts in the coarse bins the page draws.</summary>
public sealed record DurationDistribution(long Items, TimeSpan? Median, TimeSpan? P90, IReadOnlyList<long> Bins);

/// <summary>One policy (or one policy under an overlay) over all its runs.</summary>
public sealed record VariantFigures(
    int Runs,
    long Evidence,
    long Secured,
    long Preserved,
    long Lost,
    long Refused,
    double SecuredShare,
    double SecuredShareLow,
    double SecuredShareHigh,
    DurationDistribution TimeToPreservation,
    DurationDistribution TimeToEvidence,
    IReadOnlyList<ProceduralGap> Gaps,
    IReadOnlyList<ItemRate> Items,
    double SecuredAndAdmissibleShare = 0,
    double SecuredAndAdmissibleShareLow = 0,
    double SecuredAndAdmissibleShareHigh = 0,
    RightsFigures? Rights = null);

/// <summary>The rights figures per run, each a mean with its 95% interval (docs/safeguards.md): counts by kind, never one score.</summary>
public sealed record RightsFigures(RightsFigure OverBroadRequests, RightsFigure NarrowedRequests, RightsFigure RecordsBeyondNeed,
    RightsFigure ThirdPartyRecords, RightsFigure AdmissibleUnderChallenge, RightsFigure Excluded, RightsFigure? EmergencyClaimsNotHeld = null,
    RightsFigure? PurposeViolations = null, RightsFigure? OrdersInDefault = null, RightsFigure? Penalties = null)
{
    public static RightsFigures Of(RightsStatistics r) =>
        new(r.OverBroadRequests, r.NarrowedRequests, r.RecordsBeyondNeed, r.ThirdPartyRecords, r.AdmissibleUnderChallenge, r.Excluded, r.EmergencyClaimsNotHeld, r.PurposeViolations,
            r.OrdersInDefault, r.Penalties);
}

/// <summary>An overlay under one policy: its figures, and its change against the baseline, paired run for run.</summary>
public sealed record OverlayResult(string Overlay, VariantFigures Figures, Estimate SecuredShareChange, Estimate LostChange,
    Estimate HoursToPreservationChange, Estimate HoursToEvidenceChange, IReadOnlyList<ItemShift> ItemsChanged);

public sealed record PolicyResult(string Policy, VariantFigures Baseline, IReadOnlyList<OverlayResult> Overlays);

public sealed record OverlayDescription(string Id, string Title, string? Description, IReadOnlyList<AppliedChange> Changes);

/// <summary>
/// The comparison report: policies (and what-if overlays) over many runs of one scenario, from the same statistics
/// `simulator compare` prints, with the coarse distributions the page charts.
/// </summary>
public sealed record ComparisonReport(
    string Kind,
    string Scenario,
    string Title,
    int Runs,
    long FirstSeed,
    string CatalogueAsOf,
    IReadOnlyList<string> DurationBins,
    IReadOnlyList<OverlayDescription> Overlays,
    IReadOnlyList<PolicyResult> Policies)
{
    /// <summary>The coarse bins of the duration charts: their lower edges and labels (the last is open).</summary>
    public static readonly IReadOnlyList<(TimeSpan From, string Label)> Bins =
    [
        (TimeSpan.Zero, "< 6h"), (TimeSpan.FromHours(6), "6h-1d"), (TimeSpan.FromDays(1), "1-3d"), (TimeSpan.FromDays(3), "3-7d"),
        (TimeSpan.FromDays(7), "1-2w"), (TimeSpan.FromDays(14), "2-4w"), (TimeSpan.FromDays(28), "1-3mo"), (TimeSpan.FromDays(90), "3-6mo"),
        (TimeSpan.FromDays(180), "6-12mo"), (TimeSpan.FromDays(365), "> 1y"),
    ];

    public static ComparisonReport Build(string scenario, string title, int runs, long firstSeed, InstrumentCatalogue catalogue,
        IReadOnlyList<AppliedOverlay> overlays, IReadOnlyList<PolicyVariants> results) =>
        new("comparison-report", scenario, title, runs, firstSeed, catalogue.AsOf,
            Bins.Select(b => b.Label).ToList(),
            overlays.Select(o => new OverlayDescription(o.Id, o.Title, o.Description, o.Changes)).ToList(),
            results.Select(p => new PolicyResult(p.Policy, Figures(p.Baseline.Statistics),
                p.Variants.Skip(1).Select(v => new OverlayResult(v.Name, Figures(v.Statistics),
                    Estimate.Of(v.VersusBaseline!.SecuredShare), Estimate.Of(v.VersusBaseline.Lost),
                    Estimate.Of(v.VersusBaseline.HoursToPreservation), Estimate.Of(v.VersusBaseline.HoursToEvidence),
                    VariantChanges.ItemsChanged(p.Baseline.Statistics, v.Statistics))).ToList())).ToList());

    private static VariantFigures Figures(PolicyStatistics s)
    {
        var (low, high) = s.SecuredShareInterval();
        var (aLow, aHigh) = s.SecuredAndAdmissibleShareInterval();
        return new VariantFigures(s.Runs, s.Evidence, s.Secured, s.Preserved, s.Lost, s.Refused, s.SecuredShare, low, high,
            Distribution(s.TimeToPreservation), Distribution(s.TimeToEvidence), s.Gaps(), s.Items,
            s.SecuredAndAdmissibleShare, aLow, aHigh, RightsFigures.Of(s.Rights));
    }

    private static DurationDistribution Distribution(DurationHistogram h) =>
        new(h.Count, h.Quantile(0.5), h.Quantile(0.9), h.CountsIn(Bins.Select(b => b.From).ToList()));
}
