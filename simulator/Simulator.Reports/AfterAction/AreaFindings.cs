using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;

namespace Simulator.Reports.AfterAction;

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
        rest.AddRange(UnsupportedReviews(ctx));
        rest.AddRange(OverBroadRequests(ctx));
        rest.AddRange(NotAdmitted(ctx));
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
                ["issuer"] = issuer, ["measureInstrument"] = m.Instrument ?? "", ["inject"] = m.Inject ?? "",
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

    /// <summary>Refusals grouped by requested state and ground: one state refusing on one ground is one observation.</summary>
    private static IEnumerable<AreaDraft> Refusals(ReportContext ctx)
    {
        var refusals = ctx.Index.Refused.Values.OrderBy(e => e.Sequence).Select(e =>
        {
            var refusal = (RequestRefused)e.Event;
            var draftEntry = ctx.Index.Drafted[refusal.Request];
            var draft = (RequestDrafted)draftEntry.Event;
            var ground = ctx.Instrument(draft.Instrument)?.RefusalGrounds.FirstOrDefault(g => g.Id == refusal.Ground);
            return (Entry: e, Refusal: refusal, DraftEntry: draftEntry, Draft: draft, Condition: ground?.When ?? RefusalCondition.ProviderPolicy);
        }).ToList();
        foreach (var group in refusals.GroupBy(r => (r.Draft.RequestedState, r.Refusal.Ground, r.Condition)))
        {
            var first = group.First();
            var cause = Names.Kebab(group.Key.Condition);
            var issuer = Seat.Parse(first.Draft.Issuer).Jurisdiction;
            var evidence = group.SelectMany(r => r.Draft.Evidence).Distinct().ToList();
            var values = new Dictionary<string, string>
            {
                ["state"] = group.Key.RequestedState, ["request"] = ReportContext.List(group.Select(r => r.Draft.Request).Order(StringComparer.Ordinal)),
                ["used"] = ReportContext.List(group.Select(r => r.Draft.Instrument).Distinct()), ["ground"] = group.Key.Ground,
                ["description"] = first.Refusal.Description.TrimEnd('.'), ["source"] = string.Join("; ", group.Select(r => r.Refusal.Source).Distinct()),
                ["holder"] = ReportContext.List(group.Select(r => ctx.Holder(r.Draft.Provider)).Distinct()),
                ["issuer"] = issuer, ["items"] = ReportContext.List(evidence),
            };
            var rule = CorrectiveActionTable.For(FindingKinds.RequestRefused, cause);
            var lost = ctx.Index.Lost.Where(l => evidence.Contains(((EvidenceLost)l.Event).Evidence) && l.Sequence > first.Entry.Sequence);
            var finding = new Finding("", FindingKinds.RequestRefused, cause, ctx.CapabilityFor(evidence, rule.Capability), Template.Fill(rule.Issue, values),
                group.Select(r => $"{r.Draft.Request} ({r.Draft.Instrument}, {ReportContext.List(r.Draft.Evidence)}) refused by {r.Refusal.By} on {JournalJson.Instant(r.Entry.At)}: {r.Refusal.Description} ({r.Refusal.Source})").ToList(),
                ReportContext.Refs([.. group.SelectMany(r => new[] { r.DraftEntry, r.Entry }), .. lost]));
            // A recommended instrument goes to one holder: the first refused request's.
            yield return new(finding, rule, values, issuer, first.Draft.Evidence, group.Select(r => r.Draft.Instrument).Distinct().ToList(), group.Key.Condition);
        }
    }

    /// <summary>Each answer whose review checklist confirmed what the case's facts do not support (the journal's ReviewRecorded).</summary>
    private static IEnumerable<AreaDraft> UnsupportedReviews(ReportContext ctx)
    {
        foreach (var e in ctx.Index.UnsupportedReviews)
        {
            var review = (ReviewRecorded)e.Event;
            var draftEntry = ctx.Index.Drafted[review.Request];
            var draft = (RequestDrafted)draftEntry.Event;
            var issuer = Seat.Parse(draft.Issuer).Jurisdiction;
            var values = new Dictionary<string, string>
            {
                ["reviewer"] = ReportContext.SeatOffice(review.By), ["request"] = review.Request, ["used"] = draft.Instrument, ["issuer"] = issuer,
                ["state"] = draft.RequestedState, ["answer"] = review.Answer, ["unsupported"] = string.Join("; ", review.Unsupported),
            };
            var rule = CorrectiveActionTable.For(FindingKinds.ReviewUnsupported, "unsupported");
            var finding = new Finding("", FindingKinds.ReviewUnsupported, "unsupported", ctx.CapabilityFor(draft.Evidence, rule.Capability), Template.Fill(rule.Issue, values),
                [$"confirmed: {ReportContext.List(review.Confirmed)}", .. review.Unsupported], ReportContext.Refs([draftEntry, e]));
            // The corrective action is the requested state's: it is filed under that state.
            yield return new(finding, rule, values, draft.RequestedState, draft.Evidence, []);
        }
    }

    /// <summary>Each request whose scope asked beyond what its facts support (the journal's RequestScopeAssessed), and whether a requested state narrowed it.</summary>
    private static IEnumerable<AreaDraft> OverBroadRequests(ReportContext ctx)
    {
        foreach (var e in ctx.Index.OverBroad)
        {
            var assessed = (RequestScopeAssessed)e.Event;
            var draftEntry = ctx.Index.Drafted[assessed.Request];
            var draft = (RequestDrafted)draftEntry.Event;
            var issuer = Seat.Parse(draft.Issuer).Jurisdiction;
            var narrowed = ctx.Index.Narrowed.GetValueOrDefault(assessed.Request);
            var values = new Dictionary<string, string>
            {
                ["request"] = assessed.Request, ["used"] = draft.Instrument, ["state"] = draft.RequestedState, ["issuer"] = issuer,
                ["requester"] = ReportContext.SeatOffice(draft.Issuer), ["excess"] = string.Join("; ", assessed.Excess),
                ["narrowed"] = narrowed is null ? "" : $"; {((RequestNarrowed)narrowed.Event).By} narrowed it to the need",
            };
            var rule = CorrectiveActionTable.For(FindingKinds.RequestOverBroad, "over-broad");
            var finding = new Finding("", FindingKinds.RequestOverBroad, "over-broad", ctx.CapabilityFor(draft.Evidence, rule.Capability), Template.Fill(rule.Issue, values),
                [$"{assessed.Records} records asked, {assessed.BeyondNeed} beyond the need, {assessed.ThirdParty} of third parties"], ReportContext.Refs([draftEntry, e, narrowed]));
            yield return new(finding, rule, values, issuer, draft.Evidence, []);
        }
    }

    /// <summary>What clears each challenge the trial found (its findings start with the condition's id): asking again the way that condition needs.</summary>
    private static string Remedy(IReadOnlyList<string> findings)
    {
        var remedies = new List<string>();
        if (findings.Any(f => f.StartsWith("beyond-need:", StringComparison.Ordinal)))
            remedies.Add("ask again for what the facts support, through a route that keeps to it, so the evidence does not rest on an over-broad order");
        if (findings.Any(f => f.StartsWith("emergency-claim-did-not-hold:", StringComparison.Ordinal)))
            remedies.Add("ask again by an ordinary route while the holder still has it, so the evidence does not rest on an emergency claim that did not hold (freeze beside every emergency request, so the ordinary route stays open)");
        return remedies.Count == 0 ? "obtain the item again by a route the court can rely on" : string.Join("; and ", remedies);
    }

    /// <summary>Each secured item the trial at the end left open to challenge or excluded (the journal's AdmissibilityExamined).</summary>
    private static IEnumerable<AreaDraft> NotAdmitted(ReportContext ctx)
    {
        foreach (var e in ctx.Index.NotAdmitted)
        {
            var examined = (AdmissibilityExamined)e.Event;
            var values = new Dictionary<string, string>
            {
                ["items"] = examined.Evidence, ["issuer"] = examined.Investigating, ["verdict"] = examined.Verdict,
                ["findings"] = string.Join("; ", examined.Findings), ["sources"] = string.Join("; ", examined.Sources.Distinct()),
                ["remedy"] = Remedy(examined.Findings),
            };
            var rule = CorrectiveActionTable.For(FindingKinds.EvidenceNotAdmitted, examined.Verdict);
            var finding = new Finding("", FindingKinds.EvidenceNotAdmitted, examined.Verdict, ctx.CapabilityFor([examined.Evidence], rule.Capability), Template.Fill(rule.Issue, values),
                [.. examined.Findings], ReportContext.Refs([ctx.Index.Delivered.GetValueOrDefault(examined.Evidence), e]));
            yield return new(finding, rule, values, examined.Investigating, [examined.Evidence], []);
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
