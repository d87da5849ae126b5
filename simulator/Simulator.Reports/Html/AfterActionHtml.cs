using Simulator.Core.Common;
using Simulator.Reports.AfterAction;

namespace Simulator.Reports.Html;

/// <summary>The after-action report and improvement plan as one self-contained HTML page, for the screen and for A4.</summary>
public static class AfterActionHtml
{
    public static string Render(AfterActionReport report)
    {
        var x = report.Exercise;
        var page = new ReportPage("After-Action Report / Improvement Plan", x.Title)
        {
            Subtitle = $"{x.Scenario}, seed {x.Seed}, policy {x.Policy}: {(x.Ended ? "exercise ended" : "exercise in progress")} at {Html.Instant(x.End)}",
        };
        Provenance(page, x);

        page.Add("overview", "Exercise overview", Overview(report));
        page.Add("objectives", "Objectives and ratings", Objectives(report), newPage: true);
        page.Add("evaluation", "Evaluation: the evaluator's ratings, observations and hot wash", Evaluation(report), newPage: true);
        page.Add("strengths", "Strengths", Findings(report.Strengths, "strength", x.Start, "No strengths were observed in the journal."), newPage: true);
        page.Add("areas", "Areas for improvement", Findings(report.AreasForImprovement, "area", x.Start, "No areas for improvement were observed in the journal."), newPage: true);
        page.Add("timeline", "Timeline", Html.Figure(ReportCharts.RequestTimeline("aar-requests", report.Requests, x.Start, x.End),
                $"Each request from drafting (dashed) through sending to closing, coloured and patterned by outcome; an open end (›) is still pending. Axis: {new TimeAxis(x.Start, x.End).Caption}.")
            + Html.Figure(ReportCharts.EvidenceOverTime("aar-evidence", report.EvidenceOverTime, x.Start, x.End),
                $"Items secured (delivered with custody), held under preservation and not yet secured, and lost, of {report.EvidenceOverTime.Evidence}, from the journal."), newPage: true);
        page.Add("msel", "MSEL review: expected actions", Injects(report), newPage: true);
        page.Add("improvement-plan", "Improvement plan", Plan(report), newPage: true);
        return page.Render();
    }

    internal static void Provenance(ReportPage page, ExerciseHeader x)
    {
        page.Provenance("Scenario", x.Scenario)
            .Provenance("Seed, policy", $"{x.Seed}, {x.Policy}")
            .Provenance("Simulated period", $"{Html.Instant(x.Start)} to {Html.Instant(x.End)}{(x.Ended ? "" : " (in progress)")}; planned end {Html.Instant(x.Horizon)}")
            .ProvenanceHtml("Journal", $"{x.JournalEvents} events, head {Html.Code(x.JournalHead)} (SHA-256 of the last event; check with <code>simulator verify</code>)")
            .Provenance("Law as of", $"instrument catalogue of {x.CatalogueAsOf}");
    }

    private static string Overview(AfterActionReport r)
    {
        var s = r.Summary;
        var e = s.Evidence;
        string Card(string value, string label) => $"<div><b>{Html.Escape(value)}</b><span>{Html.Escape(label)}</span></div>";
        return "<div class=\"summary\">"
            + Card($"{s.ObjectivesMet} of {s.Objectives}", "objectives met")
            + Card($"{s.ObjectivesPartiallyMet} / {s.ObjectivesNotMet}", "partially met / not met")
            + Card($"{e.Secured} of {e.Evidence}", "evidence items secured")
            + Card($"{e.Preserved}", "held under preservation")
            + Card($"{e.Lost}", "lost")
            + Card($"{e.Requests}", "requests")
            + Card($"{s.Strengths} / {s.AreasForImprovement}", "strengths / areas for improvement")
            + Card($"{s.CorrectiveActions}", "corrective actions")
            + "</div>"
            + Html.Paragraph($"Median time from the discovery of the incident to preservation: {Span(e.MedianTimeToPreservation, "no item was preserved")}; to evidence: {Span(e.MedianTimeToEvidence, "no item was secured")}. {e.Refused} item(s) refused, {e.NotFound} not found, {e.Pending} pending.")
            + Html.Paragraph("Every observation below cites the journal events that show it: #N is the event's sequence number in the journal, followed by its simulated time (UTC) and the time since the start. Ratings follow HSEEP: P performed without challenges, S with some challenges, M with major challenges, U unable to be performed.", "note");
    }

    private static string Objectives(AfterActionReport r) =>
        r.Objectives.Count == 0 ? Html.Paragraph("The scenario sets no objectives.") :
        Html.Table(["Objective", "Capability", "Critical task and measure", "Rating", "Evidence from the journal"],
            r.Objectives.Select(o => (IReadOnlyList<string>)
            [
                $"<b>{Html.Escape(o.Objective)}</b>",
                Html.Escape(o.Capability),
                $"{Html.Escape(o.Task)}<br /><span class=\"note\">measure: {Html.Escape(o.Measure)}</span>",
                $"{Html.Badge($"{o.Code} · {o.Result.Replace('-', ' ')}", o.Result)}<br /><span class=\"note\">{Html.Escape(ObjectiveResults.Describe(o.Rating).Label)}{(o.Provisional ? " (provisional)" : "")}</span>",
                Html.Escape(o.Evidence) + ReportCharts.Events(o.Events, r.Exercise.Start),
            ]), "objectives");

    private static string Evaluation(AfterActionReport r)
    {
        var e = r.Evaluation;
        if (e.Tasks.Count == 0 && e.Observations.Count == 0 && e.HotWash.Count == 0)
            return Html.Paragraph("The scenario has no evaluation guides, and nobody rated or contributed to a hot wash.");
        string Rating(string? code, string? rating) => code is null ? "<span class=\"note\">not rated</span>" : Html.Badge(code, ObjectiveResults.Describe(rating!).Result);
        var html = string.Concat(e.Targets.Select(t => $"<p><b>{Html.Escape(t.Capability)}</b>: {Html.Escape(t.Target)}</p>"));
        html += Html.Paragraph(e.Disagreements == 0 ? "Where both rated a task, the evaluator and the journal's measures agree."
            : $"The evaluator and the journal's measures disagree on {e.Disagreements} task(s): see the last column.", e.Disagreements == 0 ? "note" : null);
        html += Html.Table(["Capability", "Critical task", "Journal", "Evaluator", "Notes"], e.Tasks.Select(t => (IReadOnlyList<string>)
        [
            Html.Escape(t.Capability),
            $"<b>{Html.Escape(t.Task)}</b> {Html.Escape(t.Description)}{(t.LookFor.Count == 0 ? "" : $"<br /><span class=\"note\">look for: {Html.Escape(string.Join("; ", t.LookFor))}</span>")}",
            t.Objective is null ? "<span class=\"note\">judged by people</span>" : Rating(t.AutomaticCode, t.AutomaticRating),
            Rating(t.EvaluatorCode, t.EvaluatorRating),
            Html.Escape(t.Disagreement ?? t.EvaluatorNotes ?? ""),
        ]), "evaluation");
        if (e.Observations.Count > 0)
            html += "<h3>Observations</h3>" + Html.List(e.Observations.Select(o =>
                $"{Html.Escape(Html.Instant(o.At))}{(o.Task is null ? "" : $" ({Html.Escape(o.Task)})")}: {Html.Escape(o.Text)}{(o.Events.Count == 0 ? "" : $" <span class=\"note\">events {Html.Escape(string.Join(", ", o.Events.Select(x => $"#{x}")))}</span>")}"));
        if (e.HotWash.Count > 0)
            html += "<h3>Hot wash</h3>" + Html.Table(["From", "Strengths", "Areas for improvement"],
                e.HotWash.Select(h => (IReadOnlyList<string>)[Html.Escape(h.By), Html.Escape(h.Strengths ?? ""), Html.Escape(h.Improvements ?? "")]), "hot-wash");
        return html;
    }

    private static string Findings(IReadOnlyList<Finding> findings, string kind, DateTimeOffset start, string none)
    {
        if (findings.Count == 0) return Html.Paragraph(none);
        return string.Concat(findings.Select(f =>
            $"<div class=\"finding {kind}\" id=\"{Html.Escape(f.Id)}\"><h3>{Html.Escape(f.Id)}. {Html.Escape(f.Title)}</h3>"
            + $"<p class=\"meta\">{Html.Escape(f.Kind.Replace('-', ' '))}{(f.Cause is null ? "" : " · " + Html.Escape(f.Cause.Replace('-', ' ')))} · capability: {Html.Escape(f.Capability)}"
            + (f.CorrectiveAction is null ? "" : $" · corrective action <a href=\"#{Html.Escape(f.CorrectiveAction)}\">{Html.Escape(f.CorrectiveAction)}</a>") + "</p>"
            + Html.List(f.Details.Select(Html.Escape))
            + ReportCharts.Events(f.Events, start) + "</div>"));
    }

    private static string Injects(AfterActionReport r) =>
        r.Injects.Count == 0 ? Html.Paragraph("No inject of the MSEL states an expected action.") :
        Html.Paragraph($"Each inject with an expected action, and what the journal shows of the response. \"taken\" / \"not taken\" is judged only where the inject concerns a provider its expected action names: a request to it (a preservation request where the action says to freeze or preserve) drafted by the recipients before the inject or within {FindingThresholds.ExpectedActionWindow.TotalHours:0} hours. Everything else is for the evaluator.", "note")
        + Html.Table(["Inject", "Delivered", "Expected action", "Verdict", "What the journal shows"],
            r.Injects.Select(i => (IReadOnlyList<string>)
            [
                $"<b>{Html.Escape(i.Inject)}</b><br />{Html.Escape(i.Title)}<br /><span class=\"note\">to {Html.Escape(string.Join(", ", i.To))}</span>",
                Html.Escape(Html.Instant(i.At)),
                Html.Escape(i.ExpectedAction),
                Html.Badge(i.Verdict.Replace('-', ' '), i.Verdict),
                Html.Escape(i.Reason) + (i.Answers is { Count: > 0 } answers ? Html.List(answers.Select(a => $"answered: {Html.Escape(a)}")) : "")
                    + ReportCharts.Events(i.Events, r.Exercise.Start),
            ]), "injects");

    private static string Plan(AfterActionReport r) =>
        r.ImprovementPlan.Count == 0 ? Html.Paragraph("No corrective actions: no area for improvement was observed.") :
        Html.Paragraph("One corrective action per area for improvement, in the form of the HSEEP improvement plan. Capability elements: planning, organization, equipment, training, exercise. Due dates count from the after-action meeting; where an instrument is recommended, its legal basis is cited from the instrument catalogue.", "note")
        + Html.Table(["", "Capability", "Issue / area for improvement", "Corrective action", "Element", "Primary responsible organization", "Due within"],
            r.ImprovementPlan.Select(c => (IReadOnlyList<string>)
            [
                $"<b id=\"{Html.Escape(c.Id)}\">{Html.Escape(c.Id)}</b><br /><a href=\"#{Html.Escape(c.Area)}\">{Html.Escape(c.Area)}</a>",
                Html.Escape(c.Capability),
                Html.Escape(c.Issue),
                Html.Escape(c.Action) + (c.Instrument is null ? "" : $"<br /><span class=\"note\">catalogue: {Html.Code(c.Instrument)}</span>"),
                Html.Escape(c.Element),
                Html.Escape(c.Responsible),
                Html.Escape($"{c.DueWithin.TotalDays:0} days"),
            ]), "plan");

    private static string Span(TimeSpan? t, string none) => t is null ? none : DurationText.Human(t.Value);
}
