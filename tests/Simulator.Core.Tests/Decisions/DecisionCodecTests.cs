using System.Text.Json;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Core.Tests.Decisions;

/// <summary>One codec for every decision, in the store and the record, whichever version wrote it.</summary>
public sealed class DecisionCodecTests
{
    public static TheoryData<Decision> EveryKind() =>
    [
        new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs", "c2-disk-image"], true, "BE",
            new RequestParticulars("illegal access", "ransomware at a hospital", "the logs rotate", "a patient's life")),
        new AnswerRequest("BE/contact-point", "req-001", Answer.Refuse, "political-offence", "not here"),
        new AnswerRequest("BE/contact-point", "req-001", Answer.Approve, null, "frozen", [ReviewCheck.Complete, ReviewCheck.Proportionate, ReviewCheck.NoGround]),
        new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"], Urgent: true),
        new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"], Scope: new RequestScope(["198.51.100.23"], new DateTimeOffset(2026, 9, 2, 6, 0, 0, TimeSpan.Zero), null)),
        new AnswerRequest("BE/central-authority", "req-002", Answer.Narrow, null, "five days of this address", [ReviewCheck.Complete, ReviewCheck.NoGround]),
        new SendRequest("AL/judge", "eu-epoc", ["cloud-access-logs"], Minimise: true),
        new ProvideClarification("AL/prosecutor", "req-002", "the account in the log"),
        new ExtendPreservation("AL/contact-point", "pres-001"),
        new EscalateRequest("AL/prosecutor", "req-002"),
        new WithdrawRequest("AL/contact-point", "req-003"),
        new FireInject("judge-on-call"),
        new EditInject("belmark-poc-clarification", new DateTimeOffset(2026, 9, 9, 8, 0, 0, TimeSpan.Zero), "Belmark calls back", "text"),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_of_decision_reads_back_as_it_was_written(Decision decision)
    {
        var json = DecisionCodec.Write(decision);
        Assert.StartsWith("{\"type\":", json);
        var read = DecisionCodec.Read(DecisionCodec.Format, json);
        Assert.Equal(decision.GetType(), read.GetType());
        Assert.Equal(json, DecisionCodec.Write(read));
        var recorded = new RecordedDecision(4, "a1b2", new DateTimeOffset(2026, 9, 7, 19, 0, 0, TimeSpan.Zero), decision, new JournalMark(40, new string('a', 64)));
        var again = JsonSerializer.Deserialize<RecordedDecision>(JsonSerializer.Serialize(recorded, JournalJson.Options), JournalJson.Options)!;
        Assert.Equal((recorded.Sequence, recorded.Id, recorded.At, recorded.After), (again.Sequence, again.Id, again.At, again.After));
        Assert.Equal(json, DecisionCodec.Write(again.Decision));
    }

    /// <summary>Rows as main d3ed95b stored them (kind, payload), and the decision each is read as.</summary>
    public static TheoryData<string, string, Decision> StoredBeforeDecisionsHadOneShape() => new()
    {
        { "act", """{"seat":"AL/contact-point","action":{"kind":"send-request","instrument":"budapest-art29-preservation","evidence":["c2-flow-logs"],"emergency":false}}""",
            new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-flow-logs"]) },
        { "act", """{"seat":"AL/contact-point","action":{"kind":"send-request","instrument":"budapest-art29-preservation","evidence":["c2-disk-image"],"emergency":true,"requestedState":"BE","template":{"offence":" illegal access ","facts":"Ransomware","necessity":"tools","urgency":""}}}""",
            new SendRequest("AL/contact-point", "budapest-art29-preservation", ["c2-disk-image"], true, "BE", new RequestParticulars("illegal access", "Ransomware", "tools")) },
        { "act", """{"seat":"BE/contact-point","action":{"kind":"answer-request","emergency":false,"request":"req-001","answer":"approve","note":"frozen"}}""",
            new AnswerRequest("BE/contact-point", "req-001", Answer.Approve, null, "frozen") },
        { "act", """{"seat":"FA/central-authority","action":{"kind":"answer-request","emergency":false,"request":"req-004","answer":"refuse","ground":"political-offence"}}""",
            new AnswerRequest("FA/central-authority", "req-004", Answer.Refuse, "political-offence") },
        { "act", """{"seat":"FA/central-authority","action":{"kind":"answer-request","emergency":false,"request":"req-004","answer":"ask-clarification","note":"which accounts?"}}""",
            new AnswerRequest("FA/central-authority", "req-004", Answer.AskClarification, null, "which accounts?") },
        { "act", """{"seat":"AL/prosecutor","action":{"kind":"clarify","emergency":false,"request":"req-004","note":"this one"}}""", new ProvideClarification("AL/prosecutor", "req-004", "this one") },
        { "act", """{"seat":"AL/contact-point","action":{"kind":"extend-preservation","emergency":false,"preservation":"pres-001"}}""", new ExtendPreservation("AL/contact-point", "pres-001") },
        { "act", """{"seat":"AL/prosecutor","action":{"kind":"escalate","emergency":false,"request":"req-002"}}""", new EscalateRequest("AL/prosecutor", "req-002") },
        { "act", """{"seat":"AL/contact-point","action":{"kind":"withdraw","emergency":false,"request":"req-003"}}""", new WithdrawRequest("AL/contact-point", "req-003") },
        { "fire-inject", """{"inject":"judge-on-call"}""", new FireInject("judge-on-call") },
        { "edit-inject", """{"inject":"belmark-poc-clarification","at":"2026-09-09T08:00:00Z","title":"Belmark's contact point calls back"}""",
            new EditInject("belmark-poc-clarification", new DateTimeOffset(2026, 9, 9, 8, 0, 0, TimeSpan.Zero), "Belmark's contact point calls back") },
    };

    [Theory]
    [MemberData(nameof(StoredBeforeDecisionsHadOneShape))]
    public void Decisions_stored_by_an_earlier_main_are_read_as_todays(string kind, string payload, Decision expected) =>
        Assert.Equal(DecisionCodec.Write(expected), DecisionCodec.Write(DecisionCodec.Read(kind, payload)));

    [Fact]
    public void The_urgent_mark_is_written_only_when_set_so_decisions_without_it_read_as_before()
    {
        var plain = DecisionCodec.Write(new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"]));
        Assert.DoesNotContain("urgent", plain);
        var urgent = DecisionCodec.Write(new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"], Urgent: true));
        Assert.Contains("\"urgent\":true", urgent);
        Assert.True(((SendRequest)DecisionCodec.Read(DecisionCodec.Format, urgent)).Urgent);
        Assert.False(((SendRequest)DecisionCodec.Read(DecisionCodec.Format, plain)).Urgent);
    }

    [Fact]
    public void The_scope_is_written_only_when_stated_so_requests_without_it_read_as_before()
    {
        var plain = DecisionCodec.Write(new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"]));
        Assert.DoesNotContain("scope", plain);
        var scoped = DecisionCodec.Write(new SendRequest("AL/prosecutor", "budapest-art31-mla", ["c2-flow-logs"], Scope: new RequestScope(null, new DateTimeOffset(2026, 9, 2, 6, 0, 0, TimeSpan.Zero))));
        Assert.Contains("\"scope\":{\"from\":\"2026-09-02T06:00:00Z\"}", scoped);
        var read = ((SendRequest)DecisionCodec.Read(DecisionCodec.Format, scoped)).Scope!;
        Assert.Equal((null, new DateTimeOffset(2026, 9, 2, 6, 0, 0, TimeSpan.Zero), null), (read.Identifiers, read.From, read.To));
        Assert.Contains("\"answer\":\"narrow\"", DecisionCodec.Write(new AnswerRequest("BE/central-authority", "req-002", Answer.Narrow)));
    }

    [Fact]
    public void The_review_checklist_is_written_only_when_given_so_answers_without_it_read_as_before()
    {
        var plain = DecisionCodec.Write(new AnswerRequest("BE/contact-point", "req-001", Answer.Approve));
        Assert.DoesNotContain("confirmed", plain);
        var checkedAnswer = DecisionCodec.Write(new AnswerRequest("BE/contact-point", "req-001", Answer.Approve, Confirmed: [ReviewCheck.DualCriminality, ReviewCheck.NoGround]));
        Assert.Contains("\"confirmed\":[\"dual-criminality\",\"no-ground\"]", checkedAnswer);
        Assert.Equal([ReviewCheck.DualCriminality, ReviewCheck.NoGround], ((AnswerRequest)DecisionCodec.Read(DecisionCodec.Format, checkedAnswer)).Confirmed);
        Assert.Null(((AnswerRequest)DecisionCodec.Read(DecisionCodec.Format, plain)).Confirmed);
    }

    [Theory]
    [InlineData("act", """{"seat":"AL/contact-point","action":{"kind":"teleport"}}""", "unknown seat action 'teleport'")]
    [InlineData("act", """{"action":{"kind":"withdraw","request":"req-001"}}""", "has no seat")]
    [InlineData("fire-inject", """{}""", "names no inject")]
    [InlineData("decision/2", """{"type":"teleport","actor":"x"}""", "could not be read")]
    [InlineData("decision/9", "{}", "unknown decision format 'decision/9'")]
    public void A_stored_decision_that_cannot_be_read_says_what_is_wrong(string kind, string payload, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => DecisionCodec.Read(kind, payload)).Message);

    [Fact]
    public void A_first_format_record_decision_is_read_with_the_id_of_its_time()
    {
        using var doc = JsonDocument.Parse("""{"sequence":3,"at":"2026-09-07T19:00:00Z","fireInject":"judge-on-call"}""");
        var d = DecisionCodec.ReadRecorded(doc.RootElement);
        Assert.Equal((3L, "decision-3", new FireInject("judge-on-call")), (d.Sequence, d.Id, d.Decision));
        Assert.Null(d.After);
    }
}
