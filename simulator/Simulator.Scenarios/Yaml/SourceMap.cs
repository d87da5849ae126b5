namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Where each value of a parsed YAML file came from, by JSON pointer (RFC 6901), so that schema errors and
/// semantic errors alike point at a line and column.
/// </summary>
public sealed class SourceMap(string file)
{
    private readonly Dictionary<string, (int Line, int Column)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    public string File { get; } = file;

    internal void AddValue(string pointer, int line, int column) => _values[pointer] = (line, column);
    internal void AddKey(string pointer, int line, int column) => _keys[pointer] = (line, column);

    /// <summary>The position of the value at <paramref name="pointer"/>, or of its closest parent that has one.</summary>
    public (int Line, int Column) Value(string pointer)
    {
        while (true)
        {
            if (_values.TryGetValue(pointer, out var p)) return p;
            if (pointer.Length == 0) return (1, 1);
            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    /// <summary>The position of the key that names <paramref name="pointer"/>, falling back to its value.</summary>
    public (int Line, int Column) Key(string pointer) => _keys.TryGetValue(pointer, out var p) ? p : Value(pointer);

    public Diagnostics.Diagnostic At(string pointer, string message, string? hint = null, bool atKey = false)
    {
        var (line, column) = atKey ? Key(pointer) : Value(pointer);
        return new Diagnostics.Diagnostic(File, line, column, message, hint);
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
