using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Core.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;

namespace Simulator.Scenarios.Authoring;

/// <summary>
/// The MSEL as a spreadsheet: a scenario's injects exported to CSV, one row per inject, and a CSV imported back
/// into the scenario file in place of its injects. Import checks the whole resulting scenario before anything is
/// written; a problem in an inject is reported at its row and column in the CSV.
/// </summary>
public static partial class MselCsv
{
    /// <summary>The columns, in order. Lists (to, reveals, purge-evidence, expects) are separated by ';'. A condition is
    /// its kind and its subject: "no-request-reached-provider hostbay", "evidence-not-secured c2-flow-logs".
    /// <c>expects</c> came last, so that a spreadsheet laid out before it still imports.</summary>
    public static readonly string[] Columns = ["id", "at", "to", "title", "text", "expected-action", "condition", "reveals", "purge", "purge-evidence", "expects"];

    private static readonly string[] Required = ["id", "at", "to", "title"];
    private static readonly Dictionary<string, string> ConditionSubject = new()
    {
        ["no-request-reached-provider"] = "provider",
        ["evidence-not-secured"] = "evidence",
        ["evidence-secured"] = "evidence",
    };

    public static string Export(ScenarioFile scenario) => CsvTable.Write(
        new[] { (IEnumerable<string?>)Columns }.Concat(scenario.Injects.Select(i => (IEnumerable<string?>)
        [
            i.Id, i.At, string.Join(';', i.To), i.Title, i.Text, i.ExpectedAction,
            i.Condition is null ? null : $"{i.Condition.Kind} {i.Condition.Provider ?? i.Condition.Evidence}",
            string.Join(';', i.Reveals), i.Purge, string.Join(';', i.PurgeEvidence), string.Join(';', i.Expects),
        ])));

    /// <summary>
    /// The scenario text with its <c>injects:</c> section replaced by the CSV's rows (everything else, comments
    /// included, untouched). Throws <see cref="FileProblemsException"/> with every problem, at its place in the CSV
    /// or the scenario, if the CSV or the resulting scenario is wrong.
    /// </summary>
    public static string Import(string scenarioText, string scenarioPath, string csvText, string csvPath, InstrumentCatalogue? catalogue = null)
    {
        var rows = CsvTable.Read(csvText, csvPath, CsvTable.GuessSeparator(csvText));
        var problems = new List<Diagnostic>();
        if (rows.Count == 0) throw new FileProblemsException([new Diagnostic(csvPath, 1, 1, "the file is empty", $"the first row names the columns: {string.Join(",", Columns)}")]);

        var header = rows[0];
        var columns = new Dictionary<string, int>();
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Value.Trim().ToLowerInvariant();
            if (!Columns.Contains(name))
                problems.Add(new Diagnostic(csvPath, header[c].Line, header[c].Column, $"unknown column '{header[c].Value}'", $"the columns are {string.Join(", ", Columns)}"));
            else if (!columns.TryAdd(name, c))
                problems.Add(new Diagnostic(csvPath, header[c].Line, header[c].Column, $"column '{name}' appears twice"));
        }
        foreach (var required in Required.Where(r => !columns.ContainsKey(r)))
            problems.Add(new Diagnostic(csvPath, header[0].Line, 1, $"no '{required}' column", $"required columns: {string.Join(", ", Required)}"));
        if (problems.Count > 0) throw new FileProblemsException(problems);

        // One inject per line of YAML, so a problem the scenario checks find maps back to its row; each key's
        // column in that line maps back to its CSV field.
        var lines = new List<(string Yaml, List<(int YamlColumn, CsvField Field)> Keys, CsvField RowStart)>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Count > header.Count)
            {
                problems.Add(new Diagnostic(csvPath, row[header.Count].Line, row[header.Count].Column, $"this row has {row.Count} fields but the header names {header.Count} columns"));
                continue;
            }
            string Get(string column) => columns.TryGetValue(column, out var c) && c < row.Count ? row[c].Value.Trim() : "";
            CsvField FieldOf(string column) => columns.TryGetValue(column, out var c) && c < row.Count ? row[c] : row[0];
            var yaml = new StringBuilder("  - {");
            var keys = new List<(int, CsvField)>();
            void Put(string key, string value)
            {
                if (keys.Count > 0) yaml.Append(", ");
                keys.Add((yaml.Length + 1, FieldOf(key)));
                yaml.Append(key).Append(": ").Append(value);
            }
            foreach (var column in new[] { "id", "at", "title" })
                Put(column, Quoted(Get(column)));
            Put("to", List(Get("to")));
            foreach (var column in new[] { "text", "expected-action", "purge" })
                if (Get(column).Length > 0) Put(column, Quoted(Get(column)));
            foreach (var column in new[] { "reveals", "purge-evidence", "expects" })
                if (Get(column).Length > 0) Put(column, List(Get(column)));
            if (Get("condition") is { Length: > 0 } condition)
            {
                var parts = condition.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || !ConditionSubject.TryGetValue(parts[0], out var subject))
                {
                    var field = FieldOf("condition");
                    problems.Add(new Diagnostic(csvPath, field.Line, field.Column, $"'{condition}' is not a condition",
                        $"write the kind and its subject: {string.Join(", ", ConditionSubject.Select(k => $"'{k.Key} <{k.Value}>'"))}"));
                    continue;
                }
                Put("condition", $"{{kind: {parts[0]}, {subject}: {Quoted(parts[1])}}}");
            }
            yaml.Append('}');
            lines.Add((yaml.ToString(), keys, row[0]));
        }
        if (problems.Count > 0) throw new FileProblemsException(problems);

        var (text, blockStart, oldLength) = ReplaceInjects(scenarioText, lines.Select(l => l.Yaml).ToList());
        try
        {
            ScenarioLoader.Parse(text, scenarioPath, catalogue);
            return text;
        }
        catch (FileProblemsException e)
        {
            // Point each problem at its CSV field, or at its place in the unchanged scenario file.
            var shift = lines.Count + 1 - oldLength;
            throw new FileProblemsException(e.Problems.Select(p =>
            {
                var index = p.Line - blockStart - 2; // the block's first line is "injects:"
                if (index >= 0 && index < lines.Count)
                {
                    var field = lines[index].Keys.LastOrDefault(k => k.YamlColumn <= p.Column).Field ?? lines[index].RowStart;
                    return p with { File = csvPath, Line = field.Line, Column = field.Column };
                }
                return p.Line > blockStart + lines.Count + 1 ? p with { Line = p.Line - shift } : p;
            }).ToList());
        }
    }

    /// <summary>Replaces the top-level injects section (or appends one); returns the new text, the 0-based line
    /// where the section starts, and how many lines the old section had.</summary>
    private static (string Text, int Start, int OldLength) ReplaceInjects(string text, IReadOnlyList<string> injects)
    {
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var start = lines.FindIndex(l => InjectsKey().IsMatch(l));
        int end;
        if (start < 0) { start = lines.Count; end = start; }
        else
        {
            end = start + 1;
            while (end < lines.Count && !TopLevel().IsMatch(lines[end])) end++;
            // Comments just above the next section belong to it.
            while (end - 1 > start && lines[end - 1].TrimStart().StartsWith('#')) end--;
        }
        var block = new List<string> { injects.Count == 0 ? "injects: []" : "injects:" };
        block.AddRange(injects);
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, block);
        return (string.Join(newline, lines) + newline, start, end - start);
    }

    private static string Quoted(string value) => JsonSerializer.Serialize(value, Core.Journal.JournalJson.Options);

    private static string List(string value) =>
        $"[{string.Join(", ", value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Quoted))}]";

    [GeneratedRegex(@"^injects\s*:")]
    private static partial Regex InjectsKey();

    [GeneratedRegex(@"^[^\s#]")]
    private static partial Regex TopLevel();
}
