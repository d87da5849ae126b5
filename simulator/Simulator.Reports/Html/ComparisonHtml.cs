using Simulator.Core.Common;
using Simulator.Reports.Comparison;

namespace Simulator.Reports.Html;

/// <summary>The comparison report: policies and what-if overlays over many runs, as one self-contained HTML page.</summary>
public static class ComparisonHtml
{
    public static string Render(ComparisonReport r)
    {
        var page = new ReportPage("Comparison report", r.Title)
        {
            Subtitle = $"{r.Scenario}: {r.Policies.Count} {(r.Policies.Count == 1 ? "policy" : "policies")}" +
                (r.Overlays.Count == 0 ? "" : $" and {r.Overlays.Count} what-if {(r.Overlays.Count == 1 ? "overlay" : "overlays")}") + $", {r.Runs} runs each",
        };
        page.Provenance("Scenario", r.Scenario)
            .Provenance("Runs", $"{r.Runs} headless runs per policy and variant, seeds {r.FirstSeed}..{r.FirstSeed + r.Runs - 1}; each overlay is played on the same seeds as the baseline, so its changes are paired run for run")
            .Provenance("Law as of", $"instrument catalogue of {r.CatalogueAsOf}")
            .Provenance("Check it", $"simulator compare {r.Scenario} --runs {r.Runs} --seed {r.FirstSeed} --policies {string.Join(",", r.Policies.Select(p => p.Policy))}" +
                string.Concat(r.Overlays.Select(o => $" --overlay {o.Id}")));

        page.Add("policies", "Evidence secured by policy", Policies(r));
        page.Add("durations", "Time to preservation and to evidence", Durations(r), newPage: true);
        if (r.Overlays.Count > 0) page.Add("overlays", "What-if overlays against the baseline", Overlays(r), newPage: true);
        page.Add("items", "Each evidence item's fate", Items(r), newPage: true);
        page.Add("gaps", "Procedural gaps, costliest first", Gaps(r), newPage: true);
        return page.Render();
    }

    private static string Percent(double share) => Html.Number(100 * share, "0.#") + "%";

    private static string Policies(ComparisonReport r)
    {
        var bars = r.Policies.Select((p, i) => new IntervalBar(p.Policy, p.Baseline.SecuredShare, p.Baseline.SecuredShareLow, p.Baseline.SecuredShareHigh, i,
            $"{p.Policy}: {Percent(p.Baseline.SecuredShare)} secured (95% interval {Percent(p.Baseline.SecuredShareLow)} to {Percent(p.Baseline.SecuredShareHigh)})")).ToList();
        var chart = Html.Figure(SvgCharts.BarsWithIntervals("cmp-secured", "Share of evidence secured per policy", bars, Percent, "share of evidence items secured"),
            "Bars: share of all evidence items secured over the runs; whiskers: 95% confidence interval of the mean share per run.");
        var table = Html.Table(["policy", "secured", "95% interval", "preserved", "lost per run", "refused per run", "to preservation: median / p90", "to evidence: median / p90"],
            r.Policies.Select(p => (IReadOnlyList<string>)[Html.Escape(p.Policy), Percent(p.Baseline.SecuredShare),
                $"{Percent(p.Baseline.SecuredShareLow)}-{Percent(p.Baseline.SecuredShareHigh)}", Html.Number(p.Baseline.Preserved / (double)p.Baseline.Runs, "0.0"),
                Html.Number(p.Baseline.Lost / (double)p.Baseline.Runs, "0.0"), Html.Number(p.Baseline.Refused / (double)p.Baseline.Runs, "0.0"),
                $"{Span(p.Baseline.TimeToPreservation.Median)} / {Span(p.Baseline.TimeToPreservation.P90)}",
                $"{Span(p.Baseline.TimeToEvidence.Median)} / {Span(p.Baseline.TimeToEvidence.P90)}"]), numeric: new HashSet<int> { 1, 3, 4, 5 });
        return chart + table + Rights(r);
    }

    /// <summary>The rights side beside the secured share: secured and admissible, and the counts by kind per run, each with its interval.</summary>
    private static string Rights(ComparisonReport r)
    {
        static string Figure(Simulator.Planning.Runs.RightsFigure f, string format) => $"{Html.Number(f.Mean, format)} ({Html.Number(f.Low, format)}-{Html.Number(f.High, format)})";
        var rows = r.Policies.Where(p => p.Baseline.Rights is not null).Select(p => (IReadOnlyList<string>)
        [
            Html.Escape(p.Policy), Percent(p.Baseline.SecuredShare),
            $"{Percent(p.Baseline.SecuredAndAdmissibleShare)} ({Percent(p.Baseline.SecuredAndAdmissibleShareLow)}-{Percent(p.Baseline.SecuredAndAdmissibleShareHigh)})",
            Figure(p.Baseline.Rights!.OverBroadRequests, "0.0"), Figure(p.Baseline.Rights.NarrowedRequests, "0.0"), Figure(p.Baseline.Rights.ThirdPartyRecords, "0"),
            Figure(p.Baseline.Rights.AdmissibleUnderChallenge, "0.0"), Figure(p.Baseline.Rights.Excluded, "0.0"),
            p.Baseline.Rights.EmergencyClaimsNotHeld is { } notHeld ? Figure(notHeld, "0.0") : "",
            p.Baseline.Rights.PurposeViolations is { } violations ? Figure(violations, "0.0") : "",
            p.Baseline.Rights.OrdersInDefault is { } inDefault && p.Baseline.Rights.Penalties is { } penalties ? $"{Figure(inDefault, "0.0")} / {Figure(penalties, "0.0")}" : "",
        ]).ToList();
        return "<h3>Rights and safeguards</h3>" + Html.Paragraph("Per run, with 95% intervals; counts by kind, never one score (docs/safeguards.md).", "note")
            + Html.Table(["policy", "secured", "secured and admissible (95% CI)", "over-broad requests", "narrowed", "third-party records", "items under challenge", "items excluded", "emergency claims that did not hold", "uses without consent", "orders in default / penalties"],
                rows, numeric: new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
    }

    private static string Durations(ComparisonReport r)
    {
        string Chart(string id, string what, string done, Func<PolicyResult, DurationDistribution> pick) =>
            Html.Figure(SvgCharts.Histogram(id, $"Time to {what} per policy", r.DurationBins,
                r.Policies.Select((p, i) => new HistogramSeries(p.Policy, pick(p).Bins.Select(c => c / (double)p.Baseline.Runs).ToList(), i)).ToList(),
                $"time from the discovery of the incident to {what}", "items per run"),
                $"Items {done} per run, by how long it took from the discovery of their incident; each policy side by side.");
        return Chart("cmp-to-preservation", "preservation", "preserved", p => p.Baseline.TimeToPreservation)
            + Chart("cmp-to-evidence", "evidence", "secured", p => p.Baseline.TimeToEvidence);
    }

    private static string Overlays(ComparisonReport r)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var o in r.Overlays)
        {
            sb.Append("<h3>").Append(Html.Escape(o.Id)).Append(": ").Append(Html.Escape(o.Title)).Append("</h3>");
            if (o.Description is not null) sb.Append(Html.Paragraph(o.Description));
            sb.Append(Html.List(o.Changes.Select(c => Html.Escape(c.ToString()) + (c.Why is null ? "" : $" <span class=\"muted\">({Html.Escape(c.Why)})</span>"))));
        }
        var bars = r.Policies.SelectMany(p => p.Overlays.Select(o => new IntervalBar($"{p.Policy} + {o.Overlay}", 100 * o.SecuredShareChange.Mean,
            100 * o.SecuredShareChange.Low, 100 * o.SecuredShareChange.High, o.SecuredShareChange.Mean >= 0 ? 0 : 1,
            $"{o.Overlay} under {p.Policy}: {Signed(100 * o.SecuredShareChange.Mean)} points ({Signed(100 * o.SecuredShareChange.Low)} to {Signed(100 * o.SecuredShareChange.High)})"))).ToList();
        sb.Append(Html.Figure(SvgCharts.BarsWithIntervals("cmp-overlay-change", "Change in evidence secured, overlay minus baseline", bars, v => Signed(v), "percentage points of evidence secured"),
            "Each overlay under each policy: the mean change in the share of evidence secured, paired run for run on the same seeds, with its 95% confidence interval."));
        sb.Append(Html.Table(["overlay", "policy", "secured", "change, points (95% CI)", "change in lost per run (95% CI)", "change in mean hours to evidence (95% CI)"],
            r.Policies.SelectMany(p => p.Overlays.Select(o => (IReadOnlyList<string>)[Html.Escape(o.Overlay), Html.Escape(p.Policy), Percent(o.Figures.SecuredShare),
                Change(o.SecuredShareChange, 100), Change(o.LostChange, 1), Change(o.HoursToEvidenceChange, 1)]))));
        foreach (var p in r.Policies)
            foreach (var o in p.Overlays.Where(o => o.ItemsChanged.Count > 0))
                sb.Append("<h3>What moved under ").Append(Html.Escape(p.Policy)).Append(" with ").Append(Html.Escape(o.Overlay)).Append("</h3>")
                  .Append(Html.Table(["evidence", "holder", "secured: baseline → overlay", "lost: baseline → overlay"],
                      o.ItemsChanged.Select(m => (IReadOnlyList<string>)[Html.Code(m.Evidence), Html.Escape(m.Holder),
                          $"{Percent(m.SecuredBefore)} → {Percent(m.SecuredAfter)}", $"{Percent(m.LostBefore)} → {Percent(m.LostAfter)}"])));
        return sb.ToString();
    }

    private static string Items(ComparisonReport r)
    {
        var items = r.Policies[0].Baseline.Items;
        var headers = new List<string> { "evidence", "holder" };
        headers.AddRange(r.Policies.Select(p => $"secured · {p.Policy}"));
        var rows = items.Select(item =>
        {
            var row = new List<string> { Html.Code(item.Evidence), Html.Escape(item.Holder) };
            foreach (var p in r.Policies)
            {
                var rate = p.Baseline.Items.FirstOrDefault(i => i.Evidence == item.Evidence);
                row.Add(rate is null ? "—" : $"{Percent(rate.Secured)}{(rate.Lost > 0 ? $" <span class=\"muted\">(lost {Percent(rate.Lost)})</span>" : "")}");
            }
            return (IReadOnlyList<string>)row;
        });
        return Html.Paragraph("Share of runs in which each item was secured under each policy, and lost where it was.") +
            Html.Table(headers, rows, numeric: Enumerable.Range(2, r.Policies.Count).ToHashSet());
    }

    private static string Gaps(ComparisonReport r) => string.Concat(r.Policies.Select(p =>
        $"<h3>{Html.Escape(p.Policy)}</h3>" + (p.Baseline.Gaps.Count == 0 ? Html.Paragraph("No evidence lost and no time spent.") :
        Html.Table(["kind", "where (stage | authority or holder)", "cost per run", "example"],
            p.Baseline.Gaps.Select(g => (IReadOnlyList<string>)[Html.Escape(g.Kind), Html.Escape(g.Where),
                g.Kind == "evidence lost" ? $"{Html.Number(g.ItemsLostPerRun, "0.00")} items" : $"{Html.Number(g.DaysPerRun, "0.0")} days", Html.Escape(g.Example)])))));

    private static string Change(Estimate e, double scale) =>
        e.Pairs == 0 ? "—" : $"{Signed(scale * e.Mean)}{(e.Significant ? " *" : "")} ({Signed(scale * e.Low)} to {Signed(scale * e.High)})";

    private static string Signed(double v) => (v > 0 ? "+" : "") + Html.Number(v, "0.0");

    private static string Span(TimeSpan? t) => t is null ? "—" : DurationText.Human(t.Value);
}
