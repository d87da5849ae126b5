using System.Text;
using System.Text.Json;
using Simulator.Core.Journal;
using Simulator.Core.Replay;
using Simulator.Scenarios.Diagnostics;

namespace Simulator.Scenarios.Replay;

/// <summary>
/// A live exercise as recorded for replay: the scenario it was created from (its text, so the record stands alone),
/// the seed, the policy that played the seats no trainee held, the trainees' seats, every decision in order with its
/// simulated time, how far the clock had run, and the hash-chained journal exactly as it was written. The trainer
/// downloads it from the console (or GET /api/exercises/{id}/record); `simulator replay` reads it.
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
    IReadOnlyList<string> Journal)
{
    public const string CurrentFormat = "exercise-record/1";

    public string ToJson() => JsonSerializer.Serialize(this, JournalJson.Indented);

    /// <summary>The record of a simulation hosted live: its decisions as applied, and its journal as it stands.</summary>
    public static ExerciseRecord Of(string exercise, string scenario, string scenarioText, Core.Engine.Simulation simulation, IReadOnlyList<RecordedDecision> decisions) =>
        new(CurrentFormat, exercise, scenario, scenarioText, simulation.Options.Seed, simulation.Options.Policy.Name,
            (simulation.Options.HumanSeats ?? new HashSet<string>()).Order(StringComparer.Ordinal).ToList(), simulation.Now, decisions,
            simulation.Journal.Entries.Select(e => Encoding.UTF8.GetString(e.Line)).ToList());

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
        var problems = new List<string>();
        if (record is null) problems.Add("the file is empty");
        else
        {
            if (record.Format != CurrentFormat) problems.Add($"format '{record.Format}' is not '{CurrentFormat}'");
            if (string.IsNullOrWhiteSpace(record.ScenarioText)) problems.Add("it holds no scenario text");
            if (record.Journal is not { Count: > 0 }) problems.Add("it holds no journal");
            else
                // Replay reads the recorded journal's requests and its end; a line that is not an event would stop it midway.
                for (var i = 0; i < record.Journal.Count; i++)
                    if (!IsEvent(record.Journal[i])) { problems.Add($"journal line {i + 1} is not a journal event (a JSON object with type and data)"); break; }
            if (record.Decisions is null) problems.Add("it holds no decisions list");
            else
                for (var i = 1; i < record.Decisions.Count; i++)
                    if (record.Decisions[i].At < record.Decisions[i - 1].At)
                        problems.Add($"decision {record.Decisions[i].Sequence} is earlier than the one before it");
        }
        if (problems.Count > 0) throw new FileProblemsException(problems.Select(p => new Diagnostic(path, 1, 1, $"not a usable exercise record: {p}")).ToList());
        return record!;
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
