using System.ComponentModel;
using System.Text.Json;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Runs;
using Simulator.Scenarios.Scenario;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// `simulator compare SCENARIO --policies a,b --runs N`: each policy run N times (seeds S..S+N-1) on all cores, and
/// the distributions side by side: evidence secured, time to preservation and to evidence, where evidence is lost,
/// and the procedural gaps ranked by cost. With `--overlay`, each what-if overlay is played on the same seeds and set
/// against the baseline, each difference with its 95% confidence interval.
/// </summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : ComparisonSettings
    {
        [CommandOption("--json")]
        [Description("Print the comparison as JSON")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Tables wrap badly at the 80 columns assumed for redirected output; a file or pager can take more.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 180;
        var catalogue = settings.LoadCatalogue();
        var scenario = ScenarioLoader.Load(ScenarioPaths.Resolve(settings.Scenario), catalogue);
        var policies = ComparisonRun.Policies(settings.Policies);
        var overlays = ComparisonRun.Overlays(settings.Overlays, scenario, catalogue);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var results = ComparisonRun.Run(scenario, overlays, catalogue, policies, settings.Runs, settings.Seed, settings.Json, cancellationToken);
        var elapsed = started.Elapsed;

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = scenario.File.Scenario,
                runs = settings.Runs,
                firstSeed = settings.Seed,
                overlays = overlays.Select(o => new { overlay = o.Id, title = o.Title, changes = o.Changes }),
                policies = results.Select(p => new
                {
                    policy = p.Policy,
                    runs = p.Baseline.Statistics.Runs,
                    evidence = p.Baseline.Statistics.Evidence,
                    secured = p.Baseline.Statistics.Secured,
                    preserved = p.Baseline.Statistics.Preserved,
                    lost = p.Baseline.Statistics.Lost,
                    securedShare = Math.Round(p.Baseline.Statistics.SecuredShare, 4),
                    securedShareInterval = Interval(p.Baseline.Statistics.SecuredShareInterval()),
                    securedAndAdmissible = p.Baseline.Statistics.SecuredAndAdmissible,
                    securedAndAdmissibleShare = Math.Round(p.Baseline.Statistics.SecuredAndAdmissibleShare, 4),
                    securedAndAdmissibleShareInterval = Interval(p.Baseline.Statistics.SecuredAndAdmissibleShareInterval()),
                    timeToPreservation = Quantiles(p.Baseline.Statistics.TimeToPreservation),
                    timeToEvidence = Quantiles(p.Baseline.Statistics.TimeToEvidence),
                    rights = Rights(p.Baseline.Statistics.Rights),
                    gaps = p.Baseline.Statistics.Gaps(),
                    overlays = p.Variants.Skip(1).Select(v => new
                    {
                        overlay = v.Name,
                        evidence = v.Statistics.Evidence,
                        secured = v.Statistics.Secured,
                        preserved = v.Statistics.Preserved,
                        lost = v.Statistics.Lost,
                        securedShare = Math.Round(v.Statistics.SecuredShare, 4),
                        securedShareInterval = Interval(v.Statistics.SecuredShareInterval()),
                        securedAndAdmissible = v.Statistics.SecuredAndAdmissible,
                        securedAndAdmissibleShare = Math.Round(v.Statistics.SecuredAndAdmissibleShare, 4),
                        securedAndAdmissibleShareInterval = Interval(v.Statistics.SecuredAndAdmissibleShareInterval()),
                        timeToPreservation = Quantiles(v.Statistics.TimeToPreservation),
                        timeToEvidence = Quantiles(v.Statistics.TimeToEvidence),
                        rights = Rights(v.Statistics.Rights),
                        versusBaseline = new
                        {
                            securedShare = Moments(v.VersusBaseline!.SecuredShare, 4),
                            lostPerRun = Moments(v.VersusBaseline.Lost, 3),
                            securedAndAdmissibleShare = Moments(v.VersusBaseline.SecuredAndAdmissibleShare, 4),
                            thirdPartyRecords = Moments(v.VersusBaseline.ThirdPartyRecords, 1),
                            hoursToPreservation = Moments(v.VersusBaseline.HoursToPreservation, 1),
                            hoursToEvidence = Moments(v.VersusBaseline.HoursToEvidence, 1),
                        },
                        itemsChanged = VariantChanges.ItemsChanged(p.Baseline.Statistics, v.Statistics),
                        gaps = v.Statistics.Gaps(),
                    }),
                }),
            }, JournalJson.Indented));
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]{Terminal.Markup(scenario.File.Scenario)}[/]: {settings.Runs} runs per policy, seeds {settings.Seed}..{settings.Seed + settings.Runs - 1}, {elapsed.TotalSeconds:0.0} s");
        if (overlays.Count == 0)
        {
            var table = new Table().AddColumns("policy", "evidence secured (95% CI)", "secured and admissible (95% CI)", "lost per run", "to preservation: median / p90", "to evidence: median / p90");
            foreach (var r in results.Select(p => p.Baseline.Statistics))
            {
                var (low, high) = r.SecuredShareInterval();
                var (aLow, aHigh) = r.SecuredAndAdmissibleShareInterval();
                table.AddRow(r.Policy, $"{r.SecuredShare:P0} ({low:P0}-{high:P0})", $"{r.SecuredAndAdmissibleShare:P0} ({aLow:P0}-{aHigh:P0})", $"{(double)r.Lost / r.Runs:0.0}",
                    $"{Span(r.TimeToPreservation.Quantile(0.5))} / {Span(r.TimeToPreservation.Quantile(0.9))}",
                    $"{Span(r.TimeToEvidence.Quantile(0.5))} / {Span(r.TimeToEvidence.Quantile(0.9))}");
            }
            AnsiConsole.Write(table);
        }
        else WriteOverlays(overlays, results);
        WriteRights(results);
        foreach (var p in results)
        {
            var r = p.Baseline.Statistics;
            var gaps = new Table().Title($"procedural gaps under {r.Policy}, costliest first").AddColumns("kind", "where (stage | authority or holder)", "cost per run", "example");
            foreach (var g in r.Gaps(5))
                gaps.AddRow(g.Kind, Terminal.Markup(g.Where), g.Kind == "evidence lost" ? $"{g.ItemsLostPerRun:0.00} items" : $"{g.DaysPerRun:0.0} days", Terminal.Markup(g.Example));
            AnsiConsole.Write(gaps);
        }
        return 0;
    }

    /// <summary>Baseline and overlays side by side per policy, each difference with its 95% interval, then what moved.</summary>
    private static void WriteOverlays(IReadOnlyList<AppliedOverlay> overlays, IReadOnlyList<PolicyVariants> results)
    {
        foreach (var o in overlays)
        {
            AnsiConsole.MarkupLine($"[bold]overlay {Terminal.Markup(o.Id)}[/]: {Terminal.Markup(o.Title)}");
            foreach (var c in o.Changes) AnsiConsole.MarkupLine($"  - {Terminal.Markup(c.ToString())}");
        }
        AnsiConsole.MarkupLine("Changes are the overlay minus the baseline on the same seeds, with their 95% confidence interval; * marks an interval that excludes zero.");
        var table = new Table().AddColumns("policy", "variant", "secured", "lost per run", "secured, points", "admissible, points", "lost per run", "hours to evidence");
        table.Columns[4].Header = new Markup("change in\nsecured, points");
        table.Columns[5].Header = new Markup("change in secured\nand admissible, points");
        table.Columns[6].Header = new Markup("change in\nlost per run");
        table.Columns[7].Header = new Markup("change in mean\nhours to evidence");
        foreach (var p in results)
            foreach (var v in p.Variants)
            {
                var st = v.Statistics;
                var (low, high) = st.SecuredShareInterval();
                var d = v.VersusBaseline;
                table.AddRow(p.Policy, Terminal.Markup(v.Name), $"{st.SecuredShare:P0} ({low:P0}-{high:P0})", $"{(double)st.Lost / st.Runs:0.0}",
                    d is null ? "" : Change(d.SecuredShare, 100, "0.0"), d is null ? "" : Change(d.SecuredAndAdmissibleShare, 100, "0.0"),
                    d is null ? "" : Change(d.Lost, 1, "0.00"), d is null ? "" : Change(d.HoursToEvidence, 1, "0"));
            }
        AnsiConsole.Write(table);
        foreach (var p in results)
            foreach (var v in p.Variants.Skip(1))
            {
                var moved = VariantChanges.ItemsChanged(p.Baseline.Statistics, v.Statistics);
                if (moved.Count == 0)
                {
                    AnsiConsole.MarkupLine($"{Terminal.Markup(p.Policy)} + {Terminal.Markup(v.Name)}: no evidence item's fate moved by 5 points or more");
                    continue;
                }
                var items = new Table().Title($"what moved under {Terminal.Markup(p.Policy)} with {Terminal.Markup(v.Name)}").AddColumns("evidence", "holder", "secured: baseline -> overlay", "lost: baseline -> overlay");
                foreach (var m in moved)
                    items.AddRow(Terminal.Markup(m.Evidence), Terminal.Markup(m.Holder), $"{m.SecuredBefore:P0} -> {m.SecuredAfter:P0}", $"{m.LostBefore:P0} -> {m.LostAfter:P0}");
                AnsiConsole.Write(items);
            }
    }

    /// <summary>Each policy's (and variant's) rights figures per run beside its secured share: counts by kind, not one score.</summary>
    private static void WriteRights(IReadOnlyList<PolicyVariants> results)
    {
        var table = new Table().Title("rights, per run (95% CI): requests beyond what the facts support, and the records they brought")
            .AddColumns("policy", "variant", "secured / and admissible", "over-broad requests", "narrowed by the requested state", "records beyond the need", "third-party records",
                "items under challenge", "items excluded", "emergency claims that did not hold", "uses without consent", "orders in default / penalties");
        static string Figure(RightsFigure f, string format) =>
            $"{f.Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({f.Low.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}-{f.High.ToString(format, System.Globalization.CultureInfo.InvariantCulture)})";
        foreach (var p in results)
            foreach (var v in p.Variants)
            {
                var r = v.Statistics.Rights;
                table.AddRow(p.Policy, Terminal.Markup(v.Name), $"{v.Statistics.SecuredShare:P0} / {v.Statistics.SecuredAndAdmissibleShare:P0}", Figure(r.OverBroadRequests, "0.0"), Figure(r.NarrowedRequests, "0.0"),
                    Figure(r.RecordsBeyondNeed, "0"), Figure(r.ThirdPartyRecords, "0"), Figure(r.AdmissibleUnderChallenge, "0.0"), Figure(r.Excluded, "0.0"), Figure(r.EmergencyClaimsNotHeld, "0.0"), Figure(r.PurposeViolations, "0.0"),
                    $"{Figure(r.OrdersInDefault, "0.0")} / {Figure(r.Penalties, "0.0")}");
            }
        AnsiConsole.Write(table);
    }

    private static object Rights(RightsStatistics r)
    {
        static object Figure(RightsFigure f, int digits) => new { mean = Math.Round(f.Mean, digits), interval = new[] { Math.Round(f.Low, digits), Math.Round(f.High, digits) } };
        return new
        {
            overBroadRequests = Figure(r.OverBroadRequests, 2),
            narrowedRequests = Figure(r.NarrowedRequests, 2),
            recordsBeyondNeed = Figure(r.RecordsBeyondNeed, 1),
            thirdPartyRecords = Figure(r.ThirdPartyRecords, 1),
            admissibleUnderChallenge = Figure(r.AdmissibleUnderChallenge, 2),
            excluded = Figure(r.Excluded, 2),
            emergencyClaimsNotHeld = Figure(r.EmergencyClaimsNotHeld, 2),
            lapsedWithEmergency = Figure(r.LapsedWithEmergency, 2),
            purposeViolations = Figure(r.PurposeViolations, 2),
            ordersInDefault = Figure(r.OrdersInDefault, 2),
            penalties = Figure(r.Penalties, 2),
        };
    }

    /// <summary>"+25.0 (+20.1..+29.9)", marked when the interval excludes zero.</summary>
    private static string Change(RunningMoments m, double scale, string format)
    {
        if (m.Count == 0) return "-";
        var (low, high) = m.Interval95();
        string Signed(double x) => (x * scale).ToString("+" + format + ";-" + format + ";0", System.Globalization.CultureInfo.InvariantCulture);
        return $"{Signed(m.Mean)}{(m.ExcludesZero ? " *" : "")}\n({Signed(low)}..{Signed(high)})";
    }

    private static double[] Interval((double Low, double High) i) => [Math.Round(i.Low, 4), Math.Round(i.High, 4)];

    private static object Quantiles(DurationHistogram h) => new { median = h.Quantile(0.5), p90 = h.Quantile(0.9) };

    private static object Moments(RunningMoments m, int digits) => new
    {
        mean = Math.Round(m.Mean, digits),
        interval = new[] { Math.Round(m.Interval95().Low, digits), Math.Round(m.Interval95().High, digits) },
        pairs = m.Count,
        significant = m.ExcludesZero,
    };

    private static string Span(TimeSpan? t) => t is null ? "-" : DurationText.Human(t.Value);
}
