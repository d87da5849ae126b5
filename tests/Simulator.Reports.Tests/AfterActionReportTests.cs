using Simulator.Core.Catalogue;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Reports;
using Simulator.Reports.AfterAction;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Reports.Tests;

/// <summary>
/// The after-action report on runs whose outcome the reference scenario's briefing states: under mla-only the
/// mailbox's login IPs are lost to retention while the MLA request waits and nothing is preserved; under
/// preserve-then-mla the C2 logs are frozen through the 24/7 network (Budapest Art. 29) within the objective's two days.
/// </summary>
public class AfterActionReportTests
{
    [Fact]
    public void Evidence_lost_to_retention_under_mla_only_is_an_area_for_improvement_with_its_loss_event_and_a_preservation_action()
    {
        // Seed 7: the MLA request for the mailbox is drafted in under two weeks and sent before the login IPs expire (with
        // seed 1 its drafting outlasts them, and the report rightly says the request was never sent).
        var run = ReportRuns.Run("hospital-ransomware", "mla-only", seed: 7);
        var report = AfterActionReport.Build(run);

        var loss = run.Journal.Entries.Single(e => e.Event is EvidenceLost { Evidence: "mailbox-login-ips" });
        Assert.StartsWith("retention expired", ((EvidenceLost)loss.Event).Reason);
        var area = Assert.Single(report.AreasForImprovement, a => a.Kind == FindingKinds.EvidenceLost && a.Events.Any(e => e.Seq == loss.Sequence));
        // The MLA request had been sent and was waiting; nothing froze the data.
        Assert.Equal("production-without-preservation", area.Cause);
        Assert.Contains("mailbox-login-ips", area.Title);
        Assert.Contains("budapest-art31-mla", area.Title);
        var cited = area.Events.Single(e => e.Seq == loss.Sequence);
        Assert.Equal(("EvidenceLost", loss.At), (cited.Type, cited.At));
        Assert.Contains(area.Details, d => d.StartsWith("mailbox-login-ips") && d.Contains("retention ran out"));

        var action = Assert.Single(report.ImprovementPlan, c => c.Area == area.Id);
        Assert.Equal(action.Id, area.CorrectiveAction);
        Assert.Contains("Preserve", action.Action);
        // The recommended instrument is a preservation instrument the catalogue defines, cited with its legal basis:
        // for Postlane, which offers services in the Union, the European Preservation Order (REG Art. 11).
        var instrument = CatalogueLoader.Shipped[action.Instrument!];
        Assert.Equal(InstrumentPurpose.Preservation, instrument.Purpose);
        Assert.Equal(instrument.LegalBasis, action.LegalBasis);
        Assert.Contains(instrument.LegalBasis, action.Action);
        Assert.EndsWith("of AL", action.Responsible);
        Assert.Equal(CorrectiveActionTable.Elements.Planning, action.Element);
        Assert.True(action.DueWithin > TimeSpan.Zero);
    }

    [Fact]
    public void A_review_that_confirms_what_the_facts_do_not_support_is_an_area_for_improvement_of_the_requested_state()
    {
        // Belmark regards the crew's conduct as political (Budapest Art. 29(5)(a)); its contact point, a trainee, approves
        // Aldoria's preservation request confirming that no refusal ground applies.
        var path = Path.Combine(Simulator.Tests.RepositoryFiles.Scenarios(), "hospital-ransomware.yaml");
        var text = File.ReadAllText(path);
        var belmark = text.IndexOf("  - id: BE", StringComparison.Ordinal);
        var frameworks = text.IndexOf("    frameworks: [budapest]\n", belmark, StringComparison.Ordinal);
        text = text.Insert(frameworks, "    political-offences: [illegal-access, illegal-system-interference, illegal-data-interference, extortion]\n");
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, path), CatalogueLoader.Shipped, 1);
        var run = new Simulation(built.World, built.Catalogue, SimulationOptions.Under(RulesVersion.Current, 1, new PreserveThenMlaPolicy(), new HashSet<string> { "BE/contact-point" }));
        run.Start();
        RequestRecord? toBelmark = null;
        while ((toBelmark = run.Requests.FirstOrDefault(r => r.RequestedState == "BE" && r.State == Core.Procedures.RequestState.UnderReview)) is null) Assert.True(run.Step(), "no request reached Belmark's review");
        var checks = run.ChecksFor(toBelmark);
        Assert.True(run.Decide(new Core.Decisions.AnswerRequest("BE/contact-point", toBelmark.Id, Core.Decisions.Answer.Approve, Confirmed: checks)).Accepted);
        run.RunUntil(run.Now + TimeSpan.FromDays(1));

        var report = AfterActionReport.Build(run);
        var area = Assert.Single(report.AreasForImprovement, a => a.Kind == FindingKinds.ReviewUnsupported);
        Assert.StartsWith($"24/7 contact point of BE answered {toBelmark.Id}", area.Title);
        Assert.Contains("no-ground: political-offence", area.Title);
        Assert.Contains(area.Events, e => e.Type == "ReviewRecorded");
        var action = Assert.Single(report.ImprovementPlan, c => c.Area == area.Id);
        Assert.Contains("against the request's facts before confirming the review", action.Action);
    }

    [Fact]
    public void Over_broad_requests_and_the_items_the_trial_left_open_to_challenge_are_areas_for_improvement_with_articles()
    {
        var careful = AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "emergency-aware"));
        Assert.DoesNotContain(careful.AreasForImprovement, a => a.Kind is FindingKinds.RequestOverBroad or FindingKinds.EvidenceNotAdmitted);

        var run = ReportRuns.Run("hospital-ransomware", "everything-fastest");
        var report = AfterActionReport.Build(run);
        var overBroad = report.AreasForImprovement.Where(a => a.Kind == FindingKinds.RequestOverBroad).ToList();
        Assert.Equal(run.Outcome().Rights!.OverBroadRequests, overBroad.Count);
        Assert.Contains(overBroad, a => a.Title.Contains("asked beyond what the facts support: window:") && a.Title.Contains("narrowed it to the need"));
        Assert.All(overBroad, a => Assert.Contains(a.Events, e => e.Type == "RequestScopeAssessed"));
        var challenged = report.AreasForImprovement.Where(a => a.Kind == FindingKinds.EvidenceNotAdmitted).ToList();
        Assert.Equal(run.Outcome().Rights!.AdmissibleUnderChallenge, challenged.Count);
        Assert.All(challenged, a => Assert.Contains(a.Events, e => e.Type == "AdmissibilityExamined"));
        var action = report.ImprovementPlan.First(c => c.Area == overBroad[0].Id);
        Assert.Contains("REG 2023/1543 Art. 5(2); Budapest Art. 15(1)-(2)", action.Action);
        Assert.Contains("REG 2023/1543 Art. 18", report.ImprovementPlan.First(c => c.Area == challenged[0].Id).Action);
    }

    [Fact]
    public void An_item_resting_on_an_emergency_claim_that_did_not_hold_is_an_area_whose_remedy_is_the_ordinary_route()
    {
        var report = AfterActionReport.Build(ReportRuns.Run("hoax-threat-emergency", "emergency-aware"));
        var area = Assert.Single(report.AreasForImprovement, a => a.Kind == FindingKinds.EvidenceNotAdmitted);
        Assert.Contains("postwave-login-ips", area.Title);
        Assert.Contains("emergency claim that did not hold", area.Title);
        var action = Assert.Single(report.ImprovementPlan, c => c.Area == area.Id).Action;
        Assert.StartsWith("Before trial, ask again by an ordinary route while the holder still has it", action);
        Assert.DoesNotContain("over-broad", action);
    }

    [Fact]
    public void Every_loss_of_the_run_is_cited_under_areas_for_improvement()
    {
        var run = ReportRuns.Run("hospital-ransomware", "mla-only");
        var report = AfterActionReport.Build(run);
        var losses = run.Journal.Entries.Where(e => e.Event is EvidenceLost).Select(e => e.Sequence).ToList();
        Assert.Equal(run.Outcome().Summary.Lost, losses.Count);
        var cited = report.AreasForImprovement.Where(a => a.Kind == FindingKinds.EvidenceLost).SelectMany(a => a.Events).Where(e => e.Type == "EvidenceLost").Select(e => e.Seq).ToList();
        Assert.Equal(losses.Order(), cited.Order());
        // Hostbay's data was purged while the MLA request was still being drafted; TunnelFox's lead was never found.
        Assert.Contains(report.AreasForImprovement, a => a.Cause == "request-not-sent" && a.Title.Contains("c2-flow-logs"));
        Assert.Contains(report.AreasForImprovement, a => a.Cause == "lead-not-discovered" && a.Title.Contains("vpn-session-logs"));
        Assert.Equal(report.AreasForImprovement.Count, report.ImprovementPlan.Count);
        Assert.All(report.AreasForImprovement, a => Assert.Single(report.ImprovementPlan, c => c.Area == a.Id && c.Id == a.CorrectiveAction));
    }

    [Fact]
    public void A_met_objective_is_a_strength_with_the_events_that_met_it()
    {
        var run = ReportRuns.Run("hospital-ransomware", "preserve-then-mla");
        var report = AfterActionReport.Build(run);

        var rated = run.Journal.Entries.Single(e => e.Event is ObjectiveRated { Objective: "freeze-c2-logs" });
        Assert.Equal(Ratings.WithoutChallenges, ((ObjectiveRated)rated.Event).Rating);
        var objective = report.Objectives.Single(o => o.Objective == "freeze-c2-logs");
        Assert.Equal(("P", ObjectiveResults.Met, false), (objective.Code, objective.Result, objective.Provisional));

        var strength = Assert.Single(report.Strengths, s => s.Kind == FindingKinds.ObjectiveMet && s.Title.Contains("freeze-c2-logs"));
        Assert.Equal("Operational coordination - 24/7 network", strength.Capability);
        Assert.Contains(strength.Events, e => e.Seq == rated.Sequence);
        // ...and the sending of the Art. 29 request that met the measure.
        var sent = strength.Events.Single(e => e.Type == "RequestStateChanged");
        var request = ((RequestStateChanged)run.Journal.Entries[(int)sent.Seq - 1].Event).Request;
        Assert.Equal("budapest-art29-preservation", run.Request(request)!.Instrument.Id);
        Assert.DoesNotContain(report.AreasForImprovement, a => a.Title.Contains("freeze-c2-logs"));
    }

    [Theory]
    [InlineData("mla-only")]
    [InlineData("preserve-then-mla")]
    [InlineData("direct-orders-first")]
    public void Objective_ratings_are_those_the_journal_recorded(string policy)
    {
        var run = ReportRuns.Run("hospital-ransomware", policy);
        var report = AfterActionReport.Build(run);
        var recorded = run.Journal.Entries.Select(e => e.Event).OfType<ObjectiveRated>().ToDictionary(r => r.Objective);
        Assert.Equal(run.World.Objectives.Select(o => o.Id), report.Objectives.Select(o => o.Objective));
        foreach (var o in report.Objectives)
        {
            Assert.Equal(recorded[o.Objective].Rating, o.Rating);
            Assert.Equal(recorded[o.Objective].Evidence, o.Evidence);
            var met = o.Rating == Ratings.WithoutChallenges;
            Assert.Equal(met, report.Strengths.Any(s => s.Kind == FindingKinds.ObjectiveMet && s.Title.StartsWith($"Objective {o.Objective} ")));
            Assert.Equal(!met, report.AreasForImprovement.Any(a => a.Kind == FindingKinds.ObjectiveNotMet && a.Title.StartsWith($"Objective {o.Objective} ")));
        }
        Assert.Equal(report.Objectives.Count(o => o.Result == ObjectiveResults.Met), report.Summary.ObjectivesMet);
    }

    [Fact]
    public void Refusals_are_areas_for_improvement_with_their_ground_and_legal_source()
    {
        // Budapest Arts. 27(4)(a) and 29(5)(a): Lorvania (LR) regards the intrusion as a political offence.
        var run = ReportRuns.Run("political-intrusion-refusals", "preserve-then-mla");
        var report = AfterActionReport.Build(run);
        var refusals = run.Journal.Entries.Where(e => e.Event is RequestRefused).ToList();
        Assert.NotEmpty(refusals);
        foreach (var entry in refusals)
        {
            var refusal = (RequestRefused)entry.Event;
            var area = Assert.Single(report.AreasForImprovement, a => a.Kind == FindingKinds.RequestRefused && a.Events.Any(e => e.Seq == entry.Sequence));
            Assert.Contains(refusal.Ground, area.Title);
            Assert.Contains(refusal.Source, area.Title);
            Assert.Contains(area.Details, d => d.StartsWith(refusal.Request + " ") && d.Contains(refusal.Source));
        }
        var political = report.AreasForImprovement.Single(a => a.Cause == "political-offence");
        var action = report.ImprovementPlan.Single(c => c.Area == political.Id);
        Assert.Contains("consult", action.Action);
        // Whatever it recommends instead, it is none of the instruments refused on that ground.
        Assert.DoesNotContain(action.Instrument ?? "", ((string[])["budapest-art29-preservation", "budapest-art31-mla"]));
    }

    [Fact]
    public void Every_kind_of_refusal_ground_has_a_corrective_action()
    {
        foreach (var condition in Enum.GetValues<RefusalCondition>())
            Assert.NotNull(CorrectiveActionTable.For(FindingKinds.RequestRefused, Simulator.Core.Common.Names.Kebab(condition)).Action);
    }

    [Fact]
    public void A_request_refused_as_beyond_what_its_facts_support_is_an_area_with_the_narrower_request_as_its_remedy()
    {
        var refused = 0;
        foreach (var policy in PolicyCatalogue.All.Select(p => p.Name))
        {
            var run = ReportRuns.Run("fishing-expedition-refused", policy);
            var report = AfterActionReport.Build(run);
            foreach (var refusal in run.Journal.Entries.Select(e => e.Event).OfType<RequestRefused>().Where(r => r.Ground == "fishing-expedition"))
            {
                refused++;
                var area = Assert.Single(report.AreasForImprovement, a => a.Cause == "over-broad" && a.Details.Any(d => d.StartsWith(refusal.Request + " ")));
                Assert.Contains("Ask only for what the facts link to the offence", report.ImprovementPlan.Single(c => c.Area == area.Id).Action);
            }
        }
        Assert.True(refused > 0, "no policy's request was refused as a fishing expedition in fishing-expedition-refused");
    }

    [Fact]
    public void A_conditional_purge_that_fired_is_an_area_and_one_that_was_averted_is_a_strength()
    {
        var mla = AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "mla-only"));
        Assert.Equal("consequence", mla.Injects.Single(i => i.Inject == "hoster-reimages").Verdict);
        var area = Assert.Single(mla.AreasForImprovement, a => a.Kind == FindingKinds.ConsequenceInject);
        Assert.Contains("c2-flow-logs", area.Title);
        Assert.Contains(area.Events, e => e.Type == "InjectDelivered");
        Assert.Equal(3, area.Events.Count(e => e.Type == "EvidenceLost"));

        var preserve = AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "preserve-then-mla"));
        Assert.Equal("averted", preserve.Injects.Single(i => i.Inject == "hoster-reimages").Verdict);
        var strength = Assert.Single(preserve.Strengths, s => s.Kind == FindingKinds.ConsequenceAverted);
        Assert.Contains("hostbay", strength.Title);
    }

    [Fact]
    public void An_inject_asking_to_preserve_is_judged_by_the_requests_drafted_after_it()
    {
        // The hospital's report expects a preservation request to Hostbay through the 24/7 network at once.
        var mla = AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "mla-only"));
        Assert.Equal("not-taken", mla.Injects.Single(i => i.Inject == "hospital-report").Verdict);
        Assert.Contains(mla.AreasForImprovement, a => a.Kind == FindingKinds.ExpectedActionNotTaken && a.Title.Contains("hospital-report"));
        var preserve = AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "preserve-then-mla"));
        var taken = preserve.Injects.Single(i => i.Inject == "hospital-report");
        Assert.Equal("taken", taken.Verdict);
        Assert.Contains(taken.Events, e => e.Type == "RequestDrafted" && e.Text.Contains("budapest-art29-preservation") && e.Text.Contains("hostbay"));
        // An inject that names no provider the journal can follow is left to the evaluator, not counted against anyone.
        Assert.Equal("for-the-evaluator", preserve.Injects.Single(i => i.Inject == "press-inquiry").Verdict);
    }

    [Fact]
    public void The_report_is_the_same_for_the_same_run_and_its_json_has_no_nulls()
    {
        var a = ReportJson.Serialize(AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "mla-only", 3)));
        var b = ReportJson.Serialize(AfterActionReport.Build(ReportRuns.Run("hospital-ransomware", "mla-only", 3)));
        Assert.Equal(a, b);
        Assert.DoesNotContain("null", a);
        using var doc = System.Text.Json.JsonDocument.Parse(a);
        var root = doc.RootElement;
        Assert.Equal(AfterActionReport.KindName, root.GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("exercise").GetProperty("seed").GetInt64());
        Assert.EndsWith("Z", root.GetProperty("exercise").GetProperty("start").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("exercise").GetProperty("journalHead").GetString()!);
        Assert.StartsWith("P", root.GetProperty("improvementPlan")[0].GetProperty("dueWithin").GetString());
    }

    [Fact]
    public void An_exercise_still_running_is_reported_with_provisional_ratings()
    {
        // The live console offers the report before the end: the builder must not need an ended run.
        var scenario = ReportRuns.Load("hospital-ransomware");
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Shipped, 1);
        var simulation = new Simulation(built.World, built.Catalogue, new SimulationOptions(1, new PreserveThenMlaPolicy()));
        simulation.Start();
        simulation.RunUntil(built.World.Start + TimeSpan.FromDays(5));
        var report = AfterActionReport.Build(simulation);
        Assert.False(report.Exercise.Ended);
        Assert.Equal(built.World.Start + TimeSpan.FromDays(5), report.Exercise.End);
        Assert.All(report.Objectives, o => Assert.True(o.Provisional));
        Assert.Equal(Ratings.WithoutChallenges, report.Objectives.Single(o => o.Objective == "freeze-c2-logs").Rating);
        Assert.Equal(simulation.Journal.LastHash, report.Exercise.JournalHead);
    }
}
