using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Reports.AfterAction;
using Simulator.Reports.Html;
using Simulator.Reports.Transparency;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Reports.Tests;

/// <summary>The HTML pages: well-formed (they parse as XML), complete, self-contained, and escaping what scenarios say.</summary>
public class ReportHtmlTests
{
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> All(XDocument doc, string name) => doc.Descendants(name);

    private static string? Id(XElement e) => e.Attribute("id")?.Value;

    private static void SelfContained(string html)
    {
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("@media print", html);
        Assert.Contains("size: A4", html);
    }

    [Fact]
    public void The_after_action_page_has_every_section_objective_finding_action_and_chart()
    {
        var run = ReportRuns.Run("hospital-ransomware", "mla-only");
        var report = AfterActionReport.Build(run);
        var html = AfterActionHtml.Render(report);
        var doc = Parse(html);
        SelfContained(html);

        var sections = All(doc, "section").Select(Id).ToList();
        Assert.Equal(["overview", "objectives", "evaluation", "strengths", "areas", "timeline", "msel", "improvement-plan"], sections);
        Assert.All(All(doc, "section").Skip(1), s => Assert.Equal("major", s.Attribute("class")?.Value));
        var objectivesTable = All(doc, "section").Single(s => Id(s) == "objectives").Descendants("tbody").Single();
        Assert.Equal(report.Objectives.Select(o => o.Objective), objectivesTable.Elements("tr").Select(tr => tr.Elements("td").First().Value));
        var ids = doc.Descendants().Select(Id).OfType<string>().ToHashSet();
        Assert.All(report.Strengths.Concat(report.AreasForImprovement), f => Assert.Contains(f.Id, ids));
        Assert.All(report.ImprovementPlan, c => Assert.Contains(c.Id, ids));
        var svgs = All(doc, "svg").Select(Id).ToList();
        Assert.Equal(["aar-requests", "aar-evidence"], svgs);
        // One bar per request, with its tooltip; the evidence chart ends with the run's counts.
        Assert.Equal(report.Requests.Count, All(doc, "svg").First().Descendants("g").Count(g => g.Element("title")?.Value.StartsWith("req-") == true));
        Assert.Contains($"lost {run.Outcome().Summary.Lost}", All(doc, "svg").Last().Value);
        // The loss events the areas cite are shown with their sequence numbers.
        foreach (var seq in run.Journal.Entries.Where(e => e.Event is EvidenceLost).Select(e => e.Sequence))
            Assert.Contains($"#{seq}", All(doc, "section").Single(s => Id(s) == "areas").Value);
        Assert.Contains(run.Journal.LastHash, html);
    }

    [Fact]
    public void Transparency_pages_for_one_run_and_across_runs_are_well_formed_with_their_charts()
    {
        var run = ReportRuns.Run("political-intrusion-refusals", "preserve-then-mla");
        var single = TransparencyReport.Build(run);
        var html = TransparencyHtml.Render(single);
        var doc = Parse(html);
        SelfContained(html);
        Assert.Equal(["summary", "by-instrument", "by-state", "refusals", "durations", "emergency-preservation-cost", "timeline"], All(doc, "section").Select(Id));
        Assert.Equal(["tr-instruments", "tr-durations", "tr-requests"], All(doc, "svg").Select(Id));
        var grounds = All(doc, "section").Single(s => Id(s) == "refusals").Value;
        Assert.All(single.Figures.RefusalGrounds, g => Assert.Contains(g.Source, grounds));

        var across = TransparencyRunsReport.Build(TransparencyRuns.Run(ReportRuns.Load("hospital-ransomware"), CatalogueLoader.Shipped, new MlaOnlyPolicy(), 3));
        var many = TransparencyHtml.Render(across);
        var manyDoc = Parse(many);
        SelfContained(many);
        Assert.Contains("distributions", All(manyDoc, "section").Select(Id));
        Assert.Equal(across.Distributions.Count, All(manyDoc, "svg").Count(s => Id(s)!.StartsWith("tr-dist-")));
        Assert.Contains("seeds 1 to 3", many);
    }

    [Fact]
    public void Markup_in_a_scenario_is_shown_as_text_never_run()
    {
        var run = ReportRuns.RunHostile();
        Assert.StartsWith("<script>", run.World.Title);
        foreach (var html in new[] { AfterActionHtml.Render(AfterActionReport.Build(run)), TransparencyHtml.Render(TransparencyReport.Build(run)) })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>Castrel", html);
            Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;Castrel&lt;/b&gt;", html);
            var doc = Parse(html);
            Assert.Equal(run.World.Title, doc.Descendants("h1").Single().Value);
            Assert.Empty(doc.Descendants("img"));
        }
        var aar = AfterActionHtml.Render(AfterActionReport.Build(run));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", aar);
    }

    [Fact]
    public void Charts_escape_their_labels_and_scope_their_patterns_to_their_id()
    {
        var a = SvgCharts.Histogram("one", "t<1>", ["<a>", "b"], [new HistogramSeries("s&1", [1, 2]), new HistogramSeries("s2", [3, 0], 1)], "x", "y");
        var b = SvgCharts.BarsWithIntervals("two", "t", [new IntervalBar("</svg>", 5, 2, 9, 1)], v => v.ToString("0"), "axis");
        foreach (var svg in new[] { a, b })
        {
            var doc = XDocument.Parse(svg);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
        }
        Assert.Contains("&lt;a&gt;", a);
        Assert.Contains("s&amp;1", a);
        Assert.Contains("id=\"one-hatch\"", a);
        Assert.Contains("url(#one-hatch)", a);
        Assert.DoesNotContain("two-", a);
        Assert.Contains("&lt;/svg&gt;", b);
        // The interval is a whisker with two caps.
        Assert.Equal(3, XDocument.Parse(b).Descendants("line").Count(l => l.Attribute("stroke")?.Value == "#1a1a1a"));
    }
}
