using System.Security.Cryptography;
using System.Text;
using Simulator.Core.Journal;
using Simulator.Core.Policies;

namespace Simulator.Core.Tests.Journal;

public class JournalTests
{
    private static List<string> RecordedJournal()
    {
        var s = TestWorlds.Start(new PreserveThenMlaPolicy());
        s.RunToEnd();
        return Encoding.UTF8.GetString(s.Journal.ToBytes()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Fact]
    public void An_untouched_journal_verifies()
    {
        var lines = RecordedJournal();
        var result = JournalVerifier.Verify(lines);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(lines.Count, result.EventsChecked);
    }

    [Fact]
    public void Each_event_carries_the_hash_of_the_one_before()
    {
        var lines = RecordedJournal();
        var hashes = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(ExerciseJournal.GenesisHash, hashes[0].GetProperty("prev").GetString());
        for (var i = 1; i < hashes.Count; i++)
            Assert.Equal(hashes[i - 1].GetProperty("hash").GetString(), hashes[i].GetProperty("prev").GetString());
    }

    [Fact]
    public void One_edited_byte_fails_at_that_event()
    {
        var lines = RecordedJournal();
        var target = lines.FindIndex(l => l.Contains("\"type\":\"EvidenceLost\"") || l.Contains("\"type\":\"RequestStateChanged\""));
        var at = lines[target].IndexOf("\"data\":", StringComparison.Ordinal) + 12;
        var chars = lines[target].ToCharArray();
        chars[at] = chars[at] == 'a' ? 'b' : 'a';
        lines[target] = new string(chars);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(target + 1, result.FirstBadLine);
        Assert.Equal(target + 1, result.FirstBadSequence);
        Assert.Contains("was changed", result.Message);
    }

    [Fact]
    public void A_removed_event_is_named()
    {
        var lines = RecordedJournal();
        lines.RemoveAt(10);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(11, result.FirstBadLine);
        Assert.Contains("event 11 before it was removed", result.Message);
    }

    [Fact]
    public void Reordered_events_are_detected_at_the_first_moved_line()
    {
        var lines = RecordedJournal();
        (lines[20], lines[21]) = (lines[21], lines[20]);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(21, result.FirstBadLine);
    }

    [Fact]
    public void Custody_catches_altered_content_even_when_the_chain_was_rehashed()
    {
        var lines = RecordedJournal();
        // A forger changes the content hash of a later custody step and re-hashes every line after it.
        var custody = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("\"type\":\"CustodyRecorded\"")).ToList();
        var evidence = custody.GroupBy(x => System.Text.Json.JsonDocument.Parse(x.l).RootElement.GetProperty("data").GetProperty("evidence").GetString())
            .First(g => g.Count() >= 2);
        var (line, index) = evidence.Skip(1).First();
        var content = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("data").GetProperty("contentSha256").GetString()!;
        lines[index] = line.Replace(content, new string('f', 64));
        Rehash(lines, index);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(index + 1, result.FirstBadLine);
        Assert.Contains($"{evidence.Key} changed in custody", result.Message);
    }

    [Fact]
    public void An_edited_first_custody_step_is_named_at_that_step_not_at_the_later_delivery()
    {
        var lines = RecordedJournal();
        // The forger edits the first custody step of an item (its content hash) and re-hashes the journal after it.
        var index = lines.FindIndex(l => l.Contains("\"type\":\"CustodyRecorded\"") && l.Contains("\"step\":1,"));
        var data = System.Text.Json.JsonDocument.Parse(lines[index]).RootElement.GetProperty("data");
        lines[index] = lines[index].Replace(data.GetProperty("contentSha256").GetString()!, new string('d', 64));
        Rehash(lines, index);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(index + 1, result.FirstBadLine);
        Assert.Contains($"custody step 1 of {data.GetProperty("evidence").GetString()} was changed", result.Message);
    }

    private static void Rehash(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var prev = i == 0 ? ExerciseJournal.GenesisHash : Hash(lines[i - 1]);
            var body = lines[i][..lines[i].LastIndexOf(",\"hash\":\"", StringComparison.Ordinal)];
            body = body[..(body.LastIndexOf("\"prev\":\"", StringComparison.Ordinal) + 8)] + prev + "\"";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            lines[i] = $"{body},\"hash\":\"{hash}\"}}";
        }
    }

    private static string Hash(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("hash").GetString()!;

    [Fact]
    public void An_empty_file_a_duplicated_line_and_an_adjacent_swap_are_each_named()
    {
        Assert.Contains("empty", JournalVerifier.Verify([]).Message);
        var lines = RecordedJournal();
        var duplicated = new List<string>(lines);
        duplicated.Insert(31, lines[30]);
        Assert.Contains("event 31 appears twice", JournalVerifier.Verify(duplicated).Message);
        var swapped = new List<string>(lines);
        (swapped[40], swapped[41]) = (swapped[41], swapped[40]);
        Assert.Contains("reordered", JournalVerifier.Verify(swapped).Message);
        var cut = lines.Take(lines.Count - 1).ToList();
        var result = JournalVerifier.Verify(cut);
        Assert.True(result.Valid);
        Assert.Contains("no ExerciseEnded", result.Message);
    }

    [Fact]
    public void A_delivery_whose_content_hash_differs_from_custody_is_caught_even_when_rehashed()
    {
        var lines = RecordedJournal();
        var index = lines.FindIndex(l => l.Contains("\"type\":\"EvidenceDelivered\""));
        var content = System.Text.Json.JsonDocument.Parse(lines[index]).RootElement.GetProperty("data").GetProperty("contentSha256").GetString()!;
        lines[index] = lines[index].Replace(content, new string('e', 64));
        Rehash(lines, index);
        var result = JournalVerifier.Verify(lines);
        Assert.False(result.Valid);
        Assert.Equal(index + 1, result.FirstBadLine);
        Assert.Contains("not the", result.Message);
    }

    [Fact]
    public void A_field_appended_after_the_hash_is_refused_even_where_the_head_still_matches()
    {
        var lines = RecordedJournal();
        var head = JournalVerifier.Verify(lines).Head;
        // Readers take the last of duplicate keys: a second "data" after the hash would stand in for the hashed one.
        var i = lines.FindIndex(l => l.Contains("\"type\":\"EvidenceDelivered\"", StringComparison.Ordinal));
        lines[i] = lines[i][..^1] + ",\"data\":{\"evidence\":\"forged\"}}";
        var forged = JournalVerifier.Verify(lines);
        Assert.False(forged.Valid);
        Assert.Equal(i + 1, forged.FirstBadLine);
        Assert.Contains("a field appears twice", forged.Message);

        // A field no engine writes, after the hash, is refused as not the canonical line.
        lines = RecordedJournal();
        lines[i] = lines[i][..^1] + ",\"note\":\"x\"}";
        var extra = JournalVerifier.Verify(lines);
        Assert.Equal(i + 1, extra.FirstBadLine);
        Assert.Contains("is not as the engine writes it", extra.Message);
        Assert.NotNull(head);
    }

    [Theory]
    [InlineData("{\"seq\":1}", "has no hash")]
    [InlineData("{\"seq\":1.5,\"at\":\"x\",\"type\":\"T\",\"data\":{},\"prev\":\"p\",\"hash\":\"h\"}", "a field has the wrong kind of value")]
    [InlineData("{\"seq\":99999999999999999999,\"at\":\"x\",\"type\":\"T\",\"data\":{},\"prev\":\"p\",\"hash\":\"h\"}", "a field has the wrong kind of value")]
    [InlineData("{\"seq\":1, \"at\":\"x\",\"type\":\"T\",\"data\":{},\"prev\":\"p\",\"hash\":\"h\"}", "is not as the engine writes it")]
    [InlineData("{\"seq\":1,\"at\":\"x\",\"type\":\"T\",\"data\":{},\"prev\":\"p\",\"hash\":\"h\"", "not well-formed JSON")]
    public void A_malformed_line_is_named_never_thrown(string line, string why)
    {
        var result = JournalVerifier.Verify([line]);
        Assert.False(result.Valid);
        Assert.Equal(1, result.FirstBadLine);
        Assert.Contains(why, result.Message);
    }

    [Fact]
    public void A_custody_event_missing_its_fields_is_named_never_thrown()
    {
        var lines = RecordedJournal();
        var i = lines.FindIndex(l => l.Contains("\"type\":\"CustodyRecorded\"", StringComparison.Ordinal));
        var start = lines[i].IndexOf("\"data\":{", StringComparison.Ordinal) + 7;
        var end = lines[i].IndexOf(",\"prev\":", StringComparison.Ordinal);
        lines[i] = lines[i][..start] + "{\"evidence\":\"x\"}" + lines[i][end..];
        Rehash(lines, i);
        var result = JournalVerifier.Verify(lines);
        Assert.Equal(i + 1, result.FirstBadLine);
        Assert.Contains("a field its kind of event needs is missing or of the wrong kind", result.Message);
    }
}
