using System.Text.Json;

namespace Simulator.Cli.Tests;

/// <summary>`simulator report` as a trainer or planner runs it: files written where asked, paths printed, clear errors.</summary>
public class ReportCommandTests
{
    private static string TempFolder() => Directory.CreateTempSubdirectory("simulator-report-").FullName;

    [Fact]
    public void Report_aar_writes_html_and_json_into_out_and_prints_their_paths()
    {
        var folder = Path.Combine(TempFolder(), "debrief"); // created by the command
        var r = CliProcess.Run("report", "aar", "hospital-ransomware", "--seed", "1", "--policy", "mla-only", "--out", folder);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([Path.Combine(folder, "aar.html"), Path.Combine(folder, "aar.json")], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "aar.json")));
        var root = doc.RootElement;
        Assert.Equal("after-action-report", root.GetProperty("kind").GetString());
        Assert.Equal("mla-only", root.GetProperty("exercise").GetProperty("policy").GetString());
        var lost = root.GetProperty("areasForImprovement").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "evidence-lost").ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, a => Assert.Contains(a.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "EvidenceLost" && e.GetProperty("seq").GetInt64() > 0));
        Assert.Equal(root.GetProperty("areasForImprovement").GetArrayLength(), root.GetProperty("improvementPlan").GetArrayLength());

        var html = File.ReadAllText(Path.Combine(folder, "aar.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h2>Improvement plan</h2>", html);
        Assert.Contains(root.GetProperty("exercise").GetProperty("journalHead").GetString()!, html);
    }

    [Fact]
    public void Report_transparency_with_runs_writes_the_report_across_runs()
    {
        var folder = TempFolder();
        var r = CliProcess.Run("report", "transparency", "hospital-ransomware", "--policy", "mla-only", "--runs", "3", "--seed", "4", "--out", folder);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([Path.Combine(folder, "transparency.html"), Path.Combine(folder, "transparency.json")], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "transparency.json")));
        var root = doc.RootElement;
        Assert.Equal("transparency-report-across-runs", root.GetProperty("kind").GetString());
        Assert.Equal((3, 4L, 6L), (root.GetProperty("runs").GetProperty("runs").GetInt32(), root.GetProperty("runs").GetProperty("firstSeed").GetInt64(), root.GetProperty("runs").GetProperty("lastSeed").GetInt64()));
        Assert.Equal(3, root.GetProperty("figures").GetProperty("runs").GetInt32());
        Assert.Contains(root.GetProperty("figures").GetProperty("byInstrument").EnumerateArray(), i => i.GetProperty("instrument").GetString() == "budapest-art31-mla");
        Assert.Equal(5, root.GetProperty("distributions").GetArrayLength());

        var single = CliProcess.Run("report", "transparency", "hospital-ransomware", "--out", folder);
        Assert.Equal(0, single.ExitCode);
        using var one = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "transparency.json")));
        Assert.Equal("transparency-report", one.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void Report_refuses_an_unknown_policy_or_scenario_too_few_runs_and_a_file_as_out_folder()
    {
        var policy = CliProcess.Run("report", "aar", "hospital-ransomware", "--policy", "mla-onyl");
        Assert.Equal(2, policy.ExitCode);
        Assert.Contains("unknown policy 'mla-onyl'; choose one of: mla-only", policy.Error);
        var scenario = CliProcess.Run("report", "transparency", "no-such-scenario");
        Assert.Equal(2, scenario.ExitCode);
        Assert.Contains("no scenario 'no-such-scenario'", scenario.Error);
        var runs = CliProcess.Run("report", "transparency", "hospital-ransomware", "--runs", "0");
        Assert.Equal(2, runs.ExitCode);
        Assert.Contains("--runs must be at least 1", runs.Error);
        var file = Path.Combine(TempFolder(), "taken.txt");
        File.WriteAllText(file, "");
        var asFile = CliProcess.Run("report", "aar", "hospital-ransomware", "--out", file);
        Assert.Equal(2, asFile.ExitCode);
        Assert.Contains("is a file: name a folder", asFile.Error);
        Assert.Equal("", File.ReadAllText(file));
    }

    [Fact]
    public void Report_on_a_recorded_exercise_reports_what_happened_in_it()
    {
        var folder = TempFolder();
        var record = Path.Combine(folder, "record.json");
        Assert.Equal(0, CliProcess.Run("run", "hospital-ransomware", "--seed", "2", "--policy", "mla-only", "--record", record).ExitCode);
        var direct = CliProcess.Run("report", "aar", "hospital-ransomware", "--seed", "2", "--policy", "mla-only", "--out", Path.Combine(folder, "run"));
        var recorded = CliProcess.Run("report", "aar", "--record", record, "--out", Path.Combine(folder, "record"));
        Assert.Equal(0, direct.ExitCode);
        Assert.Equal(0, recorded.ExitCode);
        // The same exercise, whether run now or replayed from its record: the same report, byte for byte.
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "run", "aar.json")), File.ReadAllText(Path.Combine(folder, "record", "aar.json")));

        var both = CliProcess.Run("report", "aar", "hospital-ransomware", "--record", record);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error);
        var seeded = CliProcess.Run("report", "aar", "--record", record, "--seed", "3");
        Assert.Equal(2, seeded.ExitCode);
        Assert.Contains("a recorded exercise has its own", seeded.Error);
        var runs = CliProcess.Run("report", "transparency", "--record", record, "--runs", "5");
        Assert.Equal(2, runs.ExitCode);
        Assert.Contains("a recorded exercise happened once", runs.Error);
    }

    [Fact]
    public void Report_compare_writes_the_comparison_with_its_overlay()
    {
        var folder = TempFolder();
        var r = CliProcess.Run("report", "compare", "hospital-ransomware", "--policies", "direct-orders-first", "--runs", "3", "--overlay", "belmark-ratifies-second-protocol", "--out", folder);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([Path.Combine(folder, "compare.html"), Path.Combine(folder, "compare.json")], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "compare.json")));
        var policy = doc.RootElement.GetProperty("policies").EnumerateArray().Single();
        Assert.Equal(3, policy.GetProperty("baseline").GetProperty("runs").GetInt32());
        Assert.Equal("belmark-ratifies-second-protocol", policy.GetProperty("overlays")[0].GetProperty("overlay").GetString());
        Assert.Contains("What-if overlays against the baseline", File.ReadAllText(Path.Combine(folder, "compare.html")));
    }
}
