using Simulator.Core.Common;
using Simulator.Reports.Transparency;

namespace Simulator.Reports.Html;

/// <summary>The transparency report, of one exercise or across runs, as one self-contained HTML page.</summary>
public static class TransparencyHtml
{
    public static string Render(TransparencyReport report)
    {
        var x = report.Exercise;
        var page = new ReportPage("Transparency report", x.Title)
        {
            Subtitle = $"{x.Scenario}, seed {x.Seed}, policy {x.Policy}: requests {(x.Ended ? "of the exercise" : "so far")}, to {Html.Instant(x.End)}",
        };
        AfterActionHtml.Provenance(page, x);
        Figures(page, report.Figures, single: true, report.Refusals.Count == 0 ? null : Refusals(report));
        page.Add("timeline", "Timeline of requests", Html.Figure(ReportCharts.RequestTimeline("tr-requests", report.Requests, x.Start, x.End),
            $"Each request from drafting (dashed) through sending to closing, coloured and patterned by outcome; an open end (›) is still pending. Axis: {new TimeAxis(x.Start, x.End).Caption}."), newPage: true);
        return page.Render();
    }

    public static string Render(TransparencyRunsReport report)
    {
        var r = report.Runs;
        var page = new ReportPage("Transparency report across runs", r.Title)
        {
            Subtitle = $"{r.Scenario} under {r.Policy}: {r.Runs} runs, seeds {r.FirstSeed} to {r.LastSeed}",
        };
        page.Provenance("Scenario", r.Scenario)
            .Provenance("Policy", r.Policy)
            .Provenance("Runs", $"{r.Runs} headless runs, seeds {r.FirstSeed}..{r.LastSeed} (the same arguments give the same figures)")
            .Provenance("Law as of", $"instrument catalogue of {r.CatalogueAsOf}");
        Figures(page, report.Figures, single: false, null);
        page.Add("distributions", "Distributions across runs", Distributions(report.Distributions), newPage: true);
        return page.Render();
    }

    private static void Figures(ReportPage page, TransparencyFigures f, bool single, string? refusalsList)
    {
        var perRun = !single;
        page.Add("summary", "Summary", Summary(f, perRun));
        page.Add("by-instrument", "Requests by instrument and outcome", ByInstrument(f, perRun), newPage: true);
        page.Add("by-state", "Requests by issuing and requested state",
            "<h3>By issuing state</h3>" + States(f.ByIssuingState, f.Runs, perRun) + "<h3>By requested state</h3>" + States(f.ByRequestedState, f.Runs, perRun), newPage: true);
        page.Add("refusals", "Refusal grounds", Grounds(f, perRun) + (refusalsList ?? ""), newPage: true);
        page.Add("durations", "How long requests took", Durations(f), newPage: true);
        page.Add("emergency-preservation-cost", "Emergency use, preservation and provider cost", Other(f, perRun), newPage: true);
    }

    private static string Card(string value, string label) => $"<div><b>{Html.Escape(value)}</b><span>{Html.Escape(label)}</span></div>";

    private static string Count(long n, int runs, bool perRun) => perRun ? $"{n} ({Html.Number((double)n / Math.Max(1, runs))} per run)" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Summary(TransparencyFigures f, bool perRun)
    {
        var o = f.Outcomes;
        string V(long n) => perRun ? Html.Number((double)n / Math.Max(1, f.Runs)) : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var label = perRun ? " per run" : "";
        return "<div class=\"summary\">"
            + Card(V(f.Requests), "requests" + label)
            + Card(V(o.Produced), "produced" + label)
            + Card(V(o.Refused), "refused" + label)
            + Card(V(o.NothingFound), "nothing found" + label)
            + Card(V(o.Pending), "pending at the end" + label)
            + Card(f.Emergency.Requests == 0 ? "-" : $"{f.Emergency.AnsweredShare:P0}", "emergency requests answered")
            + Card(perRun ? Html.Number((double)f.ProviderCost.PerRun) : Html.Number((double)f.ProviderCost.Total), "provider cost" + label)
            + "</div>"
            + Html.Paragraph("\"Produced\" means the answer reached the requesting state (for a preservation request: the holder confirmed the freeze); a request that had not come back by the end, including one whose data was found but was still on its way, is \"pending\". Durations run from sending to closing.", "note");
    }

    private static string ByInstrument(TransparencyFigures f, bool perRun)
    {
        var chart = SvgCharts.StackedBars("tr-instruments", "Requests by instrument and outcome",
            f.ByInstrument.Select(i => new StackedBar(i.Instrument, RequestOutcomeKind.All.Select(k => (double)i.Outcomes[k]).ToList(), $"{i.Name} ({i.LegalBasis})")).ToList(),
            ReportCharts.Outcomes, perRun ? $"requests over {f.Runs} runs" : "requests");
        var numeric = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 };
        var table = Html.Table(["Instrument and legal basis", perRun ? "Requests (per run)" : "Requests", "Produced", "Refused", "Nothing found", "Withdrawn", "Pending", "Produced share"],
            f.ByInstrument.Select(i => (IReadOnlyList<string>)
            [
                $"{Html.Escape(i.Name)}<br /><span class=\"note\">{Html.Escape(i.LegalBasis)} · {Html.Escape(i.Purpose)}</span><br />{Html.Code(i.Instrument)}",
                Html.Escape(Count(i.Requests, f.Runs, perRun)),
                N(i.Outcomes.Produced), N(i.Outcomes.Refused), N(i.Outcomes.NothingFound), N(i.Outcomes.Withdrawn), N(i.Outcomes.Pending),
                i.Requests == 0 ? "-" : Html.Escape($"{(double)i.Outcomes.Produced / i.Requests:P0}"),
            ]).Append(
            [
                "<b>all instruments</b>", $"<b>{Html.Escape(Count(f.Requests, f.Runs, perRun))}</b>",
                N(f.Outcomes.Produced), N(f.Outcomes.Refused), N(f.Outcomes.NothingFound), N(f.Outcomes.Withdrawn), N(f.Outcomes.Pending),
                f.Requests == 0 ? "-" : Html.Escape($"{(double)f.Outcomes.Produced / f.Requests:P0}"),
            ]), "instruments", numeric);
        return Html.Figure(chart, "Each instrument's requests, split by how they ended.") + table;
    }

    private static string N(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string States(IReadOnlyList<StateFigures> states, int runs, bool perRun) =>
        states.Count == 0 ? Html.Paragraph("No requests.") :
        Html.Table(["State", perRun ? "Requests (per run)" : "Requests", "Produced", "Refused", "Nothing found", "Withdrawn", "Pending"],
            states.Select(s => (IReadOnlyList<string>)
            [
                $"<b>{Html.Escape(s.State)}</b>", Html.Escape(Count(s.Requests, runs, perRun)),
                N(s.Outcomes.Produced), N(s.Outcomes.Refused), N(s.Outcomes.NothingFound), N(s.Outcomes.Withdrawn), N(s.Outcomes.Pending),
            ]), "states", new HashSet<int> { 1, 2, 3, 4, 5, 6 });

    private static string Grounds(TransparencyFigures f, bool perRun) =>
        f.RefusalGrounds.Count == 0 ? Html.Paragraph("No request was refused.") :
        Html.Table(["Ground", "What it means", "Legal source", perRun ? "Refusals (per run)" : "Refusals", "Instruments", "Refused by"],
            f.RefusalGrounds.Select(g => (IReadOnlyList<string>)
            [
                Html.Code(g.Ground), Html.Escape(g.Description), Html.Escape(g.Source), Html.Escape(Count(g.Refusals, f.Runs, perRun)),
                string.Join("<br />", g.Instruments.Select(Html.Code)), Html.Escape(string.Join(", ", g.RefusedBy)),
            ]), "grounds", new HashSet<int> { 3 });

    private static string Refusals(TransparencyReport report) =>
        "<h3>Each refusal</h3>" + Html.Table(["Request", "Instrument", "From → to", "Ground and source", "Journal event"],
            report.Refusals.Select(r => (IReadOnlyList<string>)
            [
                $"<b>{Html.Escape(r.Request)}</b>", Html.Code(r.Instrument), Html.Escape($"{r.Issuer} → {r.RequestedState} / {r.Provider}"),
                $"{Html.Code(r.Ground)} ({Html.Escape(r.Source)}), by {Html.Escape(r.By)}",
                ReportCharts.Events([r.Event], report.Exercise.Start),
            ]), "refusals");

    private static string Durations(TransparencyFigures f)
    {
        var closed = f.ByInstrument.Where(i => i.Duration.Median is not null).ToList();
        if (closed.Count == 0) return Html.Paragraph("No request was closed.");
        var chart = SvgCharts.BarsWithIntervals("tr-durations", "Sent-to-closed time per instrument: median, with the 10th to 90th percentile",
            closed.Select(i => new IntervalBar(i.Instrument, i.Duration.Median!.Value.TotalHours, i.Duration.P10?.TotalHours, i.Duration.P90?.TotalHours, 5,
                $"{i.Name}: median {DurationText.Human(i.Duration.Median!.Value)} over {i.Duration.Closed} closed request(s)")).ToList(),
            ReportCharts.Hours, "time from sending to closing", logarithmic: true, ticks: ReportCharts.DurationTicks, tickFormat: ReportCharts.HoursTick);
        var table = Html.Table(["Instrument", "Closed", "10th percentile", "Median", "90th percentile"],
            f.ByInstrument.Select(i => (IReadOnlyList<string>)
            [
                Html.Code(i.Instrument), N(i.Duration.Closed), Span(i.Duration.P10), Span(i.Duration.Median), Span(i.Duration.P90),
            ]), "durations", new HashSet<int> { 1, 2, 3, 4 });
        return Html.Figure(chart, "Bars to the median; whiskers from the 10th to the 90th percentile (nearest rank; across many runs, exact to about 2%).") + table;
    }

    private static string Span(TimeSpan? t) => Html.Escape(t is null ? "-" : DurationText.Human(t.Value));

    private static string Other(TransparencyFigures f, bool perRun)
    {
        var p = f.Preservation;
        var expedited = new[] { ("Emergency requests", f.Emergency), ("Marked urgent (Budapest Art. 31(3))", f.Urgent) }.Where(x => x.Item2.Requests > 0).ToList();
        var emergency = expedited.Count == 0 ? Html.Paragraph("No emergency or urgent request was sent.")
            : Html.Table(["Requests", "Sent", "Answered (data produced)", "Share answered", "Time to answer: median", "90th percentile"],
                expedited.Select(x => (IReadOnlyList<string>)
                [
                    Html.Escape(x.Item1), Html.Escape(Count(x.Item2.Requests, f.Runs, perRun)), N(x.Item2.Answered), Html.Escape($"{x.Item2.AnsweredShare:P0}"),
                    Span(x.Item2.TimeToAnswer.Median), Span(x.Item2.TimeToAnswer.P90),
                ]),
                "emergency", new HashSet<int> { 1, 2, 3, 4, 5 });
        var preservation = p.Requests == 0 ? Html.Paragraph("No preservation request was sent.")
            : Html.Table(["Preservation requests", "Confirmed", "Items frozen", "Extended", "Kept alive by a production request", "Lapsed"],
                [[Html.Escape(Count(p.Requests, f.Runs, perRun)), N(p.Confirmed), N(p.ItemsFrozen), N(p.Extensions), N(p.KeptAliveByProduction), N(p.Lapsed)]],
                "preservation", new HashSet<int> { 0, 1, 2, 3, 4, 5 })
              + Html.Paragraph("One request may freeze several items; extensions, freezes kept alive by a production request (Budapest Art. 29(7), REG Art. 11) and lapses count items.", "note");
        var cost = Html.Table(["Provider", "Requests", "Answered at a cost", "Cost", perRun ? "Cost per run" : ""],
            f.ProviderCost.ByProvider.Select(c => (IReadOnlyList<string>)
            [
                Html.Escape(c.Provider), N(c.Requests), N(c.Answered), Html.Number((double)c.Cost), perRun ? Html.Number((double)c.PerRun) : "",
            ]).Append(["<b>all providers</b>", N(f.Requests), N(f.ProviderCost.ByProvider.Sum(c => c.Answered)), $"<b>{Html.Number((double)f.ProviderCost.Total)}</b>", perRun ? Html.Number((double)f.ProviderCost.PerRun) : ""]),
            "cost", new HashSet<int> { 1, 2, 3, 4 });
        var g = f.Safeguards;
        var safeguards = g is null ? Html.Paragraph("Not recorded for this exercise.")
            : Html.Table(["Over-broad requests", "Narrowed by the requested state", "Records secured", "Beyond what the facts support", "Of third parties", "Redacted before transfer"],
                [[Html.Escape(Count(g.OverBroadRequests, f.Runs, perRun)), N(g.NarrowedRequests), N(g.RecordsObtained), N(g.RecordsBeyondNeed), N(g.ThirdPartyRecords), N(g.RecordsRedacted)]],
                "safeguards", new HashSet<int> { 0, 1, 2, 3, 4, 5 })
              + Html.Table(["Items secured", "Secured and admissible", "Admissible under challenge", "Excluded"],
                [[N(g.ItemsSecured), N(g.SecuredAndAdmissible), N(g.AdmissibleUnderChallenge), N(g.Excluded)]], "trial", new HashSet<int> { 0, 1, 2, 3 })
              + Html.Table(["Emergency claims reviewed after their threat ended", "Claims that did not hold", "Requests that lapsed with their emergency", "Sent first, not validated afterwards (REG Art. 4(5))"],
                [[N(g.EmergencyClaimsReviewed), N(g.EmergencyClaimsNotHeld), N(g.LapsedWithEmergency), N(g.NotValidatedAfterwards)]], "oversight", new HashSet<int> { 0, 1, 2, 3 })
              + Html.Table(["Evidence used beyond its purpose", "With the giving state's consent", "Consents refused", "Used without the consent needed", "Not admitted cleanly in the other case"],
                [[N(g.UsesBeyondPurpose), N(g.UsesWithConsent), N(g.ConsentsRefused), N(g.PurposeViolations), N(g.UsesNotAdmitted)]], "purpose", new HashSet<int> { 0, 1, 2, 3, 4 })
              + Html.Table(["Orders whose addressee let the deadline pass", "Enforcement asked of the enforcing state (REG Art. 16)", "Not recognised for enforcement", "Penalties imposed (REG Art. 15)"],
                [[N(g.OrdersInDefault), N(g.EnforcementsRequested), N(g.EnforcementsNotRecognised), N(g.Penalties)]], "duties", new HashSet<int> { 0, 1, 2, 3 })
              + Html.Table(["Persons to be told their data were obtained (REG Art. 13)", "Told, with their remedies", "Delayed, reasons recorded", "Neither told nor a delay recorded"],
                [[N(g.PersonsToInform), N(g.PersonsInformed), N(g.InformingDelayed), N(g.PersonsNotInformed)]], "informing", new HashSet<int> { 0, 1, 2, 3 })
              + Html.Paragraph("Counts by kind, not one score: a request is over-broad where it names identifiers or a period the facts do not support; the trial at the end examines every secured item (docs/safeguards.md).", "note");
        return "<h3>Safeguards</h3>" + safeguards + "<h3>Emergency and urgent use</h3>" + emergency + "<h3>Preservation</h3>" + preservation + "<h3>Provider cost</h3>"
            + Html.Paragraph("What providers charge for answering (the scenario's cost per request, counted for requests that were answered with data or with nothing found).", "note") + cost
            + Html.Paragraph($"Borne by issuing states whose law reimburses providers (REG Art. 14): {Html.Number((double)f.ProviderCost.ReimbursedByIssuingStates)}; the rest, {Html.Number((double)(f.ProviderCost.Total - f.ProviderCost.ReimbursedByIssuingStates))}, stays with the providers unless national law gives them a claim (only the EU orders' instruments say who bears it).", "note");
    }

    private static string Distributions(IReadOnlyList<RunDistributionFigures> distributions)
    {
        var table = Html.Table(["Per run", "Mean", "Standard deviation", "Min", "Median", "90th percentile", "Max"],
            distributions.Select(d => (IReadOnlyList<string>)
            [
                Html.Escape(d.Measure), Html.Number(d.Mean), Html.Number(d.StandardDeviation), Html.Number(d.Min), Html.Number(d.Median), Html.Number(d.P90), Html.Number(d.Max),
            ]), "distributions", new HashSet<int> { 1, 2, 3, 4, 5, 6 });
        var charts = distributions.Select((d, i) => Html.Figure(
            SvgCharts.Histogram($"tr-dist-{i}", $"{d.Measure} per run", d.Bins.Select(b => b.Low == b.High ? Html.Number(b.Low) : $"{Html.Number(b.Low)}–{Html.Number(b.High)}").ToList(),
                [new HistogramSeries(d.Measure, d.Bins.Select(b => (double)b.Runs).ToList(), i % 2 == 0 ? ChartStyles.Produced : ChartStyles.Preserved)],
                $"{d.Measure} per run", "runs"),
            $"How many of the {d.Runs} runs had each value; mean {Html.Number(d.Mean)}, median {Html.Number(d.Median)}, 90th percentile {Html.Number(d.P90)}."));
        return table + string.Concat(charts);
    }
}
