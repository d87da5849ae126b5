using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Simulator.Core.Journal;

public sealed record VerificationResult(bool Valid, long EventsChecked, long? FirstBadLine, long? FirstBadSequence, string Message);

/// <summary>
/// Checks a journal as written: every line's hash matches its bytes, every line points at the hash of the line
/// before, sequence numbers run 1, 2, 3 without gaps, and each evidence item's custody chain links up and keeps
/// the content hash the holder started with. Names the first line that breaks, and what probably happened to it.
/// </summary>
public static class JournalVerifier
{
    public static VerificationResult Verify(Stream journal)
    {
        using var reader = new StreamReader(journal, new UTF8Encoding(false, true));
        var lines = new List<string>();
        while (reader.ReadLine() is { } l)
        {
            if (l.Length > 0) lines.Add(l);
        }
        return Verify(lines);
    }

    public static VerificationResult Verify(IReadOnlyList<string> lines)
    {
        var prevHash = ExerciseJournal.GenesisHash;
        long expectedSeq = 1;
        var custody = new Dictionary<string, (string Hash, string Content)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNo = i + 1;
            var bytes = Encoding.UTF8.GetBytes(lines[i]);
            var marker = ExerciseJournal.HashMarkerIndex(bytes);
            if (marker < 0)
                return Bad(lineNo, null, $"line {lineNo} has no hash: it is not a journal line, or was cut");

            long seq;
            string prev, stored, type;
            JsonElement data;
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                var root = doc.RootElement;
                seq = root.GetProperty("seq").GetInt64();
                prev = root.GetProperty("prev").GetString()!;
                stored = root.GetProperty("hash").GetString()!;
                type = root.GetProperty("type").GetString()!;
                data = root.GetProperty("data").Clone();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Bad(lineNo, null, $"line {lineNo} is not a valid journal event ({e.Message.Split('.')[0]}): it was changed");
            }

            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, marker)));
            if (actual != stored)
                return Bad(lineNo, seq, $"event {seq} (line {lineNo}, {type}) was changed: its content no longer matches its hash");
            if (seq != expectedSeq || prev != prevHash)
            {
                var what = seq > expectedSeq ? $"event {expectedSeq}{(seq > expectedSeq + 1 ? $"..{seq - 1}" : "")} before it was removed"
                    : seq < expectedSeq ? "the events were reordered"
                    : "the event before it was changed or replaced";
                return Bad(lineNo, seq, $"event {seq} (line {lineNo}, {type}) does not follow the event before it: {what}");
            }

            if (type == nameof(CustodyRecorded))
            {
                var evidence = data.GetProperty("evidence").GetString()!;
                var content = data.GetProperty("contentSha256").GetString()!;
                var link = data.GetProperty("previousHash").GetString()!;
                var custodyHash = data.GetProperty("hash").GetString()!;
                var expectedLink = custody.TryGetValue(evidence, out var last) ? last.Hash : ExerciseJournal.GenesisHash;
                if (link != expectedLink)
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): the custody chain of {evidence} is broken (a custody step is missing or out of order)");
                if (last.Content is not null && content != last.Content)
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): {evidence} changed in custody: content hash {content[..12]}… differs from {last.Content[..12]}…");
                custody[evidence] = (custodyHash, content);
            }

            prevHash = stored;
            expectedSeq = seq + 1;
        }
        return new VerificationResult(true, lines.Count, null, null, $"journal intact: {lines.Count} events, {custody.Count} custody chains");
    }

    private static VerificationResult Bad(long line, long? seq, string message) => new(false, line - 1, line, seq, message);
}
