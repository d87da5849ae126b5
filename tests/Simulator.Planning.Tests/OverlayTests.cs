using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Planning.Overlays;
using Simulator.Planning.Runs;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Planning.Tests;

/// <summary>What-if overlays: what each kind of change does to the world, what a bad overlay says, and paired comparisons.</summary>
public class OverlayTests
{
    private static readonly Lazy<LoadedScenario> ReferenceScenario = new(() => ScenarioLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml")));
    private static LoadedScenario Reference => ReferenceScenario.Value;

    private static AppliedOverlay Apply(string yaml) =>
        OverlayApplier.Apply(OverlayLoader.Parse(yaml, "what-if.yaml"), Reference, CatalogueLoader.Shipped);

    private static IReadOnlyList<Diagnostic> Problems(string yaml)
    {
        var e = Assert.Throws<FileProblemsException>(() => Apply(yaml));
        return e.Problems;
    }

    private static Core.World.ScenarioWorld World(LoadedScenario s) => WorldBuilder.Build(s, CatalogueLoader.Shipped, 1).World;

    [Fact]
    public void An_overlay_that_leaves_an_objective_impossible_applies_with_a_warning_that_says_which_and_why()
    {
        // Hostbay keeping its logs for an hour deletes the command server's flow logs before the hospital's report reveals
        // them: the planner's question, so the overlay applies, and says what it made impossible.
        var applied = Apply("overlay: short\ntitle: Short\nchanges:\n  - {retention: 1h, provider: hostbay, categories: [traffic]}\n");
        var warning = Assert.Single(applied.Warnings!, w => w.Message.Contains("c2-flow-logs is deleted on", StringComparison.Ordinal));
        Assert.Equal("what-if.yaml", warning.File);
        Assert.StartsWith("with this overlay applied, objective", warning.Message);
        Assert.EndsWith("every run rates it unable to perform", warning.Message);
        Assert.Empty(Apply("overlay: long\ntitle: Long\nchanges:\n  - {retention: 180d, provider: hostbay, categories: [traffic]}\n").Warnings!);
    }

    [Theory]
    [InlineData("overlay: n\ntitle: N\nchanges:\n  - {officers: 3000000000, central-authority: BE}\n", "'officers': 3000000000 should be at most 1000")]
    [InlineData("overlay: n\ntitle: N\nchanges:\n  - {capacity: 2000, provider: hostbay}\n", "'capacity': 2000 should be at most 1000")]
    public void Overlay_numbers_out_of_range_are_refused_at_their_place(string yaml, string message)
    {
        var problem = Assert.Single(Assert.Throws<FileProblemsException>(() => OverlayLoader.Parse(yaml, "n.yaml")).Problems);
        Assert.Equal((4, message), (problem.Line, problem.Message));
    }

    [Fact]
    public void Every_shipped_overlay_applies_to_the_reference_scenario_and_says_what_it_changed()
    {
        var folder = Path.Combine(RepositoryFiles.Scenarios(), "overlays");
        var files = Directory.GetFiles(folder, "*.yaml");
        Assert.True(files.Length >= 5, "the five overlays a planner would try first");
        foreach (var file in files)
        {
            var applied = OverlayApplier.Apply(OverlayLoader.Load(file), Reference, CatalogueLoader.Shipped);
            Assert.NotEmpty(applied.Changes);
            Assert.Contains(applied.Changes, c => !c.ChangesNothing);
        }
    }

    [Fact]
    public void A_retention_change_governs_every_item_the_provider_holds_in_the_category_and_leaves_the_scenario_as_it_was()
    {
        var applied = Apply("""
            overlay: longer-logs
            title: Hostbay keeps IP logs for 180 days
            changes:
              - retention: 180d
                provider: hostbay
                categories: [traffic]
            """);
        var change = Assert.Single(applied.Changes);
        Assert.Equal("14d", change.Before);
        Assert.Equal("180d", change.After);
        var after = World(applied.Scenario).Evidence.Where(e => e.Holder == "hostbay" && e.Category == DataCategory.Traffic).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, e => Assert.Equal(TimeSpan.FromDays(180), e.Retention));
        // The baseline is untouched: it is played side by side with the overlay.
        Assert.All(World(Reference).Evidence.Where(e => e.Holder == "hostbay" && e.Category == DataCategory.Traffic), e => Assert.Equal(TimeSpan.FromDays(14), e.Retention));
        Assert.Equal("14d", Reference.File.Providers.Single(p => p.Id == "hostbay").Retention["traffic"]);
    }

    [Fact]
    public void Ratifying_the_Second_Protocol_opens_a_direct_subscriber_order_under_CETS_224_Art_7()
    {
        var applied = Apply("""
            overlay: ratify
            title: Belmark ratifies the Second Protocol
            changes:
              - join: budapest-2ap
                states: [BE]
            """);
        Advice Art7(LoadedScenario s)
        {
            var built = WorldBuilder.Build(s, CatalogueLoader.Shipped, 1);
            var simulation = new Simulation(built.World, built.Catalogue, new SimulationOptions(1, new MlaOnlyPolicy(), new HashSet<string> { "AL/prosecutor" }));
            simulation.Start();
            var advice = simulation.Advisor.Advise(built.Catalogue["budapest-2ap-art7-subscriber-order"], "AL", ["c2-vps-subscriber"], emergency: false);
            return new Advice(advice.Applicable, advice.Problems);
        }
        var before = Art7(Reference);
        Assert.False(before.Applicable);
        Assert.Contains(before.Problems, p => p.Contains("budapest-2ap", StringComparison.Ordinal));
        Assert.True(Art7(applied.Scenario).Applicable, string.Join("; ", Art7(applied.Scenario).Problems));
        Assert.Contains("budapest-2ap", World(applied.Scenario).Jurisdiction("BE").Frameworks);
    }

    private sealed record Advice(bool Applicable, IReadOnlyList<string> Problems);

    [Fact]
    public void Offices_agreements_capability_providers_and_instrument_figures_change_as_written()
    {
        var applied = Apply("""
            overlay: many
            title: Several changes at once
            changes:
              - central-authority: BE
                officers: 2
                queue-wait: 6w..6mo~10w
              - contact-point: DR
                staffing: office-hours
                officers: 1
              - agreement: cloud-act
                between: [AL, US]
                source: a future executive agreement
              - capability: high
                states: [BE, ES]
              - provider: hostbay
                capacity: 5
                voluntary-preservation: true
              - instrument: budapest-art31-mla
                review: 1w..4w~2w
              - leave: budapest-2ap
                states: [ES]
            """);
        var world = World(applied.Scenario);
        var be = world.Jurisdiction("BE");
        Assert.Equal(2, be.CentralAuthority.Officers);
        Assert.Equal(DurationRange.Parse("6w..6mo~10w"), be.CentralAuthority.QueueWait);
        Assert.Equal(Core.World.Staffing.OfficeHours, world.Jurisdiction("DR").ContactPoint.Staffing);
        Assert.Equal(1, world.Jurisdiction("DR").ContactPoint.Officers);
        Assert.True(world.Jurisdiction("AL").HasAgreement("US", "cloud-act"));
        Assert.True(world.Jurisdiction("US").HasAgreement("AL", "cloud-act"));
        Assert.Equal(Core.World.Capability.High, be.Capability);
        Assert.Equal(Core.World.Capability.High, world.Jurisdiction("ES").Capability);
        Assert.DoesNotContain("budapest-2ap", world.Jurisdiction("ES").Frameworks);
        Assert.Equal(5, world.Provider("hostbay").Capacity);
        Assert.True(world.Provider("hostbay").Policy.VoluntaryPreservation);
        var catalogue = WorldBuilder.Build(applied.Scenario, CatalogueLoader.Shipped, 1).Catalogue;
        Assert.Equal(DurationRange.Parse("1w..4w~2w"), catalogue["budapest-art31-mla"].Timing.Review);
        Assert.Contains(applied.Changes, c => c.Change == "BE's central authority" && c.Before == "1 officers, queue 3mo..12mo~5mo" && c.After == "2 officers, queue 6w..6mo~10w");
    }

    [Fact]
    public void A_change_that_is_already_true_is_reported_as_no_change()
    {
        var applied = Apply("""
            overlay: nothing
            title: Aldoria joins what it is already party to
            changes:
              - join: eu-e-evidence
                states: [AL]
            """);
        Assert.True(Assert.Single(applied.Changes).ChangesNothing);
    }

    [Theory]
    [InlineData("changes:\n  - join: budapest-2ap\n    states: [XX]\n", 9, "no state 'XX' in scenario hospital-ransomware")]
    [InlineData("changes:\n  - join: budapest-3ap\n    states: [BE]\n", 8, "unknown framework 'budapest-3ap'")]
    [InlineData("changes:\n  - join: budapest-2ap\n    agreement: cloud-act\n    states: [BE]\n", 9, "one change sets both 'join' and 'agreement'")]
    [InlineData("changes:\n  - join: budapest-2ap\n    states: [BE]\n    officers: 2\n", 10, "'officers' does not belong to a 'join' change")]
    [InlineData("changes:\n  - retention: 180d\n    provider: hostbay\n", 8, "a 'retention' change needs 'categories'")]
    [InlineData("changes:\n  - why: no action\n", 8, "this change does not say what it changes")]
    [InlineData("changes:\n  - retention: 180d\n    provider: hostbay\n    categories: [content-data]\n", 10, "item 1 of 'categories' has a value that is not allowed")]
    [InlineData("changes:\n  - retention: 180d\n    provider: namewell\n    categories: [traffic]\n", 10, "namewell holds no traffic data in this scenario")]
    [InlineData("changes:\n  - central-authority: BE\n", 8, "this 'central-authority' change changes nothing")]
    [InlineData("changes:\n  - instrument: mla\n    review: 1w\n", 8, "unknown instrument 'mla'")]
    public void A_bad_overlay_names_the_line_and_applies_nothing(string changes, int line, string message)
    {
        var yaml = "overlay: bad\ntitle: A bad overlay\n\n\n\n\n" + changes;
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Message.Contains(message, StringComparison.Ordinal) && p.Line == line && p.File == "what-if.yaml");
        // Nothing half-applied: the reference scenario is as it was.
        Assert.DoesNotContain("budapest-2ap", Reference.File.Jurisdictions.Single(j => j.Id == "BE").Frameworks);
    }

    [Fact]
    public void An_overlay_written_for_another_scenario_is_refused()
    {
        var problems = Problems("overlay: elsewhere\ntitle: For another\nscenario: sextortion-threat-to-life\nchanges:\n  - join: budapest-2ap\n    states: [BE]\n");
        var p = Assert.Single(problems);
        Assert.Equal((3, 11), (p.Line, p.Column));
        Assert.Contains("written for scenario 'sextortion-threat-to-life', not 'hospital-ransomware'", p.Message);
    }

    [Fact]
    public void An_overlay_that_changes_nothing_differs_from_the_baseline_by_exactly_zero()
    {
        var same = Apply("overlay: same\ntitle: No change\nchanges:\n  - join: eu-e-evidence\n    states: [AL]\n");
        var result = PolicyComparison.Run(Reference, [same], CatalogueLoader.Shipped, [new DirectOrdersFirstPolicy()], 6, parallelism: 2).Single();
        var d = result.Variants[1].VersusBaseline!;
        Assert.Equal(6, d.SecuredShare.Count);
        Assert.Equal((0.0, 0.0), d.SecuredShare.Interval95());
        Assert.Equal(0, d.Lost.Mean);
        Assert.Equal(result.Baseline.Statistics.Secured, result.Variants[1].Statistics.Secured);
        Assert.Empty(VariantChanges.ItemsChanged(result.Baseline.Statistics, result.Variants[1].Statistics));
    }

    [Fact]
    public void Ratifying_the_Second_Protocol_brings_Hostbays_evidence_sooner_under_direct_orders_and_changes_nothing_under_mla_only()
    {
        // Since rules 2026.12.6 the policies that escalate mark their MLA request to Belmark urgent (Budapest Art. 31(3)),
        // so the baseline already secures Hostbay's subscriber data and disk image; what the Protocol adds is time:
        // Art. 7 and Art. 8 orders bring them months before the mutual assistance would.
        var ratify = OverlayApplier.Apply(OverlayLoader.Load(Path.Combine(RepositoryFiles.Scenarios(), "overlays", "belmark-ratifies-second-protocol.yaml")), Reference, CatalogueLoader.Shipped);
        var results = PolicyComparison.Run(Reference, [ratify], CatalogueLoader.Shipped, [new DirectOrdersFirstPolicy(), new MlaOnlyPolicy()], 30);
        var direct = results[0].Variants[1];
        Assert.True(direct.VersusBaseline!.HoursToEvidence.Mean < -24 * 7, $"hours to evidence moved by {direct.VersusBaseline.HoursToEvidence.Mean:F0}");
        Assert.True(direct.VersusBaseline.HoursToEvidence.ExcludesZero);
        Assert.Equal(1.0, direct.Statistics.Items.Single(i => i.Evidence == "c2-vps-subscriber").Secured);
        // An MLA-only state never reaches for the Protocol: the same seeds give the same runs.
        var mla = results[1].Variants[1].VersusBaseline!;
        Assert.Equal((0.0, 0.0), mla.SecuredShare.Interval95());
        Assert.False(mla.SecuredShare.ExcludesZero);
    }

    [Fact]
    public void Running_moments_give_the_mean_variance_and_t_interval_and_merge_as_if_sequential()
    {
        var all = new RunningMoments();
        foreach (var x in new[] { 1.0, 2, 3, 4 }) all.Add(x);
        Assert.Equal(2.5, all.Mean, 12);
        Assert.Equal(5.0 / 3, all.Variance, 12);
        var half = 3.182 * Math.Sqrt(5.0 / 3 / 4);
        Assert.Equal(2.5 - half, all.Interval95().Low, 9);
        Assert.Equal(2.5 + half, all.Interval95().High, 9);
        var a = new RunningMoments(); a.Add(1); a.Add(2);
        var b = new RunningMoments(); b.Add(3); b.Add(4);
        a.Merge(b);
        Assert.Equal(all.Mean, a.Mean, 12);
        Assert.Equal(all.Variance, a.Variance, 12);
        Assert.True(all.ExcludesZero);
        // Beyond the table: within 0.001 of t(0.975) for 40 and 120 degrees of freedom (2.021, 1.980).
        Assert.Equal(2.021, RunningMoments.TQuantile975(40), 3);
        Assert.Equal(1.980, RunningMoments.TQuantile975(120), 3);
        Assert.Equal(2.042, RunningMoments.TQuantile975(30), 3);
    }
}
