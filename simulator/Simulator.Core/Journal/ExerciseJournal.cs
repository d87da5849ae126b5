using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Simulator.Core.Journal;

/// <summary>
/// The append-only, hash-chained record of an exercise. Each line is JSON:
/// <c>{"seq":N,"at":"…Z","type":"…","data":{…},"prev":"&lt;hash of line N-1&gt;","hash":"&lt;sha-256&gt;"}</c>,
/// where <c>hash</c> is the SHA-256 (lowercase hex) of the line's bytes up to, not including, <c>,"hash":</c>.
/// The first line's <c>prev</c> is <see cref="GenesisHash"/>. Changing, removing or reordering any line breaks the
/// chain at that line, which <see cref="JournalVerifier"/> reports.
/// </summary>
public sealed class ExerciseJournal
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
    private static readonly byte[] HashMarker = ",\"hash\":\""u8.ToArray();

    private readonly List<JournalEntry> _entries = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Action<JournalEntry>? _onAppend;

    public ExerciseJournal(Action<JournalEntry>? onAppend = null) => _onAppend = onAppend;

    public IReadOnlyList<JournalEntry> Entries => _entries;
    public string LastHash => _entries.Count == 0 ? GenesisHash : _entries[^1].Hash;

    public JournalEntry Append(DateTimeOffset at, JournalEvent evt)
    {
        var seq = _entries.Count + 1L;
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JournalJson.Options.Encoder, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteString("at", JournalJson.Instant(at));
            w.WriteString("type", evt.GetType().Name);
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, evt, JournalJson.Options.GetTypeInfo(evt.GetType()));
            w.WriteString("prev", LastHash);
            w.Flush();
        }
        var body = _buffer.WrittenSpan;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var line = new byte[body.Length + HashMarker.Length + hash.Length + 2];
        body.CopyTo(line);
        HashMarker.CopyTo(line, body.Length);
        System.Text.Encoding.ASCII.GetBytes(hash, 0, hash.Length, line, body.Length + HashMarker.Length);
        line[^2] = (byte)'"';
        line[^1] = (byte)'}';
        var entry = new JournalEntry(seq, at, evt, hash, line);
        _entries.Add(entry);
        _onAppend?.Invoke(entry);
        return entry;
    }

    /// <summary>The journal as JSON lines, exactly the bytes that were hashed.</summary>
    public void WriteTo(Stream stream)
    {
        foreach (var e in _entries)
        {
            stream.Write(e.Line);
            stream.WriteByte((byte)'\n');
        }
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }

    internal static int HashMarkerIndex(ReadOnlySpan<byte> line) => line.LastIndexOf(HashMarker);

    /// <summary>The bytes the engine writes for a line with these fields: what <see cref="JournalVerifier"/> holds a line to.</summary>
    internal static byte[] CanonicalLine(long seq, string at, string type, JsonElement data, string prev, string hash)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JournalJson.Options.Encoder, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteString("at", at);
            w.WriteString("type", type);
            w.WritePropertyName("data");
            data.WriteTo(w);
            w.WriteString("prev", prev);
            w.WriteString("hash", hash);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
