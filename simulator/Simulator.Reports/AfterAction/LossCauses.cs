using Simulator.Core.Journal;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// Where the effort to secure an item stood when it was lost, read from the journal up to the loss. The cause names
/// the corrective action (evidence-lost/CAUSE in <see cref="CorrectiveActionTable"/>); <see cref="LossCause.Request"/>
/// is the request concerned, if any.
/// </summary>
internal sealed record LossCause(string Cause, JournalEntry? Request);

internal static class LossCauses
{
    public const string LeadNotDiscovered = "lead-not-discovered";
    public const string NoRequest = "no-request";
    public const string RequestNotSent = "request-not-sent";
    public const string ProductionWithoutPreservation = "production-without-preservation";
    public const string PreservationTooSlow = "preservation-too-slow";
    public const string PreservationLapsed = "preservation-lapsed";
    public const string NoFollowUp = "no-follow-up";

    public static LossCause Classify(ReportContext ctx, JournalEntry loss)
    {
        var index = ctx.Index;
        var evidence = ((EvidenceLost)loss.Event).Evidence;
        var lapsed = index.PreservationChanges(evidence).LastOrDefault(p => p.Sequence < loss.Sequence && ((PreservationStateChanged)p.Event).To == "lapsed");
        if (lapsed is not null)
            return new(PreservationLapsed, index.Drafted.GetValueOrDefault(((PreservationStateChanged)lapsed.Event).Request));

        var covering = index.RequestsCovering(evidence, loss.Sequence)
            .Select(e => (Entry: e, Draft: (RequestDrafted)e.Event, State: index.StateBefore(((RequestDrafted)e.Event).Request, loss.Sequence)))
            .ToList();
        var open = covering.Where(r => !JournalIndex.IsClosed(r.State)).ToList();
        var preserving = open.FirstOrDefault(r => ctx.IsPreservation(r.Draft.Instrument));
        if (preserving.Entry is not null) return new(PreservationTooSlow, preserving.Entry);
        var waiting = open.FirstOrDefault(r => r.State is not ("draft" or "checked"));
        if (waiting.Entry is not null) return new(ProductionWithoutPreservation, waiting.Entry);
        if (open.Count > 0) return new(RequestNotSent, open[0].Entry);
        if (covering.Count > 0) return new(NoFollowUp, covering[^1].Entry);
        var lead = ctx.World.Item(evidence).Lead;
        return index.LeadsDiscovered.TryGetValue(lead, out var found) && found.Sequence < loss.Sequence
            ? new(NoRequest, null)
            : new(LeadNotDiscovered, null);
    }
}
