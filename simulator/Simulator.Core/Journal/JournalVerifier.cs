using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Simulator.Core.Journal;

/// <summary>What a check of a journal found; <see cref="Head"/> is the last event's hash of a journal that holds.</summary>
public sealed record VerificationResult(bool Valid, long EventsChecked, long? FirstBadLine, long? FirstBadSequence, string Message, string? Head = null);

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
        if (lines.Count == 0) return new VerificationResult(false, 0, 1, null, "the file is empty: not a journal");
        // Which sequence numbers the file holds, so a break can be told apart: removed, reordered or duplicated.
        var present = new HashSet<long>();
        foreach (var l in lines)
        {
            var at = l.IndexOf("\"seq\":", StringComparison.Ordinal);
            var comma = at < 0 ? -1 : l.IndexOf(',', at);
            if (comma > at && long.TryParse(l.AsSpan(at + 6, comma - at - 6), out var n)) present.Add(n);
        }
        var ended = false;
        var prevHash = ExerciseJournal.GenesisHash;
        long expectedSeq = 1;
        var custody = new Dictionary<string, (string Hash, string Content)>();
        var created = new Dictionary<string, (long Seq, string Content)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNo = i + 1;
            var bytes = Encoding.UTF8.GetBytes(lines[i]);
            var marker = ExerciseJournal.HashMarkerIndex(bytes);
            if (marker < 0)
                return Bad(lineNo, null, $"line {lineNo} has no hash: it is not a journal line, or was cut");

            long seq;
            string prev, stored, type, at;
            JsonElement data;
            try
            {
                // Duplicate fields are refused: a reader takes the last, so a second "data" could stand in for the hashed one.
                using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
                var root = doc.RootElement;
                seq = root.GetProperty("seq").GetInt64();
                prev = root.GetProperty("prev").GetString()!;
                stored = root.GetProperty("hash").GetString()!;
                type = root.GetProperty("type").GetString()!;
                at = root.GetProperty("at").GetString()!;
                data = root.GetProperty("data").Clone();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                var why = e switch
                {
                    KeyNotFoundException => "a field of every journal line (seq, at, type, data, prev, hash) is missing",
                    JsonException when e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => "a field appears twice",
                    JsonException => "it is not well-formed JSON",
                    _ => "a field has the wrong kind of value",
                };
                return Bad(lineNo, null, $"line {lineNo} is not a journal event: {why}");
            }
            // Only the canonical bytes the engine writes count: anything added, reordered or respaced, even after the
            // hash where no hash covers it, makes the line other than what was hashed.
            if (!bytes.AsSpan().SequenceEqual(ExerciseJournal.CanonicalLine(seq, at, type, data, prev, stored)))
                return Bad(lineNo, seq, $"line {lineNo} is not as the engine writes it: a field was added, removed, reordered or respaced (the journal was edited by hand or forged)");

            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, marker)));
            if (actual != stored)
                return Bad(lineNo, seq, $"event {seq} (line {lineNo}, {type}) was changed: its content no longer matches its hash");
            if (seq != expectedSeq || prev != prevHash)
            {
                var what = seq > expectedSeq
                        ? present.Contains(expectedSeq) ? $"the events were reordered (event {expectedSeq} comes later in the file)"
                        : $"event {expectedSeq}{(seq > expectedSeq + 1 && !Enumerable.Range(0, (int)Math.Min(seq - expectedSeq, 10_000)).Any(k => present.Contains(expectedSeq + k)) ? $"..{seq - 1}" : "")} before it was removed"
                    : seq < expectedSeq && stored == prevHash ? $"event {seq} appears twice"
                    : seq < expectedSeq ? "the events were reordered"
                    : "the event before it was changed or replaced";
                return Bad(lineNo, seq, $"event {seq} (line {lineNo}, {type}) does not follow the event before it: {what}");
            }

            if (CheckEvent(lineNo, seq, type, at, data, custody, created) is { } bad) return bad;
            if (type == nameof(ExerciseEnded)) ended = true;

            prevHash = stored;
            expectedSeq = seq + 1;
        }
        var note = ended ? "" : " (no ExerciseEnded: the exercise was still running, or the end of the file was cut off)";
        return new VerificationResult(true, lines.Count, null, null, $"journal intact: {lines.Count} events, {custody.Count} custody chains{note}", prevHash);
    }

    /// <summary>The custody and delivery checks of one event; a field missing or of the wrong kind is named, never thrown.</summary>
    private static VerificationResult? CheckEvent(int lineNo, long seq, string type, string at, JsonElement data,
        Dictionary<string, (string Hash, string Content)> custody, Dictionary<string, (long Seq, string Content)> created)
    {
        try
        {
            return CheckCustody(lineNo, seq, type, at, data, custody, created);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return Bad(lineNo, seq, $"event {seq} (line {lineNo}, {type}): a field its kind of event needs is missing or of the wrong kind");
        }
    }

    private static VerificationResult? CheckCustody(int lineNo, long seq, string type, string at, JsonElement data,
        Dictionary<string, (string Hash, string Content)> custody, Dictionary<string, (long Seq, string Content)> created)
    {
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
                // A custody step whose hash no longer covers what it records was edited, even if the journal was re-hashed after it.
                var step = data.GetProperty("step").GetInt32();
                var via = data.TryGetProperty("via", out var v) ? v.GetString() : null;
                var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
                if (Custody.CustodyChain.Hash(evidence, step, instant, data.GetProperty("action").GetString()!, data.GetProperty("holder").GetString()!, content, via, link) != custodyHash)
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): custody step {step} of {evidence} was changed: its own hash no longer matches what it records");
                if (created.TryGetValue(evidence, out var origin) && origin.Content != content)
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): {evidence} changed in custody: content hash {content[..Math.Min(12, content.Length)]}… is not the {origin.Content[..12]}… it had when it was created (event {origin.Seq})");
                custody[evidence] = (custodyHash, content);
            }
            if (type == nameof(EvidenceCreated))
                created[data.GetProperty("evidence").GetString()!] = (seq, data.GetProperty("contentSha256").GetString()!);
            if (type == nameof(EvidenceDelivered))
            {
                var evidence = data.GetProperty("evidence").GetString()!;
                var content = data.GetProperty("contentSha256").GetString()!;
                if (!custody.TryGetValue(evidence, out var chain))
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): {evidence} was delivered without any custody record");
                if (chain.Content != content)
                    return Bad(lineNo, seq, $"event {seq} (line {lineNo}): {evidence} was delivered with content hash {content[..Math.Min(12, content.Length)]}…, not the {chain.Content[..12]}… its custody chain carries");
            }
        return null;
    }

    private static VerificationResult Bad(long line, long? seq, string message) => new(false, line - 1, line, seq, message);
}
