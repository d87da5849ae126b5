using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Scenarios.Reports.AfterAction;

/// <summary>
/// An area for improvement and what its corrective action needs: the template values, the issuing state, the
/// evidence a recommended instrument must cover (all at one holder), instruments not to recommend again, and the
/// kind of refusal ground a recommended instrument must not be open to.
/// </summary>
internal sealed record AreaDraft(
    Finding Finding,
    CorrectiveActionRule Rule,
    IReadOnlyDictionary<string, string> Values,
    string Issuer,
    IReadOnlyList<string> Evidence,
    IReadOnlyCollection<string> Exclude,
    RefusalCondition? Condition = null);

/// <summary>
/// What did not go well, each with the events that show it: objectives not met, evidence lost (grouped by holder and
/// by where the effort stood), refusals (with ground and legal source), deadlines at risk, expected actions not
/// taken, and conditional purges that fired.
/// </summary>
internal static class AreaFindings
{
    public static List<AreaDraft> Build(ReportContext ctx, IReadOnlyList<ObjectiveResult> objectives, IReadOnlyList<InjectReviews.Review> reviews)
    {
        var areas = new List<AreaDraft>();
        areas.AddRange(ObjectivesNotMet(ctx, objectives));
        var rest = new List<AreaDraft>();
        rest.AddRange(Losses(ctx));
        rest.AddRange(Refusals(ctx));
        rest.AddRange(Deadlines(ctx));
        rest.AddRange(Injects(ctx, reviews));
        areas.AddRange(rest.OrderBy(a => a.Finding.Events.Count == 0 ? long.MaxValue : a.Finding.Events.Min(e => e.Seq)));
        return areas;
    }

    private static IEnumerable<AreaDraft> ObjectivesNotMet(ReportContext ctx, IReadOnlyList<ObjectiveResult> objectives)
    {
        foreach (var o in objectives.Where(o => o.Result is ObjectiveResults.PartiallyMet or ObjectiveResults.NotMet))
        {
            var objective = ctx.World.Objectives.First(x => x.Id == o.Objective);
            var m = objective.Measure;
            var cause = Names.Kebab(m.Kind);
            var evidence = m.Evidence is null ? Array.Empty<string>() : [m.Evidence];
            var issuer = m.Evidence is not null ? ctx.Investigating(m.Evidence)
                : m.Incident is not null ? ctx.World.Incident(m.Incident).Investigating
                : ctx.World.Incidents[0].Investigating;
            var values = new Dictionary<string, string>
            {
                ["objective"] = o.Objective, ["rating"] = o.Rating, ["evidence"] = o.Evidence, ["items"] = m.Evidence ?? "",
                ["issuer"] = issuer, ["measureInstrument"] = m.Instrument ?? "",
            };
            var rule = CorrectiveActionTable.For(FindingKinds.ObjectiveNotMet, cause);
            var finding = new Finding("", FindingKinds.ObjectiveNotMet, cause, o.Capability, Template.Fill(rule.Issue, values),
                [$"task: {o.Task}", $"measure: {o.Measure}", $"rated {o.Rating} ({o.Code})"], o.Events);
            yield return new(finding, rule, values, issuer, evidence, []);
        }
    }

    private static IEnumerable<AreaDraft> Losses(ReportContext ctx)
    {
        var losses = ctx.Index.Lost.Select(l => (Entry: l, Evt: (EvidenceLost)l.Event, Cause: LossCauses.Classify(ctx, l))).ToList();
        foreach (var group in losses.GroupBy(l => (l.Cause.Cause, ctx.World.Item(l.Evt.Evidence).Holder)).OrderBy(g => g.Min(l => l.Entry.Sequence)))
        {
            var items = group.Select(l => ctx.World.Item(l.Evt.Evidence)).ToList();
            var request = group.Select(l => l.Cause.Request).OfType<JournalEntry>().FirstOrDefault();
            var draft = request?.Event as RequestDrafted;
            var issuer = draft is null ? ctx.Investigating(items[0].Id) : Seat.Parse(draft.Issuer).Jurisdiction;
            var values = new Dictionary<string, string>
            {
                ["items"] = ReportContext.List(items.Select(i => i.Id)),
                ["holder"] = ctx.Holder(group.Key.Holder),
                ["state"] = draft?.RequestedState ?? items[0].StoredIn,
                ["issuer"] = issuer,
                ["request"] = draft?.Request ?? "",
                ["used"] = draft?.Instrument ?? "",
                ["retention"] = DurationText.Format(items.Min(i => i.Retention)),
            };
            var warnings = ctx.Index.Entries.Where(e => e.Event is RetentionAtRisk r && items.Any(i => i.Id == r.Evidence));
            var rule = CorrectiveActionTable.For(FindingKinds.EvidenceLost, group.Key.Cause);
            var details = group.Select(l =>
            {
                var item = ctx.World.Item(l.Evt.Evidence);
                var how = l.Entry.At >= item.ExpiresAt ? "retention ran out" : "deleted before its retention ended";
                return $"{item.Id} ({Names.Kebab(item.Category)} data held by {item.Holder} in {item.StoredIn}, kept {DurationText.Format(item.Retention)}): {how}, {JournalJson.Instant(l.Entry.At)}; {l.Evt.Reason}; stage: {l.Evt.Stage}";
            }).ToList();
            // For a lead never discovered, the instrument to recommend is one sent for the hop that reveals it.
            var evidence = group.Key.Cause == LossCauses.LeadNotDiscovered
                ? Revealing(ctx, items[0].Lead)
                : items.Select(i => i.Id).ToList();
            var finding = new Finding("", FindingKinds.EvidenceLost, group.Key.Cause, ctx.CapabilityFor(items.Select(i => i.Id).ToList(), rule.Capability),
                Template.Fill(rule.Issue, values), details, ReportContext.Refs([request, .. warnings, .. group.Select(l => l.Entry)]));
            yield return new(finding, rule, values, issuer, evidence, draft is null ? [] : [draft.Instrument]);
        }
    }

    /// <summary>The items, at one holder, whose disclosure reveals <paramref name="lead"/>.</summary>
    private static IReadOnlyList<string> Revealing(ReportContext ctx, string lead)
    {
        var items = ctx.World.Evidence.Where(e => e.Reveals.Contains(lead)).ToList();
        return items.Count == 0 ? [] : items.Where(i => i.Holder == items[0].Holder).Select(i => i.Id).ToList();
    }

    private static IEnumerable<AreaDraft> Refusals(ReportContext ctx)
    {
        foreach (var entry in ctx.Index.Refused.Values.OrderBy(e => e.Sequence))
        {
            var refusal = (RequestRefused)entry.Event;
            var draftEntry = ctx.Index.Drafted[refusal.Request];
            var draft = (RequestDrafted)draftEntry.Event;
            var ground = ctx.Instrument(draft.Instrument)?.RefusalGrounds.FirstOrDefault(g => g.Id == refusal.Ground);
            var condition = ground?.When ?? RefusalCondition.ProviderPolicy;
            var cause = Names.Kebab(condition);
            var issuer = Seat.Parse(draft.Issuer).Jurisdiction;
            var values = new Dictionary<string, string>
            {
                ["state"] = draft.RequestedState, ["request"] = draft.Request, ["used"] = draft.Instrument, ["ground"] = refusal.Ground,
                ["description"] = refusal.Description.TrimEnd('.'), ["source"] = refusal.Source, ["holder"] = ctx.Holder(draft.Provider),
                ["issuer"] = issuer, ["items"] = ReportContext.List(draft.Evidence),
            };
            var rule = CorrectiveActionTable.For(FindingKinds.RequestRefused, cause);
            var lost = ctx.Index.Lost.Where(l => draft.Evidence.Contains(((EvidenceLost)l.Event).Evidence) && l.Sequence > entry.Sequence);
            var finding = new Finding("", FindingKinds.RequestRefused, cause, ctx.CapabilityFor(draft.Evidence, rule.Capability), Template.Fill(rule.Issue, values),
                [$"refused by {refusal.By} on {JournalJson.Instant(entry.At)}", $"ground: {refusal.Ground}: {refusal.Description} ({refusal.Source})", $"evidence: {ReportContext.List(draft.Evidence)}"],
                ReportContext.Refs([draftEntry, entry, .. lost]));
            yield return new(finding, rule, values, issuer, draft.Evidence, [draft.Instrument], condition);
        }
    }

    private static IEnumerable<AreaDraft> Deadlines(ReportContext ctx)
    {
        var atRisk = ctx.Index.DeadlinesAtRisk.ToDictionary(e => ((DeadlineAtRisk)e.Event).Request, StringComparer.Ordinal);
        foreach (var r in ctx.Outcome.Requests.Where(r => atRisk.ContainsKey(r.Request) || r.DeadlineOutcome == "missed"))
        {
            var cause = r.DeadlineOutcome == "missed" ? "missed" : "at-risk";
            var issuer = Seat.Parse(r.Issuer).Jurisdiction;
            var values = new Dictionary<string, string>
            {
                ["request"] = r.Request, ["used"] = r.Instrument, ["state"] = r.RequestedState, ["issuer"] = issuer,
                ["requester"] = ReportContext.SeatOffice(r.Issuer), ["outcome"] = $"deadline {r.DeadlineOutcome}", ["holder"] = ctx.Holder(r.Provider),
            };
            var rule = CorrectiveActionTable.For(FindingKinds.DeadlineAtRisk, cause);
            var finding = new Finding("", FindingKinds.DeadlineAtRisk, cause, ctx.CapabilityFor(r.Evidence, rule.Capability), Template.Fill(rule.Issue, values),
                [$"deadline {(r.Deadline is { } d ? JournalJson.Instant(d) : "-")}: {r.DeadlineOutcome}", $"request {r.State}{(r.Escalations > 0 ? ", escalated" : ", not escalated")}"],
                ReportContext.Refs([ctx.Index.Drafted.GetValueOrDefault(r.Request), atRisk.GetValueOrDefault(r.Request), ctx.Index.Escalated.GetValueOrDefault(r.Request)]));
            yield return new(finding, rule, values, issuer, r.Evidence, []);
        }
    }

    private static IEnumerable<AreaDraft> Injects(ReportContext ctx, IReadOnlyList<InjectReviews.Review> reviews)
    {
        foreach (var review in reviews)
        {
            var r = review.Public;
            var recipients = r.To.Where(s => Seat.TryParse(s, out var j, out _) && ctx.InvestigatingStates.Contains(j)).ToList();
            var issuer = recipients.Count > 0 ? Seat.Parse(recipients[0]).Jurisdiction : ctx.World.Incidents[0].Investigating;
            var values = new Dictionary<string, string>
            {
                ["inject"] = r.Inject, ["title"] = r.Title, ["expected"] = r.ExpectedAction, ["issuer"] = issuer,
                ["recipients"] = string.Join(", ", (recipients.Count > 0 ? recipients : r.To).Select(ReportContext.SeatOffice)),
                ["items"] = ReportContext.List(review.Destroyed.Select(l => ((EvidenceLost)l.Event).Evidence)),
            };
            var kind = r.Verdict switch
            {
                InjectReviews.NotTaken => FindingKinds.ExpectedActionNotTaken,
                InjectReviews.Consequence when review.Destroyed.Count > 0 => FindingKinds.ConsequenceInject,
                _ => null,
            };
            if (kind is null) continue;
            var rule = CorrectiveActionTable.For(kind, "inject");
            var finding = new Finding("", kind, null, rule.Capability, Template.Fill(rule.Issue, values), [r.Reason], r.Events);
            yield return new(finding, rule, values, issuer, [], []);
        }
    }
}
