using System.Text.RegularExpressions;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.World;

namespace Simulator.Reports.AfterAction;

/// <summary>
/// One MSEL inject with an expected action, and what the journal shows of the response. <see cref="Verdict"/>:
/// "taken" or "not-taken" where the inject concerns a provider (it reveals a lead to the provider's data, or its
/// condition watches it) that the expected action names: a request to it (a preservation request if the action
/// says to freeze or preserve), drafted by the inject's recipients before it or within
/// <see cref="FindingThresholds.ExpectedActionWindow"/>; "consequence" for a conditional inject that deletes
/// data and fired; "averted" for one that was skipped because its condition no longer held; "skipped" for another
/// skipped inject; "for-the-evaluator" where the journal cannot tell. <see cref="Answers"/> are the seats' answers to
/// it (RespondToInject: "AL/prosecutor (press-line): ..."), for the evaluator to judge.
/// </summary>
public sealed record InjectReview(
    string Inject,
    string Title,
    DateTimeOffset At,
    IReadOnlyList<string> To,
    string ExpectedAction,
    string Verdict,
    string Reason,
    IReadOnlyList<EventReference> Events,
    IReadOnlyList<string>? Answers = null);

internal static partial class InjectReviews
{
    public const string Taken = "taken";
    public const string NotTaken = "not-taken";
    public const string Consequence = "consequence";
    public const string Averted = "averted";
    public const string Skipped = "skipped";
    public const string ForTheEvaluator = "for-the-evaluator";

    [GeneratedRegex(@"\b(freez|preserv)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksToPreserve();

    /// <summary>Also what the consequence findings need: the items a fired inject destroyed.</summary>
    public sealed record Review(InjectReview Public, JournalEntry Entry, IReadOnlyList<JournalEntry> Destroyed);

    public static IReadOnlyList<Review> Build(ReportContext ctx)
    {
        var reviews = new List<Review>();
        foreach (var entry in ctx.Index.Injects)
        {
            var id = entry.Event switch { InjectDelivered d => d.Inject, InjectSkipped s => s.Inject, _ => "" };
            if (!ctx.Injects.TryGetValue(id, out var inject) || string.IsNullOrWhiteSpace(inject.ExpectedAction)) continue;
            var review = entry.Event is InjectSkipped skipped ? ReviewSkipped(inject, entry, skipped) : ReviewDelivered(ctx, inject, entry, (InjectDelivered)entry.Event);
            var answers = ctx.Index.Entries.Where(e => e.Event is InjectAnswered a && a.Inject == id).ToList();
            reviews.Add(answers.Count == 0 ? review : review with
            {
                Public = review.Public with
                {
                    Answers = [.. answers.Select(e => (InjectAnswered)e.Event).Select(a => $"{a.By} ({Simulator.Core.Common.Names.Kebab(a.Kind)}): {a.Text}")],
                    Events = [.. review.Public.Events, .. answers.Select(EventReference.Of)],
                },
            });
        }
        return reviews;
    }

    private static bool Destroys(Inject i) => i.Effects.PurgeProvider is not null || i.Effects.PurgeEvidence.Count > 0;

    private static Review ReviewSkipped(Inject inject, JournalEntry entry, InjectSkipped skipped)
    {
        var verdict = Destroys(inject) && inject.Condition is not null ? Averted : Skipped;
        return new(new InjectReview(inject.Id, inject.Title, entry.At, inject.To, inject.ExpectedAction!, verdict, skipped.Reason, [EventReference.Of(entry)]), entry, []);
    }

    private static Review ReviewDelivered(ReportContext ctx, Inject inject, JournalEntry entry, InjectDelivered delivered)
    {
        InjectReview Make(string verdict, string reason, IEnumerable<JournalEntry?> events) =>
            new(inject.Id, delivered.Title, entry.At, delivered.To, inject.ExpectedAction!, verdict, reason, ReportContext.Refs([entry, .. events]));

        if (Destroys(inject) && inject.Condition is not null && !delivered.OnDemand)
        {
            // Purges are recorded right after the inject, at the same instant.
            var destroyed = ctx.Index.Lost.Where(l => l.Sequence > entry.Sequence && l.At == entry.At
                && ((EvidenceLost)l.Event).Reason.Contains($"({inject.Id})", StringComparison.Ordinal)).ToList();
            var reason = destroyed.Count == 0 ? "it fired, but found nothing left to destroy"
                : $"it fired and destroyed {ReportContext.List(destroyed.Select(l => ((EvidenceLost)l.Event).Evidence))}";
            return new(Make(Consequence, reason, destroyed), entry, destroyed);
        }

        var states = delivered.To.Select(s => Seat.TryParse(s, out var j, out _) ? j : "").Where(ctx.InvestigatingStates.Contains).ToHashSet();
        var window = entry.At + FindingThresholds.ExpectedActionWindow;
        var decisions = ctx.Index.Entries.Where(e => e.Event is DecisionTaken d && e.Sequence > entry.Sequence && e.At <= window
            && Seat.TryParse(d.Actor, out var j, out _) && states.Contains(j)).Take(8).ToList();
        if (states.Count == 0)
            return new(Make(ForTheEvaluator, "addressed to the requested side, whose answer the journal does not judge", []), entry, []);

        var named = Concerned(ctx, inject).Where(p => Names(inject.ExpectedAction!, p)).ToList();
        if (named.Count == 0)
            return new(Make(ForTheEvaluator, decisions.Count == 0
                ? "the journal cannot check it; no decision recorded within the window"
                : $"the journal cannot check it; {decisions.Count} decision(s) recorded within the window", decisions), entry, []);

        var preserve = AsksToPreserve().IsMatch(inject.ExpectedAction!);
        var kind = preserve ? "preservation request" : "request";
        var found = new List<JournalEntry>();
        var late = new List<JournalEntry>();
        var missing = new List<string>();
        foreach (var provider in named)
        {
            var requests = ctx.Index.Drafted.Values.Where(e => e.Event is RequestDrafted d && d.Provider == provider.Id
                && states.Contains(Seat.Parse(d.Issuer).Jurisdiction) && (!preserve || ctx.IsPreservation(d.Instrument))).OrderBy(e => e.Sequence).ToList();
            var inTime = requests.FirstOrDefault(e => e.At <= window);
            if (inTime is not null) found.Add(inTime);
            else
            {
                missing.Add(provider.Id);
                // A late answer is still worth showing: it tells how late.
                if (requests.FirstOrDefault() is { } first) late.Add(first);
            }
        }
        var hours = FindingThresholds.ExpectedActionWindow.TotalHours;
        return missing.Count == 0
            ? new(Make(Taken, $"a {kind} to {ReportContext.List(named.Select(p => p.Id))} was drafted by {string.Join(", ", states.Order())} before the inject or within {hours:0}h", found), entry, [])
            : new(Make(NotTaken, $"no {kind} to {ReportContext.List(missing)} was drafted by {string.Join(", ", states.Order())} within {hours:0}h"
                + (late.Count > 0 ? $"; it came later ({ReportContext.List(late.Select(f => ((RequestDrafted)f.Event).Request))})" : ""), [.. found, .. late]), entry, []);
    }

    /// <summary>
    /// The providers an inject is about, from its data rather than its text: holders of the evidence behind the leads
    /// it reveals, and the provider or item its condition watches. Only those the expected action also names are
    /// checked, so that "avoid duplicate requests to Hostbay" is not read as "send one".
    /// </summary>
    private static IEnumerable<ServiceProvider> Concerned(ReportContext ctx, Inject inject)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lead in inject.Effects.RevealsLeads)
            foreach (var item in ctx.World.EvidenceOf(lead)) ids.Add(item.Holder);
        if (inject.Condition?.Provider is { } provider) ids.Add(provider);
        if (inject.Condition?.Evidence is { } evidence && ctx.World.HasItem(evidence)) ids.Add(ctx.World.Item(evidence).Holder);
        return ctx.World.Providers.Where(p => ids.Contains(p.Id));
    }

    private static bool Names(string text, ServiceProvider p) =>
        Regex.IsMatch(text, $@"\b({Regex.Escape(p.Name)}|{Regex.Escape(p.Id)})\b", RegexOptions.IgnoreCase);
}
