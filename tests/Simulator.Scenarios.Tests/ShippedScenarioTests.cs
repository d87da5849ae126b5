using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>Every shipped scenario validates, runs under every policy, and gives outcomes that make sense.</summary>
public class ShippedScenarioTests
{
    private static readonly string ScenariosFolder = RepositoryFiles.Scenarios();

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepositoryFiles.Scenarios(), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    private static LoadedScenario Load(string file) => ScenarioLoader.Load(Path.Combine(ScenariosFolder, file));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Validates_and_runs_under_every_policy(string file)
    {
        var scenario = Load(file);
        foreach (var policy in PolicyCatalogue.All)
        {
            var s = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 1, policy);
            var o = s.Outcome();
            Assert.True(s.Ended);
            Assert.Empty(o.PolicyRejections);
            Assert.True(o.Requests.Count > 0, $"{policy.Name} sent no request in {file}");
            Assert.Equal(o.Summary.Evidence, o.Summary.Secured + o.Summary.Preserved + o.Summary.Lost + o.Summary.Refused + o.Summary.NotFound + o.Summary.Pending);
            Assert.All(o.Objectives, x => Assert.NotEqual("not-rated-yet", x.Rating));
            Assert.True(Core.Journal.JournalVerifier.Verify(System.Text.Encoding.UTF8.GetString(s.Journal.ToBytes()).Split('\n', StringSplitOptions.RemoveEmptyEntries)).Valid);
        }
    }

    [Fact]
    public void Reference_scenario_spans_at_least_four_states_and_six_providers()
    {
        var world = WorldBuilder.Build(Load("hospital-ransomware.yaml"), CatalogueLoader.Shipped, 1).World;
        Assert.True(world.Providers.Select(p => p.Headquarters).Distinct().Count() >= 4);
        Assert.True(world.Providers.Count >= 6);
        Assert.Contains(world.Objectives, o => o.Measure.Kind == Core.Objectives.MeasureKind.PreservationRequested);
        Assert.Contains(world.Injects, i => i.Condition is not null);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reference_scenario_preservation_first_secures_what_MLA_alone_loses_to_retention(long seed)
    {
        var scenario = Load("hospital-ransomware.yaml");
        var mla = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, seed, new MlaOnlyPolicy()).Outcome();
        var preserve = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, seed, new PreserveThenMlaPolicy()).Outcome();
        var lostToRetention = mla.Evidence.Where(e => e.Status == "lost" && e.Reason.StartsWith("retention expired", StringComparison.Ordinal)).Select(e => e.Evidence).ToList();
        Assert.NotEmpty(lostToRetention);
        var savedByPreservation = preserve.Evidence.Where(e => lostToRetention.Contains(e.Evidence) && e.Status is "secured" or "preserved").ToList();
        Assert.NotEmpty(savedByPreservation);
        Assert.All(savedByPreservation, e => Assert.NotNull(e.TimeToPreservation));
        // The outcome says why: which retention ran out, and where the MLA request stood.
        var reason = mla.Evidence.First(e => lostToRetention.Contains(e.Evidence));
        Assert.Contains("keeps", reason.Reason);
        Assert.False(string.IsNullOrEmpty(reason.Stage));
        Assert.True(preserve.Summary.Lost < mla.Summary.Lost);
    }

    [Fact]
    public void Reference_scenario_direct_orders_reach_evidence_in_weeks_not_months()
    {
        var scenario = Load("hospital-ransomware.yaml");
        var direct = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 1, new DirectOrdersFirstPolicy()).Outcome();
        var mla = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 1, new PreserveThenMlaPolicy()).Outcome();
        Assert.Contains(direct.Requests, r => r.Instrument == "eu-epoc" && r.State == "delivered");
        Assert.True(direct.Summary.MedianTimeToEvidence < TimeSpan.FromDays(60));
        Assert.True(mla.Summary.MedianTimeToEvidence > TimeSpan.FromDays(180));
    }

    [Fact]
    public void Same_seed_same_journal_for_the_reference_scenario()
    {
        var scenario = Load("hospital-ransomware.yaml");
        var a = HeadlessRunner.Run(scenario, CatalogueLoader.Shipped, 11, new EmergencyAwarePolicy()).Journal.ToBytes();
        var b = HeadlessRunner.Run(Load("hospital-ransomware.yaml"), CatalogueLoader.Shipped, 11, new EmergencyAwarePolicy()).Journal.ToBytes();
        Assert.Equal(a, b);
    }
}
