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
    public void Compare_refuses_an_unknown_policy_and_names_the_known_ones()
    {
        var r = CliProcess.Run("compare", "hospital-ransomware", "--policies", "mla-onyl", "--runs", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown policy 'mla-onyl'; choose one of: mla-only", r.Error);
    }
}
