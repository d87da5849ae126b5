using System.Text;

namespace Simulator.Cli;

/// <summary>
/// What the command line prints, with the control characters that data may carry made visible (issue 15 item 3): a
/// scenario's title, a record's note or a catalogue's text could otherwise hold escape sequences that recolour, move
/// or retitle the user's terminal, or bidirectional overrides that show text in another order than it is. Such a
/// character is written as \u001B; line breaks (\n, \r\n) and tabs pass, a carriage return alone does not. The simulator's own colours go through Spectre.Console,
/// which writes to the stream beneath. JSON output is unchanged: its serializer already escapes control characters.
/// </summary>
public sealed class SafeTerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    /// <summary>Whether <paramref name="c"/> is shown escaped wherever it stands (a carriage return only outside a line break: see <see cref="Escape"/>).</summary>
    public static bool Unsafe(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary><paramref name="text"/> with each unsafe character written as \uXXXX.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(Unsafe)) return text;
        var b = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A carriage return ending a line (\r\n, as CSV writes) passes; alone it would let a text overwrite its own line.
            var lineBreak = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            b.Append(Unsafe(c) && !lineBreak ? $"\\u{(int)c:X4}" : c);
        }
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
