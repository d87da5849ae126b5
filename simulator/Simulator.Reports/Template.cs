using System.Text.RegularExpressions;

namespace Simulator.Reports;

/// <summary>Fills "{name}" placeholders from a dictionary; a placeholder with no value is left as written, so it shows.</summary>
public static partial class Template
{
    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
