namespace Simulator.Cli.Tests;

/// <summary>`simulator new` and `simulator msel`, as an author would use them from a shell.</summary>
public class AuthoringCommandTests
{
    [Fact]
    public void New_writes_a_scenario_that_validates_and_runs_and_never_overwrites()
    {
        var path = CliProcess.TempFile("phishing-exercise.yaml");
        var made = CliProcess.Run("new", "phishing-exercise", "--states", "4", "--out", path);
        Assert.Equal(0, made.ExitCode);
        Assert.Contains("simulator validate", made.Out);
        Assert.Equal(0, CliProcess.Run("validate", path).ExitCode);
        var run = CliProcess.Run("run", path, "--policy", "preserve-then-mla");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("phishing-exercise under preserve-then-mla", run.Out);

        var again = CliProcess.Run("new", "phishing-exercise", "--out", path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already", again.Error);
        Assert.Equal(2, CliProcess.Run("new", "Bad Id", "--out", CliProcess.TempFile("x.yaml")).ExitCode);
    }

    [Fact]
    public void Msel_export_then_import_round_trips_and_a_broken_csv_changes_nothing()
    {
        var scenario = CliProcess.TempFile("hospital.yaml");
        File.Copy(Path.Combine(CliProcess.Root, "scenarios", "hospital-ransomware.yaml"), scenario);
        var original = File.ReadAllText(scenario);
        var csv = Path.Combine(Path.GetDirectoryName(scenario)!, "msel.csv");
        Assert.Equal(0, CliProcess.Run("msel", "export", scenario, "--out", csv).ExitCode);
        Assert.StartsWith("id,at,to,title", File.ReadAllText(csv));

        File.AppendAllText(csv, "extra,2d,AL/investigator,A new inject,,,,,,\r\n");
        var imported = CliProcess.Run("msel", "import", scenario, csv);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("id: \"extra\"", File.ReadAllText(scenario));
        Assert.Equal(0, CliProcess.Run("validate", scenario).ExitCode);

        var before = File.ReadAllText(scenario);
        var brokenLine = File.ReadAllText(csv).Count(c => c == '\n') + 1;
        File.AppendAllText(csv, "broken,2d,ZZ,Nowhere,,,,,,\r\n");
        var refused = CliProcess.Run("msel", "import", scenario, csv);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"msel.csv:{brokenLine}:11: inject goes to 'ZZ' but there is no state 'ZZ'", refused.Error);
        Assert.Equal(before, File.ReadAllText(scenario));
        Assert.NotEqual(original, before);
    }

    [Fact]
    public void Control_characters_in_a_scenarios_text_reach_the_terminal_escaped_and_a_file_exactly()
    {
        // An inject title that would retitle the terminal and show a file name reversed.
        var scenario = CliProcess.TempFile("escapes.yaml");
        var text = File.ReadAllText(Path.Combine(CliProcess.Root, "scenarios", "hospital-ransomware.yaml"));
        var title = text.IndexOf("title: ", text.IndexOf("injects:", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(scenario, text[..title] + "title: \"Report \\e]0;pwned\\a from \\u202Egnp.exe\"" + text[text.IndexOf('\n', title)..]);
        var shown = CliProcess.Run("msel", "export", scenario);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Report \\u001B]0;pwned\\u0007 from \\u202Egnp.exe", shown.Out);
        Assert.DoesNotContain('\u001b', shown.Out);
        Assert.DoesNotContain('\u202e', shown.Out);

        var csv = CliProcess.TempFile("msel.csv");
        Assert.Equal(0, CliProcess.Run("msel", "export", scenario, "--out", csv).ExitCode);
        Assert.Contains("Report \u001b]0;pwned\u0007 from \u202Egnp.exe", File.ReadAllText(csv)); // the file keeps the text as written

        // --out naming a folder is refused before anything is written, and nothing is left behind.
        var folder = Path.GetDirectoryName(csv)!;
        var refused = CliProcess.Run("msel", "import", scenario, csv, "--out", folder);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"--out {folder} is a folder: name a file", refused.Error);
        Assert.False(File.Exists(folder + ".tmp"));
    }
}
