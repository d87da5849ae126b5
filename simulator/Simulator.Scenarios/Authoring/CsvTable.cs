using System.Text;
using Simulator.Scenarios.Diagnostics;

namespace Simulator.Scenarios.Authoring;

/// <summary>One CSV field with where it starts in the file (1-based line and column), for error messages.</summary>
public sealed record CsvField(string Value, int Line, int Column);

/// <summary>
/// A small RFC 4180 reader and writer: comma-separated, fields in double quotes may hold commas, quotes ("") and
/// line breaks. Spreadsheets write this; it keeps the position of every field so problems point into the file.
/// </summary>
public static class CsvTable
{
    /// <summary>The separator of a file's first line: ';' when it has more semicolons than commas, else ','.</summary>
    public static char GuessSeparator(string text)
    {
        var first = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length));
        return first.Count(';') > first.Count(',') ? ';' : ',';
    }

    /// <summary>Reads fields separated by <paramref name="separator"/>: ',' or, as spreadsheets in many European
    /// locales write, ';'. Rows whose fields are all empty (a spreadsheet's blank rows) are skipped.</summary>
    public static IReadOnlyList<IReadOnlyList<CsvField>> Read(string text, string file, char separator = ',')
    {
        var rows = new List<IReadOnlyList<CsvField>>();
        var row = new List<CsvField>();
        var value = new StringBuilder();
        int line = 1, column = 1, fieldLine = 1, fieldColumn = 1;
        var quoted = false;
        var i = 0;
        if (text.StartsWith('\uFEFF')) i = 1; // a spreadsheet's byte-order mark

        void EndField()
        {
            row.Add(new CsvField(value.ToString(), fieldLine, fieldColumn));
            value.Clear();
        }
        void EndRow()
        {
            EndField();
            if (row.Any(f => f.Value.Trim().Length > 0)) rows.Add(row); // skip blank lines and rows of empty cells
            row = [];
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { value.Append('"'); i++; column += 2; continue; }
                if (c == '"') { quoted = false; column++; continue; }
                value.Append(c);
                if (c == '\n') { line++; column = 1; } else column++;
                continue;
            }
            switch (c)
            {
                case '"' when value.Length == 0:
                    quoted = true;
                    column++;
                    break;
                case var _ when c == separator:
                    EndField();
                    column++;
                    fieldLine = line; fieldColumn = column;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++; column = 1;
                    fieldLine = line; fieldColumn = column;
                    break;
                default:
                    value.Append(c);
                    column++;
                    break;
            }
        }
        if (quoted) throw new FileProblemsException([new Diagnostic(file, fieldLine, fieldColumn, "a quoted field is never closed", "end it with a double quote")]);
        if (value.Length > 0 || row.Count > 0) EndRow();
        return rows;
    }

    public static string Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return text.ToString();
    }

    private static string Quote(string? field)
    {
        field ??= "";
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field != field.Trim() ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
    }
}
