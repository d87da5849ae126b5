using System.Text;

namespace Simulator.Cli;

/// <summary>
/// What the command line prints, with the control characters that data may carry made visible (issue 15 item 3): a
/// scenario's title, a record's note or a catalogue's text could otherwise hold escape sequences that recolour, move
/// or retitle the user's terminal, or bidirectional overrides that show text in another order than it is. Such a
/// character is written as \u001B; line breaks and tabs pass. The simulator's own colours go through Spectre.Console,
/// which writes to the stream beneath. JSON output is unchanged: its serializer already escapes control characters.
/// </summary>
public sealed class SafeTerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public static bool Unsafe(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary><paramref name="text"/> with each unsafe character written as \uXXXX.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(Unsafe)) return text;
        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text) b.Append(Unsafe(c) ? $"\\u{(int)c:X4}" : c);
        return b.ToString();
    }

    public override void Write(char value)
    {
        if (Unsafe(value)) inner.Write($"\\u{(int)value:X4}");
        else inner.Write(value);
    }

    public override void Write(string? value) => inner.Write(value is null ? null : Escape(value));
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Escape(value));
    public override void Flush() => inner.Flush();
}
