using Simulator.Core.Common;
using Simulator.Core.Journal;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// What went well, each with the events that show it: objectives met, preservations that beat the holder's
/// retention, evidence secured soon after its lead was known, emergency requests answered, conditional purges
/// averted, and expected actions taken. Ids are given by the report, in journal order.
/// </summary>
internal static class StrengthFindings
{
    public static List<Finding> Build(ReportContext ctx, IReadOnlyList<ObjectiveResult> objectives, IReadOnlyList<InjectReviews.Review> reviews)
    {
        var found = new List<Finding>();
        foreach (var o in objectives.Where(o => o.Result == ObjectiveResults.Met))
            found.Add(new("", FindingKinds.ObjectiveMet, null, o.Capability, $"Objective {o.Objective} met: {o.Task}", [$"{o.Measure}: {o.Evidence}"], o.Events));
        found.AddRange(PreservedInTime(ctx));
        found.AddRange(SecuredQuickly(ctx));
        found.AddRange(EmergencyAnswered(ctx));
        foreach (var r in reviews.Select(r => r.Public))
        {
            if (r.Verdict == InjectReviews.Averted)
                found.Add(new("", FindingKinds.ConsequenceAverted, null, "Exercise design and evaluation",
                    $"Inject {r.Inject} ({r.Title}) never fired: {r.Reason}", [$"its expected debrief: {r.ExpectedAction}"], r.Events));
            else if (r.Verdict == InjectReviews.Taken)
                found.Add(new("", FindingKinds.ExpectedActionTaken, null, "Exercise design and evaluation",
                    $"Inject {r.Inject} ({r.Title}) answered as expected", [$"expected: {r.ExpectedAction}", r.Reason], r.Events));
        }
        return found;
    }

    /// <summary>Items frozen before a retention that ends within the exercise: the preservation is what kept them.</summary>
    private static IEnumerable<Finding> PreservedInTime(ReportContext ctx)
    {
        var frozen = ctx.World.Evidence
            .Select(item => (Item: item, Active: ctx.Index.PreservationChanges(item.Id).FirstOrDefault(p => ((PreservationStateChanged)p.Event).To == "active")))
            .Where(x => x.Active is not null && x.Active.At < x.Item.ExpiresAt && x.Item.ExpiresAt <= ctx.Simulation.Now
                && ctx.Outcome.Evidence.First(e => e.Evidence == x.Item.Id).Status != "lost");
        foreach (var group in frozen.GroupBy(x => ((PreservationStateChanged)x.Active!.Event).Request).OrderBy(g => g.Min(x => x.Active!.Sequence)))
        {
            var draft = ctx.Index.Drafted.GetValueOrDefault(group.Key);
            var instrument = draft is null ? "" : ((RequestDrafted)draft.Event).Instrument;
            var margin = group.Min(x => x.Item.ExpiresAt - x.Active!.At);
            var holder = ctx.Holder(group.First().Item.Holder);
            var items = group.Select(x => x.Item.Id).ToList();
            yield return new("", FindingKinds.PreservedInTime, null, ctx.CapabilityFor(items, "Evidence preservation"),
                $"{group.Key} ({instrument}) froze {ReportContext.List(items)} at {holder} {DurationText.Human(margin)} before the holder's retention would have deleted them",
                group.Select(x => $"{x.Item.Id}: kept {DurationText.Format(x.Item.Retention)} by the holder, frozen {JournalJson.Instant(x.Active!.At)}, retention ended {JournalJson.Instant(x.Item.ExpiresAt)}").ToList(),
                ReportContext.Refs([draft, .. group.Select(x => x.Active)]));
        }
    }

    private static IEnumerable<Finding> SecuredQuickly(ReportContext ctx)
    {
        var quick = ctx.Index.Delivered.Values
            .Select(d => (Delivered: d, Evt: (EvidenceDelivered)d.Event))
            .Select(x => (x.Delivered, x.Evt, Lead: ctx.Index.LeadsDiscovered.GetValueOrDefault(ctx.World.Item(x.Evt.Evidence).Lead)))
            .Where(x => x.Lead is not null && x.Delivered.At - x.Lead.At <= FindingThresholds.QuickEvidence);
        foreach (var group in quick.GroupBy(x => x.Evt.Request).OrderBy(g => g.Min(x => x.Delivered.Sequence)))
        {
            var draft = ctx.Index.Drafted.GetValueOrDefault(group.Key);
            var d = draft is null ? null : (RequestDrafted)draft.Event;
            var items = group.Select(x => x.Evt.Evidence).ToList();
            var slowest = group.Max(x => x.Delivered.At - x.Lead!.At);
            yield return new("", FindingKinds.EvidenceSecuredQuickly, null, ctx.CapabilityFor(items, "Evidence collection"),
                $"{group.Key} ({d?.Instrument}) secured {ReportContext.List(items)} from {(d is null ? "" : ctx.Holder(d.Provider))} within {DurationText.Human(slowest)} of the lead",
                group.Select(x => $"{x.Evt.Evidence}: lead known {JournalJson.Instant(x.Lead!.At)}, delivered {JournalJson.Instant(x.Delivered.At)}").ToList(),
                ReportContext.Refs([draft, .. group.Select(x => x.Delivered)]));
        }
    }

    private static IEnumerable<Finding> EmergencyAnswered(ReportContext ctx)
    {
        foreach (var r in ctx.Outcome.Requests.Where(r => r.Emergency && r.State == "delivered" && r.DeadlineOutcome is null or "met"))
        {
            var sent = ctx.Index.FirstChangeTo(r.Request, "sent");
            var closed = ctx.Index.FirstChangeTo(r.Request, "delivered");
            var took = r.Duration is { } t ? DurationText.Human(t) : "-";
            yield return new("", FindingKinds.EmergencyAnswered, null, ctx.CapabilityFor(r.Evidence, "Operational coordination - emergency channels"),
                $"Emergency request {r.Request} ({r.Instrument}) to {ctx.Holder(r.Provider)} answered in {took}",
                [r.Deadline is { } deadline ? $"deadline {JournalJson.Instant(deadline)}: {r.DeadlineOutcome}" : "no legal deadline", $"evidence: {ReportContext.List(r.Evidence)}"],
                ReportContext.Refs([ctx.Index.Drafted.GetValueOrDefault(r.Request), sent, closed]));
        }
    }
}
