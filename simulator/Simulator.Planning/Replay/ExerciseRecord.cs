using System.Text;
using System.Text.Json;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Scenarios.Diagnostics;

namespace Simulator.Planning.Replay;

/// <summary>
/// A live exercise as recorded for replay: what it was made with (the scenario's text and the instrument catalogue's
/// text, so the record stands alone, and the engine's rules version), the seed, the policy that played the seats no
/// trainee held, the trainees' seats, every decision in order with its id and simulated time, how far the clock had
/// run, and the hash-chained journal exactly as it was written. The trainer downloads it from the console (or GET
/// /api/exercises/{id}/record); `simulator replay` reads it. Records of format exercise-record/1 (before the
/// catalogue and rules were pinned) are still read: <see cref="CatalogueText"/> and <see cref="RulesVersion"/> are null there.
/// </summary>
public sealed record ExerciseRecord(
    string Format,
    string Exercise,
    string Scenario,
    string ScenarioText,
    long Seed,
    string Policy,
    IReadOnlyList<string> Seats,
    DateTimeOffset RecordedAt,
    IReadOnlyList<RecordedDecision> Decisions,
    IReadOnlyList<string> Journal,
    string? CatalogueText = null,
    string? RulesVersion = null)
{
    public const string CurrentFormat = "exercise-record/2";
    private const string FirstFormat = "exercise-record/1";

    public string ToJson() => JsonSerializer.Serialize(this, JournalJson.Indented);

    /// <summary>The record of a simulation: the decisions as applied, the journal as it stands, and the law and rules it was made with.</summary>
    public static ExerciseRecord Of(string exercise, string scenario, string scenarioText, string catalogueText, Core.Engine.Simulation simulation, IReadOnlyList<RecordedDecision> decisions) =>
        new(CurrentFormat, exercise, scenario, scenarioText, simulation.Options.Seed, simulation.Options.Policy.Name,
            (simulation.Options.HumanSeats ?? new HashSet<string>()).Order(StringComparer.Ordinal).ToList(), simulation.Now, decisions,
            simulation.Journal.Entries.Select(e => Encoding.UTF8.GetString(e.Line)).ToList(), catalogueText, Core.Engine.RulesVersion.Current);

    /// <summary>Reads a record; a file that is not one is reported with its position, and nothing is returned.</summary>
    public static ExerciseRecord Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileProblemsException([new Diagnostic(path, 1, 1, $"cannot read the record: {e.Message}")]);
        }
        return Parse(text, path);
    }

    public static ExerciseRecord Parse(string text, string path)
    {
        ExerciseRecord? record;
        try { record = JsonSerializer.Deserialize<ExerciseRecord>(text, JournalJson.Options); }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new FileProblemsException([new Diagnostic(path, line, column, $"not an exercise record: {FirstSentence(e.Message)}",
                "download the record from the trainer's console, or GET /api/exercises/{id}/record with the trainer key")]);
        }
        catch (FormatException e)
        {
            // A value the journal's own readers refuse (an instant that is not ISO 8601): named, never thrown.
            throw new FileProblemsException([new Diagnostic(path, 1, 1, $"not an exercise record: {e.Message}",
                "download the record from the trainer's console, or GET /api/exercises/{id}/record with the trainer key")]);
        }
        var problems = new List<string>();
        if (record is null) problems.Add("the file is empty");
        else
        {
            // A record of the first format has no pinned catalogue or rules; its decisions are read by the same codec.
            if (record.Format is not (CurrentFormat or FirstFormat)) problems.Add($"format '{record.Format}' is neither '{CurrentFormat}' nor '{FirstFormat}'");
            if (string.IsNullOrWhiteSpace(record.ScenarioText)) problems.Add("it holds no scenario text");
            if (string.IsNullOrWhiteSpace(record.Policy)) problems.Add("it names no policy");
            if (record.Seats is null) problems.Add("it holds no seats list");
            else if (record.Seats.Where(seat => !Core.Common.Seat.TryParse(seat, out _)).Select(seat => seat ?? "null").FirstOrDefault() is { } bad)
                problems.Add($"seat '{bad}' is not a seat: write STATE/role");
            if (record.Journal is not { Count: > 0 }) problems.Add("it holds no journal");
            else
                // Replay reads the recorded journal's requests and its end; a line that is not an event would stop it midway.
                for (var i = 0; i < record.Journal.Count; i++)
                    if (!IsEvent(record.Journal[i])) { problems.Add($"journal line {i + 1} is not a journal event (a JSON object with type and data)"); break; }
            if (record.Decisions is null) problems.Add("it holds no decisions list");
            else
            {
                for (var i = 0; i < record.Decisions.Count; i++)
                {
                    var d = record.Decisions[i];
                    if (d is null || d.Decision is null) problems.Add($"decision {i + 1} records nothing to do");
                    else if (string.IsNullOrWhiteSpace(d.Id)) problems.Add($"decision {d.Sequence} has no id");
                    else if (i > 0 && record.Decisions[i - 1] is { } before && d.At < before.At)
                        problems.Add($"decision {d.Sequence} is earlier than the one before it");
                }
                if (problems.Count == 0 && record.Decisions.GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    problems.Add($"the decision id '{twice.Key}' is used twice");
            }
        }
        if (problems.Count > 0) throw new FileProblemsException(problems.Select(p => new Diagnostic(path, 1, 1, $"not a usable exercise record: {p}")).ToList());
        // Read, a first-format record is one of today's that pinned nothing: written again, it says so in today's format.
        return record! with { Format = CurrentFormat };
    }

    private static bool IsEvent(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out _) && doc.RootElement.TryGetProperty("data", out _);
        }
        catch (JsonException) { return false; }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
