using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Reports.Html;
using Simulator.Scenarios.Scenario;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Reports;
using Simulator.Reports.Transparency;
using Simulator.Scenarios;
using Simulator.Scenarios.Catalogue;

namespace Simulator.Reports.Tests;

/// <summary>The transparency figures against the outcome and journal they are counted from, for one run and across runs.</summary>
public class TransparencyReportTests
{
    [Theory]
    [InlineData("hospital-ransomware", "preserve-then-mla")]
    [InlineData("political-intrusion-refusals", "preserve-then-mla")]
    [InlineData("sextortion-threat-to-life", "emergency-aware")]
    public void Requests_are_counted_by_instrument_outcome_and_state_as_the_outcome_lists_them(string scenario, string policy)
    {
        var run = ReportRuns.Run(scenario, policy);
        var outcome = run.Outcome();
        var f = TransparencyReport.Build(run).Figures;

        Assert.Equal(1, f.Runs);
        Assert.Equal(outcome.Requests.Count, f.Requests);
        Assert.Equal(outcome.Requests.Select(r => r.Instrument).Distinct().Order(StringComparer.Ordinal), f.ByInstrument.Select(i => i.Instrument));
        foreach (var i in f.ByInstrument)
        {
            var mine = outcome.Requests.Where(r => r.Instrument == i.Instrument).ToList();
            Assert.Equal(mine.Count, i.Requests);
            foreach (var kind in RequestOutcomeKind.All)
                Assert.Equal(mine.Count(r => RequestOutcomeKind.Of(r.State) == kind), i.Outcomes[kind]);
            Assert.Equal(CatalogueLoader.Shipped[i.Instrument].LegalBasis, i.LegalBasis);
        }
        Assert.Equal(outcome.Requests.Count(r => r.State == "delivered"), f.Outcomes.Produced);
        Assert.Equal(outcome.Requests.Count(r => r.State == "refused"), f.Outcomes.Refused);
        foreach (var s in f.ByIssuingState)
            Assert.Equal(outcome.Requests.Count(r => r.Issuer.StartsWith(s.State + "/", StringComparison.Ordinal)), s.Requests);
        foreach (var s in f.ByRequestedState)
            Assert.Equal(outcome.Requests.Count(r => r.RequestedState == s.State), s.Requests);
        Assert.Equal(f.Requests, f.ByRequestedState.Sum(s => s.Requests));
        Assert.Equal(outcome.Summary.ProviderCost, f.ProviderCost.Total);

        var preservation = outcome.Requests.Where(r => CatalogueLoader.Shipped[r.Instrument].Purpose == InstrumentPurpose.Preservation).ToList();
        Assert.Equal(preservation.Count, f.Preservation.Requests);
        Assert.Equal(preservation.Count(r => r.State == "delivered"), f.Preservation.Confirmed);
        Assert.Equal(run.Journal.Entries.Count(e => e.Event is PreservationStateChanged { From: "requested", To: "active" }), f.Preservation.ItemsFrozen);
        Assert.Equal(run.Journal.Entries.Count(e => e.Event is PreservationStateChanged { To: "extended" }), f.Preservation.Extensions);
        Assert.Equal(run.Journal.Entries.Count(e => e.Event is PreservationStateChanged { To: "lapsed" }), f.Preservation.Lapsed);
    }

    [Fact]
    public void Refusal_grounds_are_counted_with_their_legal_sources_and_wording()
    {
        var run = ReportRuns.Run("political-intrusion-refusals", "preserve-then-mla");
        var report = TransparencyReport.Build(run);
        var refused = run.Journal.Entries.Select(e => e.Event).OfType<RequestRefused>().ToList();
        Assert.Contains(refused, r => r.Ground == "political-offence");
        var expected = refused.GroupBy(r => (r.Ground, r.Source)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, report.Figures.RefusalGrounds.Count);
        foreach (var g in report.Figures.RefusalGrounds)
        {
            var mine = expected[(g.Ground, g.Source)];
            Assert.Equal(mine.Count, g.Refusals);
            Assert.Equal(mine[0].Description, g.Description);
            Assert.Equal(mine.Select(r => r.By).Distinct().Order(StringComparer.Ordinal), g.RefusedBy);
        }
        Assert.Equal(refused.Count, report.Figures.Outcomes.Refused);
        Assert.Equal(refused.Select(r => r.Request), report.Refusals.Select(r => r.Request));
        Assert.All(report.Refusals, r => Assert.Equal("RequestRefused", r.Event.Type));
    }

    [Fact]
    public void Durations_of_one_run_are_exact_nearest_rank_quantiles_of_its_closed_requests()
    {
        var run = ReportRuns.Run("hospital-ransomware", "preserve-then-mla");
        var outcome = run.Outcome();
        foreach (var i in TransparencyReport.Build(run).Figures.ByInstrument)
        {
            var took = outcome.Requests.Where(r => r.Instrument == i.Instrument && r.ClosedAt is not null && r.Duration is not null).Select(r => r.Duration!.Value).Order().ToList();
            Assert.Equal(took.Count, i.Duration.Closed);
            if (took.Count == 0) { Assert.Null(i.Duration.Median); continue; }
            Assert.Equal(took[(int)Math.Ceiling(0.5 * took.Count) - 1], i.Duration.Median);
            Assert.Equal(took[(int)Math.Ceiling(0.9 * took.Count) - 1], i.Duration.P90);
        }
    }

    [Fact]
    public void The_safeguards_are_reported_as_counts_by_kind_over_broad_narrowed_third_party_and_the_trials_verdicts()
    {
        var run = ReportRuns.Run("hospital-ransomware", "everything-fastest");
        var g = TransparencyReport.Build(run).Figures.Safeguards!;
        var o = run.Outcome();
        Assert.Equal((o.Rights!.OverBroadRequests, o.Rights.NarrowedRequests, o.Rights.ThirdPartyRecords), ((int)g.OverBroadRequests, (int)g.NarrowedRequests, (int)g.ThirdPartyRecords));
        Assert.Equal((o.Summary.Secured, o.Summary.SecuredAndAdmissible, o.Rights.AdmissibleUnderChallenge), ((int)g.ItemsSecured, (int)g.SecuredAndAdmissible, (int)g.AdmissibleUnderChallenge));
        Assert.True(g.OverBroadRequests > 0 && g.SecuredAndAdmissible < g.ItemsSecured);
        Assert.Contains("<h3>Safeguards</h3>", Simulator.Reports.Html.TransparencyHtml.Render(TransparencyReport.Build(run)));
    }

    [Fact]
    public void The_oversight_of_emergencies_counts_the_claims_reviewed_and_those_that_did_not_hold()
    {
        var run = ReportRuns.Run("hoax-threat-emergency", "emergency-aware");
        var g = TransparencyReport.Build(run).Figures.Safeguards!;
        var o = run.Outcome().Rights!;
        Assert.Equal((2L, 2L), (g.EmergencyClaimsReviewed, g.EmergencyClaimsNotHeld));
        Assert.Equal((o.LapsedWithEmergency, o.NotValidatedAfterwards, o.RecordsRedacted), ((int)g.LapsedWithEmergency, (int)g.NotValidatedAfterwards, (int)g.RecordsRedacted));
        var html = Simulator.Reports.Html.TransparencyHtml.Render(TransparencyReport.Build(run));
        Assert.Contains("Claims that did not hold", html);
        Assert.Contains("Redacted before transfer", html);
    }

    [Fact]
    public void Purpose_limitation_counts_the_uses_beyond_the_purpose_the_violations_and_what_the_other_case_excluded()
    {
        var run = ReportRuns.Run("political-intrusion-refusals", "everything-fastest");
        var g = TransparencyReport.Build(run).Figures.Safeguards!;
        var o = run.Outcome().Rights!;
        Assert.Equal((2L, 0L, 1L, 1L), (g.UsesBeyondPurpose, g.UsesWithConsent, g.PurposeViolations, g.UsesNotAdmitted));
        Assert.Equal((o.UsesBeyondPurpose, o.PurposeViolations), ((int)g.UsesBeyondPurpose, (int)g.PurposeViolations));
        Assert.Contains("Used without the consent needed", Simulator.Reports.Html.TransparencyHtml.Render(TransparencyReport.Build(run)));
    }

    [Fact]
    public void Provider_duties_count_the_orders_in_default_their_enforcement_and_penalties_and_the_costs_are_split_by_who_bears_them()
    {
        // Seed 1: Postvale lets two European Production Orders pass their 10 days; both are enforced.
        var run = ReportRuns.Run("simultaneous-ten-states", "direct-orders-first");
        var figures = TransparencyReport.Build(run).Figures;
        var o = run.Outcome();
        Assert.Equal((2L, 2L), (figures.Safeguards!.OrdersInDefault, figures.Safeguards.EnforcementsRequested));
        Assert.Equal((o.Rights!.EnforcementsNotRecognised, o.Rights.Penalties), ((int)figures.Safeguards.EnforcementsNotRecognised, (int)figures.Safeguards.Penalties));
        // Ostrevia's law reimburses providers: what Postvale charged for its orders is Ostrevia's to bear (REG Art. 14).
        Assert.Equal(o.Requests.Where(r => r.CostBorneBy == "issuing-state").Sum(r => r.Cost), figures.ProviderCost.ReimbursedByIssuingStates);
        Assert.True(figures.ProviderCost.ReimbursedByIssuingStates > 0 && figures.ProviderCost.ReimbursedByIssuingStates < figures.ProviderCost.Total);
        Assert.All(o.Requests.Where(r => r.CostBorneBy == "issuing-state"), r => Assert.StartsWith("OS/", r.Issuer));
        var html = Simulator.Reports.Html.TransparencyHtml.Render(TransparencyReport.Build(run));
        Assert.Contains("Enforcement asked of the enforcing state (REG Art. 16)", html);
        Assert.Contains("Borne by issuing states whose law reimburses providers (REG Art. 14)", html);
    }

    [Fact]
    public void Emergency_use_counts_the_emergency_requests_and_those_answered()
    {
        // A threat to life: the emergency channels (18 USC 2702(b)(8), REG Art. 10(4)) are used first.
        var run = ReportRuns.Run("sextortion-threat-to-life", "emergency-aware");
        var outcome = run.Outcome();
        var e = TransparencyReport.Build(run).Figures.Emergency;
        var emergency = outcome.Requests.Where(r => r.Emergency).ToList();
        Assert.NotEmpty(emergency);
        Assert.Equal(emergency.Count, e.Requests);
        var answered = emergency.Where(r => r.State == "delivered").ToList();
        Assert.Equal(answered.Count, e.Answered);
        Assert.Equal(Math.Round((double)answered.Count / emergency.Count, 4), e.AnsweredShare);
        Assert.True(e.TimeToAnswer.Median < TimeSpan.FromDays(2));
    }

    [Fact]
    public void Urgent_use_counts_the_requests_a_trainee_marked_urgent()
    {
        // An Aldorian prosecutor at the table marks an Art. 31 request urgent: the flow logs are not frozen yet.
        var built = WorldBuilder.Build(ReportRuns.Load("hospital-ransomware"), CatalogueLoader.Shipped, 1);
        var s = new Simulation(built.World, built.Catalogue, new SimulationOptions(1, new PreserveThenMlaPolicy(), new HashSet<string> { "AL/prosecutor" }));
        s.Start();
        s.RunUntil(built.World.Start + TimeSpan.FromHours(13));
        var sent = s.Decide(new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"], Urgent: true));
        Assert.True(sent.Accepted, sent.Message);
        s.RunUntil(built.World.Start + TimeSpan.FromDays(400));

        var report = TransparencyReport.Build(s);
        var outcome = s.Outcome().Requests.Single(r => r.Request == sent.Request);
        Assert.True(outcome.Urgent);
        Assert.False(outcome.Emergency);
        var u = report.Figures.Urgent;
        Assert.Equal(1, u.Requests);
        Assert.Equal(outcome.State == "delivered" ? 1 : 0, u.Answered);
        if (outcome.State == "delivered") Assert.Equal(outcome.Duration, u.TimeToAnswer.Median);
        // Counted apart from the emergencies, and not among them.
        Assert.Equal(report.Requests.Count(r => r.Emergency), report.Figures.Emergency.Requests);
        Assert.True(report.Requests.Single(r => r.Request == sent.Request).Urgent);
        Assert.Contains("Marked urgent (Budapest Art. 31(3))", TransparencyHtml.Render(report));
    }

    [Fact]
    public void The_tally_across_runs_equals_the_sum_of_the_single_runs()
    {
        var scenario = ReportRuns.Load("political-intrusion-refusals");
        var policy = new DirectOrdersFirstPolicy();
        var singles = Enumerable.Range(5, 4).Select(seed => TransparencyReport.Build(HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, seed, policy)).Figures).ToList();
        var tally = TransparencyRuns.Run(scenario, CatalogueLoader.Shipped, policy, runs: 4, firstSeed: 5, parallelism: 2);
        var across = TransparencyRunsReport.Build(tally);
        var f = across.Figures;

        Assert.Equal((4, 5L, 8L), (across.Runs.Runs, across.Runs.FirstSeed, across.Runs.LastSeed));
        Assert.Equal(singles.Sum(s => s.Requests), f.Requests);
        Assert.Equal(Math.Round(singles.Average(s => s.Requests), 2), f.RequestsPerRun);
        foreach (var kind in RequestOutcomeKind.All)
            Assert.Equal(singles.Sum(s => s.Outcomes[kind]), f.Outcomes[kind]);
        foreach (var i in f.ByInstrument)
        {
            Assert.Equal(singles.Sum(s => s.ByInstrument.SingleOrDefault(x => x.Instrument == i.Instrument)?.Requests ?? 0), i.Requests);
            Assert.Equal(singles.Sum(s => s.ByInstrument.SingleOrDefault(x => x.Instrument == i.Instrument)?.Duration.Closed ?? 0), i.Duration.Closed);
        }
        foreach (var g in f.RefusalGrounds)
            Assert.Equal(singles.Sum(s => s.RefusalGrounds.SingleOrDefault(x => x.Ground == g.Ground && x.Source == g.Source)?.Refusals ?? 0), g.Refusals);
        Assert.Equal(singles.Sum(s => s.RefusalGrounds.Sum(g => g.Refusals)), f.RefusalGrounds.Sum(g => g.Refusals));
        Assert.Equal(singles.Sum(s => s.Preservation.Requests), f.Preservation.Requests);
        Assert.Equal(singles.Sum(s => s.Emergency.Requests), f.Emergency.Requests);
        Assert.Equal(singles.Sum(s => s.ProviderCost.Total), f.ProviderCost.Total);

        var requests = across.Distributions.Single(d => d.Measure == "requests");
        Assert.Equal(4, requests.Runs);
        Assert.Equal(Math.Round(singles.Average(s => (double)s.Requests), 4), requests.Mean);
        Assert.Equal(singles.Min(s => s.Requests), requests.Min);
        Assert.Equal(singles.Max(s => s.Requests), requests.Max);
        Assert.Equal(4, requests.Bins.Sum(b => b.Runs));
    }

    [Fact]
    public void The_figures_do_not_depend_on_how_many_cores_ran_them()
    {
        var scenario = ReportRuns.Load("hospital-ransomware");
        var one = TransparencyRuns.Run(scenario, CatalogueLoader.Shipped, new MlaOnlyPolicy(), 6, parallelism: 1);
        var two = TransparencyRuns.Run(scenario, CatalogueLoader.Shipped, new MlaOnlyPolicy(), 6, parallelism: 2);
        Assert.Equal(ReportJson.Serialize(TransparencyRunsReport.Build(one)), ReportJson.Serialize(TransparencyRunsReport.Build(two)));
    }

    [Fact]
    public void Duration_samples_are_exact_while_small_and_binned_beyond_whatever_the_merge_order()
    {
        var small = new DurationSample();
        foreach (var h in new[] { 5, 1, 3, 2, 4 }) small.Add(TimeSpan.FromHours(h));
        Assert.Equal(TimeSpan.FromHours(3), small.Quantile(0.5));
        Assert.Equal(TimeSpan.FromHours(5), small.Quantile(0.9));

        DurationSample Of(IEnumerable<int> hours) { var s = new DurationSample(); foreach (var h in hours) s.Add(TimeSpan.FromHours(h)); return s; }
        var a = Of(Enumerable.Range(1, 200));
        a.Merge(Of(Enumerable.Range(201, 200)));
        var b = Of(Enumerable.Range(201, 200));
        b.Merge(Of(Enumerable.Range(1, 200)));
        Assert.Equal(400, a.Count);
        Assert.Equal(a.Quantile(0.5), b.Quantile(0.5));
        Assert.Equal(a.Quantile(0.9), b.Quantile(0.9));
        Assert.InRange(a.Quantile(0.5)!.Value.TotalHours, 200 / 1.03, 200 * 1.03);
        Assert.Equal(DurationText.Parse("1h"), Of([1]).Quantile(0.5));
    }
}
