using System.Xml.Linq;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Runs;
using Simulator.Reports;
using Simulator.Reports.Comparison;
using Simulator.Reports.Html;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Reports.Tests;

/// <summary>The comparison report: the same figures as `simulator compare`, with its distributions and overlay changes, on one page.</summary>
public class ComparisonReportTests
{
    private static readonly Lazy<(ComparisonReport Report, IReadOnlyList<PolicyVariants> Results)> Built = new(() =>
    {
        var scenario = ReportRuns.Load("hospital-ransomware");
        var overlay = OverlayApplier.Apply(OverlayLoader.Parse(
            "overlay: ratify\ntitle: \"Belmark ratifies <script>alert(1)</script>\"\nchanges:\n  - join: budapest-2ap\n    states: [BE]\n", "ratify.yaml"),
            scenario, CatalogueLoader.Shipped);
        var results = PolicyComparison.Run(scenario, [overlay], CatalogueLoader.Shipped, [new MlaOnlyPolicy(), new DirectOrdersFirstPolicy()], 8);
        return (ComparisonReport.Build("hospital-ransomware", scenario.File.Title, 8, 1, CatalogueLoader.Shipped, [overlay], results), results);
    });

    [Fact]
    public void The_figures_are_those_of_the_comparison_and_the_distributions_count_every_item()
    {
        var (report, results) = Built.Value;
        Assert.Equal(["mla-only", "direct-orders-first"], report.Policies.Select(p => p.Policy));
        for (var i = 0; i < results.Count; i++)
        {
            var stats = results[i].Baseline.Statistics;
            var figures = report.Policies[i].Baseline;
            Assert.Equal(stats.Secured, figures.Secured);
            Assert.Equal(stats.Lost, figures.Lost);
            Assert.Equal(stats.TimeToEvidence.Count, figures.TimeToEvidence.Bins.Sum());
            Assert.Equal(stats.TimeToPreservation.Count, figures.TimeToPreservation.Bins.Sum());
            Assert.Equal(ComparisonReport.Bins.Count, figures.TimeToEvidence.Bins.Count);
            Assert.Equal(stats.SecuredAndAdmissibleShare, figures.SecuredAndAdmissibleShare, 12);
            Assert.Equal(stats.Rights.ThirdPartyRecords, figures.Rights!.ThirdPartyRecords);
            var change = report.Policies[i].Overlays.Single();
            Assert.Equal(results[i].Variants[1].VersusBaseline!.SecuredShare.Mean, change.SecuredShareChange.Mean, 12);
            Assert.Equal(8, change.SecuredShareChange.Pairs);
        }
        // Under mla-only the Protocol is never used: the same seeds give exactly the same runs.
        Assert.Equal(0, report.Policies[0].Overlays[0].SecuredShareChange.Mean);
        Assert.Empty(report.Policies[0].Overlays[0].ItemsChanged);
        var moved = VariantChanges.ItemsChanged(results[1].Baseline.Statistics, results[1].Variants[1].Statistics);
        Assert.NotEmpty(moved);
        Assert.Equal(moved, report.Policies[1].Overlays[0].ItemsChanged);
        // What the Protocol moves is at Hostbay and downstream of it (docs/overlays.md): nothing of the other holders.
        Assert.All(moved, m => Assert.Contains(m.Holder, new[] { "hostbay", "tunnelfox" }));
        Assert.Equal("BE joins budapest-2ap", Assert.Single(Assert.Single(report.Overlays).Changes).Change);
    }

    [Fact]
    public void The_page_has_every_section_and_chart_escapes_the_overlay_title_and_fetches_nothing()
    {
        var html = ComparisonHtml.Render(Built.Value.Report);
        foreach (var id in new[] { "policies", "durations", "overlays", "items", "gaps" })
            Assert.Contains($"<section id=\"{id}\"", html);
        foreach (var chart in new[] { "cmp-secured", "cmp-to-preservation", "cmp-to-evidence", "cmp-overlay-change" })
            Assert.Contains($"<svg id=\"{chart}\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<h3>Rights and safeguards</h3>", html);
        Assert.Contains("secured and admissible (95% CI)", html);
        Assert.Contains("Belmark ratifies &lt;script&gt;", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.Contains("simulator compare hospital-ransomware --runs 8 --seed 1 --policies mla-only,direct-orders-first --overlay ratify", html);
        // Well-formed enough for an XML parser once the doctype is set aside.
        XDocument.Parse(html["<!DOCTYPE html>".Length..]);
        Assert.Contains("\"kind\": \"comparison-report\"", ReportJson.Serialize(Built.Value.Report));
    }

    [Fact]
    public void Coarse_bins_count_each_duration_once_where_it_falls()
    {
        var h = new DurationHistogram();
        foreach (var hours in new[] { 1.0, 5, 30, 30, 24 * 10, 24 * 400 }) h.Add(TimeSpan.FromHours(hours));
        var counts = h.CountsIn(ComparisonReport.Bins.Select(b => b.From).ToList());
        Assert.Equal([2L, 0, 2, 0, 1, 0, 0, 0, 0, 1], counts);
    }
}
