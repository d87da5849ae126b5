using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Reports;

/// <summary>One request on the timeline: drafted, sent, closed (or still open), and how it ended; <see cref="Urgent"/>
/// (written only when true): marked urgent without an emergency.</summary>
public sealed record RequestSpan(
    string Request,
    string Instrument,
    string Issuer,
    string IssuingState,
    string RequestedState,
    string Provider,
    bool Emergency,
    DateTimeOffset DraftedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ClosedAt,
    string State,
    string Outcome,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Urgent = false)
{
    /// <summary>Every request in the journal, in the order drafted.</summary>
    public static IReadOnlyList<RequestSpan> From(JournalIndex index) =>
        index.Drafted.Values.OrderBy(e => e.Sequence).Select(e =>
        {
            var d = (RequestDrafted)e.Event;
            var changes = index.StateChanges(d.Request);
            var state = changes.Count == 0 ? "draft" : ((RequestStateChanged)changes[^1].Event).To;
            var closed = changes.FirstOrDefault(c => JournalIndex.IsClosed(((RequestStateChanged)c.Event).To));
            return new RequestSpan(d.Request, d.Instrument, d.Issuer, Seat.Parse(d.Issuer).Jurisdiction, d.RequestedState, d.Provider, d.Emergency,
                e.At, index.FirstChangeTo(d.Request, "sent")?.At, closed?.At, state, RequestOutcomeKind.Of(state), d.Urgent);
        }).ToList();
}
