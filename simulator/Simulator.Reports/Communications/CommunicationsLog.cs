using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Scenarios.Authoring;

namespace Simulator.Reports.Communications;

/// <summary>
/// One line of the debrief's communications log: a message (kind "message"), a referral ("referral") or an answer
/// to an inject ("response"), with when it happened and, for a message, when it reached the other side.
/// </summary>
public sealed record CommunicationLine(
    string Kind, string Id, DateTimeOffset At, string From, string To, string? Channel, string? Subject, string Text, string? About,
    string? InReplyTo, DateTimeOffset? ReachedAt, bool FromSimulationCell);

/// <summary>
/// Everything people said in an exercise besides requests, in time order, for the debrief's download beside the
/// record (CSV for a spreadsheet, JSON for tools).
/// </summary>
public static class CommunicationsLog
{
    public static IReadOnlyList<CommunicationLine> Of(Simulation s)
    {
        var lines = new List<CommunicationLine>();
        lines.AddRange(s.Messages.Select(m => new CommunicationLine("message", m.Id, m.SentAt, m.From.Name, m.To.Name, Names.Kebab(m.Channel), m.Subject, m.Text,
            m.About, m.InReplyTo, m.Delivered ? m.DeliversAt : null, m.ByTrainer)));
        lines.AddRange(s.Referrals.Select((r, i) => new CommunicationLine("referral", $"ref-{i + 1:000}", r.At, r.From, r.To, null, $"{r.Kind} {r.Item}", r.Note ?? "",
            r.Item, null, null, false)));
        lines.AddRange(s.Responses.Select(r => new CommunicationLine("response", r.Id, r.At, r.By, "", null, Names.Kebab(r.Kind), r.Text, r.Inject, null, null, false)));
        return [.. lines.OrderBy(l => l.At).ThenBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)];
    }

    public static string Json(Simulation s) => ReportJson.Serialize(Of(s));

    private static readonly string[] Header = ["kind", "id", "at", "from", "to", "channel", "subject", "text", "about", "inReplyTo", "reachedAt", "fromSimulationCell"];

    public static string Csv(Simulation s) => CsvTable.Write([Header, .. Of(s).Select(l => new[]
    {
        l.Kind, l.Id, JournalJson.Instant(l.At), l.From, l.To, l.Channel, l.Subject, l.Text, l.About, l.InReplyTo,
        l.ReachedAt is { } reached ? JournalJson.Instant(reached) : null, l.FromSimulationCell ? "yes" : "no",
    })]); // CsvTable.Write puts any cell a spreadsheet would run as a formula behind an apostrophe (CSV injection).
}
