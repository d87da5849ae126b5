using Simulator.Scenarios.Authoring;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;
using Simulator.Tests;

namespace Simulator.Scenarios.Tests;

/// <summary>The authoring tools: a scaffold to start from, and the MSEL as a spreadsheet (CSV) both ways.</summary>
public class AuthoringTests
{
    private static string Reference() => File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios(), "hospital-ransomware.yaml"));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void A_new_scenario_is_valid_and_playable(int states)
    {
        var text = ScenarioScaffold.Create("phishing-exercise", "Phishing: a test", states, new DateOnly(2026, 9, 7));
        var loaded = ScenarioLoader.Parse(text, "phishing-exercise.yaml");
        Assert.Equal(states, loaded.File.Jurisdictions.Count);
        Assert.Equal("Phishing: a test", loaded.File.Title);
        var built = WorldBuilder.Build(loaded, CatalogueLoader.Shipped, 1);
        Assert.NotEmpty(built.World.Objectives);
    }

    [Fact]
    public void A_new_scenario_needs_a_proper_id_and_state_count()
    {
        Assert.Contains("letters, digits and hyphens", Assert.Throws<ArgumentException>(() => ScenarioScaffold.Create("My Scenario", "t", 3, new DateOnly(2026, 9, 7))).Message);
        Assert.Contains("from 2 to 6", Assert.Throws<ArgumentException>(() => ScenarioScaffold.Create("ok", "t", 9, new DateOnly(2026, 9, 7))).Message);
    }

    [Fact]
    public void The_msel_goes_to_csv_and_back_unchanged_with_the_rest_of_the_file_untouched()
    {
        var text = Reference();
        var original = ScenarioLoader.Parse(text, "hospital-ransomware.yaml").File;
        var csv = MselCsv.Export(original);
        Assert.StartsWith("id,at,to,title,text,expected-action,condition,reveals,purge,purge-evidence,expects\r\n", csv);
        var imported = MselCsv.Import(text, "hospital-ransomware.yaml", csv, "msel.csv");
        var again = ScenarioLoader.Parse(imported, "hospital-ransomware.yaml").File;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(original.Injects), System.Text.Json.JsonSerializer.Serialize(again.Injects));
        // Outside the injects section, the file is what it was, comments included.
        var before = text[..text.IndexOf("\ninjects:", StringComparison.Ordinal)];
        Assert.StartsWith(before, imported);
        Assert.Contains("\nobjectives:", imported);
        Assert.Equal(csv, MselCsv.Export(again));
    }

    [Fact]
    public void A_spreadsheet_edit_comes_in_a_new_inject_with_a_condition_and_a_quoted_comma()
    {
        var text = Reference();
        var csv = MselCsv.Export(ScenarioLoader.Parse(text, "h.yaml").File)
            + "late-call,5d,AL/prosecutor,\"Journalist calls, again\",\"She says: \"\"we publish tomorrow\"\"\",Hold the line,evidence-not-secured c2-flow-logs,,,\r\n";
        var file = ScenarioLoader.Parse(MselCsv.Import(text, "h.yaml", csv, "msel.csv"), "h.yaml").File;
        var added = file.Injects.Single(i => i.Id == "late-call");
        Assert.Equal("Journalist calls, again", added.Title);
        Assert.Equal("She says: \"we publish tomorrow\"", added.Text);
        Assert.Equal("evidence-not-secured", added.Condition!.Kind);
        Assert.Equal("c2-flow-logs", added.Condition.Evidence);
    }

    [Fact]
    public void Problems_in_the_csv_are_reported_at_their_row_and_column_and_nothing_is_produced()
    {
        var text = Reference();
        const string csv = "id,at,to,title,condition\r\n" +
                           "one,1d,AL,First,\r\n" +
                           "two,1d,XX,Second,\r\n" +                                   // unknown state
                           "three,1d,AL,Third,evidence-not-secured no-such-item\r\n";    // unknown evidence
        var e = Assert.Throws<FileProblemsException>(() => MselCsv.Import(text, "h.yaml", csv, "msel.csv"));
        Assert.Contains(e.Problems, p => p is { File: "msel.csv", Line: 3, Column: 8 } && p.Message.Contains("no state 'XX'"));
        Assert.Contains(e.Problems, p => p is { File: "msel.csv", Line: 4 } && p.Column > 14 && p.Message.Contains("no-such-item"));

        var header = Assert.Throws<FileProblemsException>(() => MselCsv.Import(text, "h.yaml", "id,at,title,when\r\nx,1d,T,2d\r\n", "msel.csv"));
        Assert.Contains(header.Problems, p => p is { Line: 1, Column: 13 } && p.Message.Contains("unknown column 'when'"));
        Assert.Contains(header.Problems, p => p.Message.Contains("no 'to' column"));

        var condition = Assert.Throws<FileProblemsException>(() => MselCsv.Import(text, "h.yaml", "id,at,to,title,condition\r\nx,1d,AL,T,when nobody asked\r\n", "msel.csv"));
        Assert.Contains("'when nobody asked' is not a condition", Assert.Single(condition.Problems).Message);

        var unclosed = Assert.Throws<FileProblemsException>(() => MselCsv.Import(text, "h.yaml", "id,at,to,title\r\nx,1d,AL,\"never closed\r\n", "msel.csv"));
        Assert.Equal((2, 9), (Assert.Single(unclosed.Problems).Line, unclosed.Problems[0].Column));
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1 yours")]
    [InlineData("-keep")]
    [InlineData("@who")]
    [InlineData("\tindented")]
    [InlineData("'=already quoted")]
    [InlineData("'plain apostrophe")]
    [InlineData("plain")]
    [InlineData("''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''=x")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_behind_an_apostrophe_and_read_back_as_the_same_text(string text)
    {
        var csv = CsvTable.Write([["a", text]]);
        var written = csv.TrimEnd('\r', '\n').Split(',', 2)[1].TrimStart('"');
        Assert.DoesNotMatch("^[=+\\-@\t\r]", written);
        Assert.Equal(text, CsvTable.Read(csv, "x.csv")[0][1].Value);
    }

    [Theory]
    [InlineData("a,b\"c,d\r\n", 1, 4, "a double quote inside a field that is not quoted")]
    [InlineData("a,\"b\"c,d\r\n", 1, 6, "text follows a closing double quote")]
    [InlineData("a,b\r\nc,\"d,e\r\n", 2, 3, "a quoted field is never closed")]
    public void An_unbalanced_quote_is_refused_at_its_row_and_column(string csv, int line, int column, string message)
    {
        var d = Assert.Single(Assert.Throws<FileProblemsException>(() => CsvTable.Read(csv, "x.csv")).Problems);
        Assert.Equal((line, column, message), (d.Line, d.Column, d.Message));
    }

    [Fact]
    public void A_semicolon_separated_csv_with_blank_rows_from_a_european_spreadsheet_imports_too()
    {
        var text = Reference();
        var csv = MselCsv.Export(ScenarioLoader.Parse(text, "h.yaml").File);
        var semicolons = string.Join("\r\n", CsvTable.Read(csv, "msel.csv").Select(r => string.Join(';', r.Select(f => f.Value.Contains(';') || f.Value.Contains('"') ? $"\"{f.Value.Replace("\"", "\"\"")}\"" : f.Value)))) + "\r\n;;;;;;;;;\r\n";
        var imported = ScenarioLoader.Parse(MselCsv.Import(text, "h.yaml", semicolons, "msel.csv"), "h.yaml").File;
        Assert.Equal(ScenarioLoader.Parse(text, "h.yaml").File.Injects.Count, imported.Injects.Count);
    }

    [Fact]
    public void The_scaffold_names_where_it_is_written_and_ends_with_a_newline()
    {
        var text = ScenarioScaffold.Create("x", "X", 4, new DateOnly(2026, 9, 7), "drafts/x.yaml");
        Assert.Contains("simulator validate drafts/x.yaml", text);
        Assert.EndsWith("\n", text);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.Contains("seats: [contact-point, central-authority]\n\n  - id:", text);
    }
}
