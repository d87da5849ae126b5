using System.Text;
using Simulator.Scenarios.Diagnostics;

namespace Simulator.Scenarios.Authoring;

/// <summary>One CSV field with where it starts in the file (1-based line and column), for error messages.</summary>
public sealed record CsvField(string Value, int Line, int Column);

/// <summary>
/// A small RFC 4180 reader and writer: comma-separated, fields in double quotes may hold commas, quotes ("") and
/// line breaks. Spreadsheets write this; it keeps the position of every field so problems point into the file.
/// Written cells that a spreadsheet would run as a formula (they begin with =, +, -, @, a tab or a carriage return)
/// are neutralised with a leading apostrophe, as OWASP's CSV-injection advice says, and read back as the same text.
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
            row.Add(new CsvField(Restore(value.ToString()), fieldLine, fieldColumn));
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
                if (c == '"')
                {
                    quoted = false;
                    column++;
                    // A closing quote ends the field: anything but a separator or a line break after it is mangled text.
                    if (i + 1 < text.Length && text[i + 1] != separator && text[i + 1] is not ('\r' or '\n'))
                        throw new FileProblemsException([new Diagnostic(file, line, column, "text follows a closing double quote", "put the whole field in quotes, with each quote inside it doubled (\"\")")]);
                    continue;
                }
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
                case '"':
                    throw new FileProblemsException([new Diagnostic(file, line, column, "a double quote inside a field that is not quoted", "put the whole field in quotes, with each quote inside it doubled (\"\")")]);
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

    /// <summary>Whether a spreadsheet would take the text as a formula, or it is one neutralised already (so that reading it back is exact).</summary>
    private static bool NeedsNeutralising(string field)
    {
        // Past any apostrophes already in front (a cell neutralised before), the first character decides; a loop, not
        // recursion, so a cell of many apostrophes costs nothing.
        var rest = field.AsSpan().TrimStart('\'');
        return rest.Length > 0 && rest[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    /// <summary>The cell as written: a formula-leading text behind an apostrophe.</summary>
    private static string Neutralise(string field) => NeedsNeutralising(field) ? "'" + field : field;

    /// <summary>The text a neutralised cell stands for: its apostrophe taken off where <see cref="Neutralise"/> put it.</summary>
    private static string Restore(string field) => field.Length > 1 && field[0] == '\'' && NeedsNeutralising(field[1..]) ? field[1..] : field;

    private static string Quote(string? field)
    {
        field = Neutralise(field ?? "");
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field != field.Trim() ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
    }
}
