using System.Text.Json;

namespace Simulator.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Instruments_prints_the_catalogue_as_json_with_sources()
    {
        var r = CliProcess.Run("instruments", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var instruments = doc.RootElement.GetProperty("instruments").EnumerateArray().ToList();
        Assert.True(instruments.Count >= 16);
        var art29 = instruments.Single(i => i.GetProperty("id").GetString() == "budapest-art29-preservation");
        Assert.Contains("29", art29.GetProperty("legalBasis").GetString());
        Assert.Equal("P60D", art29.GetProperty("preservation").GetProperty("period").GetProperty("value").GetString());
        Assert.Contains(instruments, i => i.GetProperty("unsure").GetArrayLength() > 0);
        // Urgent handling (Budapest Art. 31(3)) is printed where an instrument has it, and only there.
        var urgent = instruments.Single(i => i.GetProperty("id").GetString() == "budapest-art31-mla").GetProperty("urgent");
        Assert.StartsWith("ETS185 Art. 31(3)(a)", urgent.GetProperty("source").GetString());
        Assert.False(urgent.GetProperty("waitsInBacklog").GetBoolean());
        Assert.False(art29.TryGetProperty("urgent", out _));
        // So is the procedure for conflicting obligations (REG Art. 17).
        var conflict = instruments.Single(i => i.GetProperty("id").GetString() == "eu-epoc").GetProperty("conflictingObligations");
        Assert.StartsWith("REG Art. 17(1)-(3)", conflict.GetProperty("source").GetString());
        Assert.Equal("14d..90d~30d", conflict.GetProperty("courtReview").GetString());
        Assert.False(art29.TryGetProperty("conflictingObligations", out _));
        // And issuing with validation (REG Art. 4(1)(b)), with its emergency exception (Art. 4(5)).
        var validation = instruments.Single(i => i.GetProperty("id").GetString() == "eu-epoc").GetProperty("validation");
        Assert.StartsWith("REG Art. 4(1)(b)", validation.GetProperty("rules")[0].GetProperty("source").GetString());
        Assert.StartsWith("REG Art. 4(5)", validation.GetProperty("withoutPriorValidation").GetProperty("source").GetString());
        Assert.False(art29.TryGetProperty("validation", out _));
    }

    [Fact]
    public void Instruments_shows_one_instrument_in_full_and_refuses_an_unknown_one()
    {
        var r = CliProcess.Run("instruments", "eu-epoc");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("REG Art. 10(2)", r.Out);
        Assert.DoesNotContain("may be marked urgent", r.Out);
        Assert.Contains("where complying would break a third country's law, the addressee may object within 10d from receipt", r.Out);
        Assert.Contains("subscriber, identification data: also issued by investigator, validated first by the prosecutor or judge", r.Out);
        Assert.Contains("in an emergency, subscriber, identification data orders go at once and are validated within 48h", r.Out);
        Assert.Contains("emergency 96h from receipt", r.Out); // as REG Art. 10(4) writes it, not "4d"
        Assert.Contains("may be marked urgent where the facts show data particularly vulnerable to loss or modification", CliProcess.Run("instruments", "budapest-art31-mla").Out);
        var unknown = CliProcess.Run("instruments", "eu-epok");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no instrument 'eu-epok'", unknown.Error);
    }

    [Fact]
    public void Validate_passes_shipped_scenarios_and_reports_problems_with_positions()
    {
        var ok = CliProcess.Run("validate", "scenarios/hospital-ransomware.yaml");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("hospital-ransomware.yaml: ok", ok.Out);

        var broken = CliProcess.TempFile("broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(CliProcess.Root, "scenarios", "hospital-ransomware.yaml"))
            .Replace("headquarters: BE", "headquarters: BX").Replace("capability: low", "capability: lowish"));
        var bad = CliProcess.Run("validate", broken);
        Assert.Equal(1, bad.ExitCode);
        var lines = bad.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"broken\.yaml:\d+:\d+: 'capability' has a value that is not allowed"));
        Assert.EndsWith("problem(s)", lines[^1].Trim());

        // A file that is not there is a usage error, named as the path it was given; the other files are still checked.
        var gone = Path.Combine(Path.GetTempPath(), "no-such-dir", "gone.yaml");
        var missing = CliProcess.Run("validate", gone, "scenarios/hospital-ransomware.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"{gone}:1:1: no scenario file {gone}", missing.Out);
        Assert.Contains("hospital-ransomware.yaml: ok", missing.Out);
    }

    [Fact]
    public void Validate_reports_every_file_of_a_batch_that_once_crashed_it_each_at_its_place_without_a_stack_trace()
    {
        string[] hostile = ["alias-inside-itself", "nested-too-deep", "alias-bomb", "penalty-years-beyond-int", "duration-with-foreign-digits", "start-in-year-one"];
        var files = hostile.Select(f => Path.Combine("tests", "Simulator.Scenarios.Tests", "Broken", f + ".yaml")).Append("scenarios/hospital-ransomware.yaml").ToArray();
        var r = CliProcess.Run(["validate", .. files]);
        Assert.Equal(1, r.ExitCode);
        foreach (var f in hostile) Assert.Contains($"{f}.yaml: 1 problem(s)", r.Out);
        Assert.Contains("hospital-ransomware.yaml: ok", r.Out); // the last file of the batch is still checked
        Assert.DoesNotContain("   at ", r.Out + r.Error);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void An_overlay_that_leaves_an_objective_impossible_runs_and_warns_on_the_error_stream()
    {
        var overlay = CliProcess.TempFile("short-logs.yaml");
        File.WriteAllText(overlay, "overlay: short\ntitle: Hostbay keeps its logs an hour\nchanges:\n  - {retention: 1h, provider: hostbay, categories: [traffic]}\n");
        var r = CliProcess.Run("run", "hospital-ransomware", "--overlay", overlay, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"warning: {overlay}:1:1: with this overlay applied, objective", r.Error);
        Assert.Contains("every run rates it unable to perform", r.Error);
    }

    [Fact]
    public void Run_prints_an_outcome_and_the_same_seed_gives_the_same_json()
    {
        var a = CliProcess.Run("run", "hospital-ransomware", "--seed", "7", "--policy", "mla-only", "--json");
        var b = CliProcess.Run("run", "hospital-ransomware", "--seed", "7", "--policy", "mla-only", "--json");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        using var doc = JsonDocument.Parse(a.Out);
        var root = doc.RootElement;
        Assert.Equal("mla-only", root.GetProperty("policy").GetString());
        var lost = root.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("status").GetString() == "lost").ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString())));
        Assert.True(root.GetProperty("timeByStage").GetArrayLength() > 0);

        var table = CliProcess.Run("run", "hospital-ransomware", "--seed", "7", "--policy", "preserve-then-mla");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Where the time went", table.Out);
    }

    [Fact]
    public void Run_refuses_an_unknown_policy_and_a_broken_scenario_clearly()
    {
        var policy = CliProcess.Run("run", "hospital-ransomware", "--policy", "fastest");
        Assert.NotEqual(0, policy.ExitCode);
        Assert.Contains("unknown policy 'fastest'", policy.Out + policy.Error);
        var missing = CliProcess.Run("run", "no-such-scenario");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-scenario", missing.Error);
    }

    [Fact]
    public void A_written_journal_verifies_and_one_edited_byte_is_caught_at_its_event()
    {
        var journal = CliProcess.TempFile("run.jsonl");
        Assert.Equal(0, CliProcess.Run("run", "hospital-ransomware", "--seed", "3", "--policy", "direct-orders-first", "--journal", journal).ExitCode);
        var ok = CliProcess.Run("verify", journal);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("journal intact", ok.Out);

        var bytes = File.ReadAllBytes(journal);
        var lines = File.ReadAllLines(journal);
        var target = Array.FindIndex(lines, l => l.Contains("\"type\":\"EvidenceDelivered\""));
        var offset = lines.Take(target).Sum(l => l.Length + 1) + lines[target].IndexOf("\"to\":", StringComparison.Ordinal) + 6;
        bytes[offset] = (byte)(bytes[offset] == (byte)'A' ? 'B' : 'A');
        File.WriteAllBytes(journal, bytes);
        var bad = CliProcess.Run("verify", journal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($":{target + 1}: event {target + 1} ", bad.Out);
        Assert.Contains("was changed", bad.Out);
    }

    [Fact]
    public void A_journal_cut_at_its_end_is_caught_against_the_head_the_outcome_printed()
    {
        var journal = CliProcess.TempFile("cut.jsonl");
        var run = CliProcess.Run("run", "hospital-ransomware", "--seed", "3", "--policy", "mla-only", "--journal", journal, "--json");
        var head = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("journalHead").GetString()!;
        Assert.Equal(0, CliProcess.Run("verify", journal, "--head", head).ExitCode);

        var lines = File.ReadAllLines(journal);
        File.WriteAllLines(journal, lines.Take(lines.Length - 3));
        Assert.Equal(0, CliProcess.Run("verify", journal).ExitCode); // the chain alone cannot tell
        var cut = CliProcess.Run("verify", journal, "--head", head);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains($"the journal ends at event {lines.Length - 3} with hash", cut.Out);
        Assert.Contains($"not {head}: events after it were removed", cut.Out);
    }

    [Fact]
    public void Diagrams_prints_mermaid_for_each_procedure()
    {
        var r = CliProcess.Run("diagrams", "request");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("stateDiagram-v2", r.Out);
        Assert.Contains("UnderReview --> AwaitingClarification", r.Out);
    }

    [Fact]
    public void A_mistyped_option_stops_the_command_instead_of_running_with_defaults()
    {
        var r = CliProcess.Run("run", "hospital-ransomware", "--polcy", "mla-only");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("polcy", r.Out + r.Error);
        Assert.Equal(2, CliProcess.Run("verify", "x.jsonl", "--quiet").ExitCode);
    }
}
