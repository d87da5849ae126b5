using System.Text.Json;

namespace Simulator.Cli.Tests;

/// <summary>`simulator compare` as a planner runs it: JSON for tools, and a clear error for a misspelled policy.</summary>
public class CompareCommandTests
{
    [Fact]
    public void Compare_prints_each_policys_distributions_and_gaps_as_json()
    {
        var r = CliProcess.Run("compare", "hospital-ransomware", "--policies", "mla-only,preserve-then-mla", "--runs", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var policies = doc.RootElement.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(["mla-only", "preserve-then-mla"], policies.Select(p => p.GetProperty("policy").GetString()!).ToArray());
        Assert.All(policies, p => Assert.Equal(3, p.GetProperty("runs").GetInt32()));
        Assert.True(policies[1].GetProperty("lost").GetInt32() < policies[0].GetProperty("lost").GetInt32());
        Assert.Contains(policies[0].GetProperty("gaps").EnumerateArray(), g => g.GetProperty("kind").GetString() == "evidence lost");
    }

    [Fact]
    public void Compare_counts_the_emergency_claims_that_did_not_hold_per_policy()
    {
        var r = CliProcess.Run("compare", "hoax-threat-emergency", "--policies", "direct-orders-first,emergency-aware", "--runs", "5", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var p = doc.RootElement.GetProperty("policies").EnumerateArray().ToDictionary(x => x.GetProperty("policy").GetString()!);
        double Mean(string policy, string figure) => p[policy].GetProperty("rights").GetProperty(figure).GetProperty("mean").GetDouble();
        // The hoax: every claim emergency-aware made did not hold; the ordinary policy made none.
        Assert.True(Mean("emergency-aware", "emergencyClaimsNotHeld") >= 1, r.Out);
        Assert.Equal(0, Mean("direct-orders-first", "emergencyClaimsNotHeld"));
        Assert.Equal(0, Mean("direct-orders-first", "lapsedWithEmergency"));
    }

    [Fact]
    public void Compare_counts_the_uses_of_evidence_beyond_its_purpose_without_the_consent_they_needed()
    {
        var r = CliProcess.Run("compare", "political-intrusion-refusals", "--policies", "direct-orders-first,everything-fastest", "--runs", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var p = doc.RootElement.GetProperty("policies").EnumerateArray().ToDictionary(x => x.GetProperty("policy").GetString()!);
        double Mean(string policy) => p[policy].GetProperty("rights").GetProperty("purposeViolations").GetProperty("mean").GetDouble();
        // The careful policy asks Lorvania first and abides by its refusal; everything-fastest uses the LorTel record at once.
        Assert.Equal(0, Mean("direct-orders-first"));
        Assert.True(Mean("everything-fastest") > 0, r.Out);
    }

    [Fact]
    public void Compare_sets_each_policys_rights_figures_beside_its_secured_share_and_asking_for_everything_buys_no_evidence_but_challenges_at_trial()
    {
        var r = CliProcess.Run("compare", "hospital-ransomware", "--policies", "emergency-aware,everything-fastest", "--runs", "5", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var p = doc.RootElement.GetProperty("policies").EnumerateArray().ToDictionary(x => x.GetProperty("policy").GetString()!);
        double Mean(string policy, string figure) => p[policy].GetProperty("rights").GetProperty(figure).GetProperty("mean").GetDouble();
        // The same routes, so the same evidence: breadth buys no speed.
        Assert.Equal(p["emergency-aware"].GetProperty("secured").GetInt32(), p["everything-fastest"].GetProperty("secured").GetInt32());
        // Secured is not the end: at trial, what came with records beyond the need is open to challenge.
        Assert.Equal(p["emergency-aware"].GetProperty("secured").GetInt32(), p["emergency-aware"].GetProperty("securedAndAdmissible").GetInt32());
        Assert.True(p["everything-fastest"].GetProperty("securedAndAdmissible").GetInt32() < p["everything-fastest"].GetProperty("secured").GetInt32(), r.Out);
        Assert.True(Mean("everything-fastest", "admissibleUnderChallenge") > 0, r.Out);
        Assert.Equal(0, Mean("emergency-aware", "admissibleUnderChallenge"));
        Assert.Equal(0, Mean("emergency-aware", "overBroadRequests"));
        Assert.Equal(0, Mean("emergency-aware", "recordsBeyondNeed"));
        Assert.True(Mean("everything-fastest", "overBroadRequests") >= 10, r.Out);
        Assert.Equal(1, Mean("everything-fastest", "narrowedRequests")); // Belmark's central authority narrows the MLA request for Hostbay's data
        Assert.True(Mean("everything-fastest", "thirdPartyRecords") > 100 * Mean("emergency-aware", "thirdPartyRecords"), r.Out);
        var interval = p["everything-fastest"].GetProperty("rights").GetProperty("thirdPartyRecords").GetProperty("interval").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.True(interval[0] <= Mean("everything-fastest", "thirdPartyRecords") && Mean("everything-fastest", "thirdPartyRecords") <= interval[1]);

        var table = CliProcess.Run("compare", "hospital-ransomware", "--policies", "everything-fastest", "--runs", "2");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("rights, per run (95% CI)", table.Out);
        Assert.Contains("third-party", table.Out);
        Assert.Contains("secured and admissible", table.Out);
    }

    [Fact]
    public void Compare_refuses_an_unknown_policy_and_names_the_known_ones()
    {
        var r = CliProcess.Run("compare", "hospital-ransomware", "--policies", "mla-onyl", "--runs", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown policy 'mla-onyl'; choose one of: mla-only", r.Error);
    }

    [Fact]
    public void Compare_with_an_overlay_sets_it_against_the_baseline_with_intervals_and_what_moved()
    {
        var r = CliProcess.Run("compare", "hospital-ransomware", "--policies", "direct-orders-first", "--runs", "12", "--overlay", "belmark-ratifies-second-protocol", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var overlay = Assert.Single(doc.RootElement.GetProperty("overlays").EnumerateArray());
        Assert.Equal("belmark-ratifies-second-protocol", overlay.GetProperty("overlay").GetString());
        var change = Assert.Single(overlay.GetProperty("changes").EnumerateArray());
        Assert.Equal("BE joins budapest-2ap", change.GetProperty("change").GetString());
        Assert.Equal("budapest, budapest-2ap", change.GetProperty("after").GetString());
        var variant = Assert.Single(doc.RootElement.GetProperty("policies")[0].GetProperty("overlays").EnumerateArray());
        var secured = variant.GetProperty("versusBaseline").GetProperty("securedShare");
        Assert.Equal(12, secured.GetProperty("pairs").GetInt32());
        var interval = secured.GetProperty("interval").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.InRange(secured.GetProperty("mean").GetDouble(), interval[0], interval[1]);
        // The rights side is paired too. This policy asks only what the facts support, so every item it secures is
        // admissible: the admissible share moves exactly as the secured share does.
        var admissible = variant.GetProperty("versusBaseline").GetProperty("securedAndAdmissibleShare");
        Assert.Equal(12, admissible.GetProperty("pairs").GetInt32());
        Assert.Equal(secured.GetProperty("mean").GetDouble(), admissible.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(12, variant.GetProperty("versusBaseline").GetProperty("thirdPartyRecords").GetProperty("pairs").GetInt32());
        Assert.True(variant.TryGetProperty("rights", out _));
        // Hostbay's subscriber data ordered directly (Art. 7) arrives months before the urgent MLA request's answer.
        var hours = variant.GetProperty("versusBaseline").GetProperty("hoursToEvidence");
        Assert.True(hours.GetProperty("mean").GetDouble() < -168, $"evidence came only {hours.GetProperty("mean").GetDouble()} hours sooner");
        Assert.True(hours.GetProperty("significant").GetBoolean());
        Assert.All(variant.GetProperty("itemsChanged").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("holder").GetString())));
        Assert.NotEmpty(variant.GetProperty("itemsChanged").EnumerateArray());
    }

    [Fact]
    public void A_bad_overlay_stops_the_comparison_before_any_run_with_its_position()
    {
        var file = Path.Combine(Path.GetTempPath(), $"overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "overlay: typo\ntitle: A typo\nchanges:\n  - join: budapest-2ap\n    states: [BX]\n");
        try
        {
            var r = CliProcess.Run("compare", "hospital-ransomware", "--runs", "2", "--overlay", file);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains($"{file}:5:14: no state 'BX' in scenario hospital-ransomware", r.Error);
            Assert.DoesNotContain("runs per policy", r.Out);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Run_plays_one_seed_with_an_overlay_applied()
    {
        var baseline = JsonDocument.Parse(CliProcess.Run("run", "hospital-ransomware", "--seed", "1", "--policy", "direct-orders-first", "--json").Out);
        var overlay = JsonDocument.Parse(CliProcess.Run("run", "hospital-ransomware", "--seed", "1", "--policy", "direct-orders-first", "--json", "--overlay", "eu-e-evidence-with-belmark").Out);
        string Instrument(JsonDocument d) => d.RootElement.GetProperty("requests").EnumerateArray().First(q => q.GetProperty("provider").GetString() == "hostbay").GetProperty("instrument").GetString()!;
        Assert.Equal("budapest-art29-preservation", Instrument(baseline));
        Assert.Equal("eu-epoc-pr", Instrument(overlay));
    }
}
