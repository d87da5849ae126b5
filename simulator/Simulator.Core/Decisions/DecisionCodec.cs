using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Core.Decisions;

/// <summary>
/// The one way decisions are written to a store or an exercise record, and read back, whichever version wrote
/// them. Today's shape is <see cref="Format"/>: the decision as JSON, named by its <c>type</c>. Earlier mains stored
/// a seat's action as <c>act</c> (the hub's action inside), and the trainer's as <c>fire-inject</c> and
/// <c>edit-inject</c>; records of format exercise-record/1 held <c>command</c>, <c>fireInject</c> or
/// <c>editInject</c>. They are read into the same decisions, so old data folders and records still replay.
/// </summary>
public static class DecisionCodec
{
    public const string Format = "decision/2";

    public static string Write(Decision decision) => JsonSerializer.Serialize(decision, JournalJson.Options);

    public static Decision Read(string json) =>
        JsonSerializer.Deserialize<Decision>(json, JournalJson.Options) ?? throw new FormatException("the decision is empty");

    /// <summary>A stored decision, by the format (the store's kind column) it was written in.</summary>
    public static Decision Read(string format, string payload)
    {
        try
        {
            return format switch
            {
                Format => Read(payload),
                "act" => LegacySeatAction(JsonNode.Parse(payload)!.AsObject()),
                // Both were written with the same field names as today's records: { inject } and { inject, at, title, text }.
                "fire-inject" => Legacy<FireInject>(payload),
                "edit-inject" => Legacy<EditInject>(payload),
                _ => throw new FormatException($"unknown decision format '{format}'"),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or NotSupportedException)
        {
            throw new FormatException($"a stored '{format}' decision could not be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// A decision of an exercise record: today's { sequence, id, at, decision, after }, or an exercise-record/1 file's
    /// { sequence, at, command | fireInject | editInject }, which is given the id a decision of that time is given.
    /// </summary>
    public static RecordedDecision ReadRecorded(JsonElement d)
    {
        var sequence = d.GetProperty("sequence").GetInt64();
        var at = d.GetProperty("at").Deserialize<DateTimeOffset>(JournalJson.Options);
        if (d.TryGetProperty("decision", out var today))
            return new RecordedDecision(sequence, d.GetProperty("id").GetString() ?? throw new FormatException($"decision {sequence} has no id"), at,
                today.Deserialize<Decision>(JournalJson.Options) ?? throw new FormatException($"decision {sequence} records nothing to do"),
                d.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.Object ? after.Deserialize<JournalMark>(JournalJson.Options) : null);
        Decision decision =
            d.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.Object ? Read(command.GetRawText())
            : d.TryGetProperty("fireInject", out var fire) && fire.ValueKind == JsonValueKind.String ? new FireInject(fire.GetString()!)
            : d.TryGetProperty("editInject", out var edit) && edit.ValueKind == JsonValueKind.Object ? Legacy<EditInject>(edit.GetRawText())
            : throw new FormatException($"decision {sequence} records nothing to do");
        return new RecordedDecision(sequence, RecordedDecision.LegacyId(sequence), at, decision);
    }

    public static void WriteRecorded(Utf8JsonWriter w, RecordedDecision d, JsonSerializerOptions options)
    {
        w.WriteStartObject();
        w.WriteNumber("sequence", d.Sequence);
        w.WriteString("id", d.Id);
        w.WriteString("at", JournalJson.Instant(d.At));
        w.WritePropertyName("decision");
        JsonSerializer.Serialize(w, d.Decision, options);
        if (d.After is { } after)
        {
            w.WritePropertyName("after");
            JsonSerializer.Serialize(w, after, options);
        }
        w.WriteEndObject();
    }

    private static T Legacy<T>(string json) where T : TrainerDecision =>
        JsonSerializer.Deserialize<T>(json, JournalJson.Options) is { } d && d is FireInject { Inject.Length: > 0 } or EditInject { Inject.Length: > 0 }
            ? d : throw new FormatException("the stored decision names no inject");

    /// <summary>
    /// A seat's action as earlier mains stored it: { seat, action: { kind, instrument, evidence, emergency,
    /// requestedState, request, answer, ground, note, preservation, template } }. Only accepted actions were stored.
    /// </summary>
    private static Decision LegacySeatAction(JsonObject stored)
    {
        var seat = Text(stored["seat"], "seat")!;
        var a = stored["action"]!.AsObject();
        var kind = Text(a["kind"], "kind");
        return kind switch
        {
            "send-request" => new SendRequest(seat, Text(a["instrument"], "instrument")!, a["evidence"]!.AsArray().Select(e => e!.GetValue<string>()).ToList(),
                a["emergency"]?.GetValue<bool>() ?? false, Text(a["requestedState"]),
                a["template"] is JsonObject t ? RequestParticulars.FromForm(Text(t["offence"]), Text(t["facts"]), Text(t["necessity"]), Text(t["urgency"])) : null),
            "answer-request" => new AnswerRequest(seat, Text(a["request"], "request")!, Text(a["answer"], "answer") switch
            {
                "approve" => Answer.Approve,
                "refuse" => Answer.Refuse,
                "ask-clarification" => Answer.AskClarification,
                var other => throw new FormatException($"'{other}' is not an answer"),
            }, Text(a["ground"]), Text(a["note"])),
            "clarify" => new ProvideClarification(seat, Text(a["request"], "request")!, Text(a["note"])),
            "extend-preservation" => new ExtendPreservation(seat, Text(a["preservation"], "preservation")!),
            "escalate" => new EscalateRequest(seat, Text(a["request"], "request")!),
            "withdraw" => new WithdrawRequest(seat, Text(a["request"], "request")!),
            _ => throw new FormatException($"unknown seat action '{kind}'"),
        };
    }

    private static string? Text(JsonNode? node, string? required = null) =>
        node?.GetValue<string>() ?? (required is null ? null : throw new FormatException($"the stored decision has no {required}"));
}

/// <summary>An exercise record's decisions in JSON, read in either record format (<see cref="DecisionCodec.ReadRecorded"/>).</summary>
public sealed class RecordedDecisionJson : System.Text.Json.Serialization.JsonConverter<RecordedDecision>
{
    public override RecordedDecision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        try { return DecisionCodec.ReadRecorded(doc.RootElement); }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new JsonException($"a decision cannot be read: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, RecordedDecision value, JsonSerializerOptions options) => DecisionCodec.WriteRecorded(writer, value, options);
}
