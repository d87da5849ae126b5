using System.Text.Json;

namespace Simulator.Cli.Tests;

/// <summary>`simulator replay` on a recorded run: fidelity, the timeline, a branch, and a record that was changed.</summary>
public class ReplayCommandTests
{
    private static string RecordOf(string policy, int seed)
    {
        var file = CliProcess.TempFile($"record-{policy}-{seed}.json");
        var run = CliProcess.Run("run", "hospital-ransomware", "--seed", seed.ToString(), "--policy", policy, "--record", file);
        Assert.Equal(0, run.ExitCode);
        return file;
    }

    [Fact]
    public void A_recorded_run_replays_exactly_and_its_timeline_reads_event_by_event()
    {
        var file = RecordOf("mla-only", 4);
        var r = CliProcess.Run("replay", file, "--timeline");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("replay reproduces the recorded journal exactly", r.Out);
        Assert.Contains("exercise hospital-ransomware starts (seed 4, policy mla-only)", r.Out);
        Assert.Contains("LOST: ", r.Out);
        var json = JsonDocument.Parse(CliProcess.Run("replay", file, "--json").Out).RootElement;
        Assert.True(json.GetProperty("faithful").GetBoolean());
        Assert.Equal(JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("journal").GetArrayLength(), json.GetProperty("events").GetInt32());
    }

    [Fact]
    public void A_branch_where_a_policy_takes_over_compares_with_what_happened()
    {
        // Nobody held a seat in a headless run: the hand-over changes hands nothing, the same events follow.
        var file = RecordOf("mla-only", 4);
        var json = JsonDocument.Parse(CliProcess.Run("replay", file, "--policy", "preserve-then-mla", "--at", "1d", "--json").Out).RootElement;
        var branch = json.GetProperty("branch");
        Assert.Contains("preserve-then-mla plays the trainees' seats from", branch.GetProperty("description").GetString());
        Assert.True(branch.GetProperty("faithfulBeforeBranchPoint").GetBoolean());
        Assert.Equal(json.GetProperty("outcome").GetProperty("secured").GetInt32(), branch.GetProperty("outcome").GetProperty("secured").GetInt32());
        var overlay = CliProcess.Run("replay", file, "--overlay", "belmark-ratifies-second-protocol");
        Assert.Equal(0, overlay.ExitCode);
        Assert.Contains("BE joins budapest-2ap", overlay.Out);
    }

    [Fact]
    public void A_record_whose_journal_was_changed_fails_at_the_changed_event()
    {
        var file = RecordOf("preserve-then-mla", 2);
        var text = File.ReadAllText(file);
        var changed = text.Replace("\\\"seed\\\":2", "\\\"seed\\\":3");
        Assert.NotEqual(text, changed);
        File.WriteAllText(file, changed);
        var r = CliProcess.Run("replay", file);
        Assert.Equal(1, r.ExitCode);
        // Same rules on both sides: the departure can only be an edit of the record, and the tool says so.
        Assert.Contains("the replay departs from the recorded journal at event 1: both were made under rules version", r.Out);
        Assert.Contains("so the record itself was changed", r.Out);
        var missing = CliProcess.Run("replay", file + ".gone");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no exercise record", missing.Error);
    }
}
