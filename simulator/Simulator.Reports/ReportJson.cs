using System.Text.Json;
using Simulator.Core.Journal;

namespace Simulator.Reports;

/// <summary>Reports as JSON in the journal's one style (camelCase, UTC instants with "Z", ISO 8601 durations, no nulls).</summary>
public static class ReportJson
{
    public static string Serialize<T>(T report) => JsonSerializer.Serialize(report, JournalJson.Indented);
}
