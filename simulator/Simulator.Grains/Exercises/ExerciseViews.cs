using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What one credential sees of an exercise, built from the core's state: a seat sees its state's injects, leads,
/// outgoing and incoming requests, evidence and preservations; the trainer sees everything; observers see what
/// the trainer sees without the sealed parts (expected player actions). Documented in docs/hub.md.
/// </summary>
public static class ExerciseViews
{
    public static object For(Identity who, Simulation s) => who.Role switch
    {
        Identity.Player => Seat(Core.Common.Seat.Parse(who.Seat!), s),
        Identity.Trainer => Overview(s, sealedContent: true),
        _ => Overview(s, sealedContent: false),
    };

    /// <summary>
    /// What an audience sees, as pushed to it after the events of a step: the trainer's and observers' overview, or
    /// a state's view, which all its seats share (a seat's view is its state's, with its <c>seat</c> and <c>role</c>).
    /// </summary>
    public static object ForAudience(string audience, Simulation s) => audience switch
    {
        Audience.Trainer => Overview(s, sealedContent: true),
        Audience.Observers => Overview(s, sealedContent: false),
        _ => State(audience[Audience.State("").Length..], null, s),
    };

    private static object Seat(Core.Common.Seat seat, Simulation s) => State(seat.Jurisdiction, seat, s);

    private static object State(string state, Core.Common.Seat? seat, Simulation s)
    {
        var delivered = s.Journal.Entries.Select(e => (e.At, Evt: e.Event as InjectDelivered)).Where(x => x.Evt is not null
            && x.Evt.To.Any(t => t == state || t.StartsWith(state + "/", StringComparison.Ordinal))).ToList();
        var investigating = s.World.Incidents.Where(i => i.Investigating == state).Select(i => i.Id).ToHashSet();
        return new
        {
            seat = seat?.ToString(),
            jurisdiction = state,
            role = seat is { } held ? Names.Kebab(held.Role) : null,
            injects = delivered.Select(x => Inject(x.Evt!, x.At, s, sealedContent: false)),
            leads = s.World.Leads.Where(l => investigating.Contains(l.Incident) && s.IsLeadDiscovered(l.Id)).Select(l => Lead(l.Id, s)),
            outgoing = s.Requests.Where(r => r.Issuer == state).Select(r => Request(r, s)),
            incoming = s.Requests.Where(r => r.RequestedState == state && r.Issuer != state).Select(r => Request(r, s)),
            evidence = s.EvidenceStates.Where(e => e.Status == EvidenceStatus.Secured && s.Request(e.SecuredBy!)!.Issuer == state).Select(Evidence),
            preservations = s.Preservations.Where(p => s.Request(p.Request)!.Issuer == state || s.Request(p.Request)!.RequestedState == state).Select(Preservation),
        };
    }

    private static object Overview(Simulation s, bool sealedContent)
    {
        // One pass over the journal for every inject's status, rather than one per inject.
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in s.Journal.Entries)
            if (e.Event is InjectDelivered d) delivered.Add(d.Inject);
            else if (e.Event is InjectSkipped k) skipped.Add(k.Inject);
        return OverviewOf(s, sealedContent, delivered, skipped);
    }

    private static object OverviewOf(Simulation s, bool sealedContent, HashSet<string> delivered, HashSet<string> skipped) => new
    {
        scenario = s.World.ScenarioId,
        title = s.World.Title,
        jurisdictions = s.World.Jurisdictions.Select(j => new { j.Id, j.Name }),
        injects = s.Injects.Select(i => new
        {
            inject = i.Id,
            at = i.At,
            i.Title,
            i.To,
            conditional = i.Condition is not null,
            expectedAction = sealedContent ? i.ExpectedAction : null,
            i.Text,
            status = delivered.Contains(i.Id) ? "delivered" : skipped.Contains(i.Id) ? "skipped" : "pending",
        }),
        leads = s.World.Leads.Where(l => s.IsLeadDiscovered(l.Id)).Select(l => Lead(l.Id, s)),
        requests = s.Requests.Select(r => Request(r, s)),
        evidence = s.EvidenceStates.Where(e => e.Status == EvidenceStatus.Secured).Select(Evidence),
        preservations = s.Preservations.Select(Preservation),
        objectives = Objectives(s),
    };

    /// <summary>
    /// The objectives with how each is going: the same rater the after-action report uses, applied to the journal so
    /// far. Before the end a rating is provisional (an objective not yet met may still be met).
    /// </summary>
    private static IEnumerable<object> Objectives(Simulation s)
    {
        var ratings = Simulator.Core.Objectives.ObjectiveRater.Rate(s.World, s.Catalogue, s.Journal.Entries).ToDictionary(r => r.Objective);
        return s.World.Objectives.Select(o => new
        {
            o.Id,
            o.Capability,
            o.Task,
            rating = ratings.TryGetValue(o.Id, out var r) ? r.Rating : null,
            ratingEvidence = ratings.TryGetValue(o.Id, out var e) ? e.Evidence : null,
            provisional = !s.Ended,
        });
    }

    private static object Inject(InjectDelivered d, DateTimeOffset at, Simulation s, bool sealedContent)
    {
        var inject = s.Injects.First(i => i.Id == d.Inject);
        return new { inject = d.Inject, at, inject.Title, inject.Text, d.To, d.OnDemand, expectedAction = sealedContent ? inject.ExpectedAction : null };
    }

    private static object Lead(string id, Simulation s)
    {
        var lead = s.World.Lead(id);
        return new
        {
            lead = lead.Id,
            lead.Incident,
            lead.Title,
            lead.Description,
            evidence = s.World.EvidenceOf(id).Select(i =>
            {
                var st = s.Evidence(i.Id);
                return new
                {
                    evidence = i.Id,
                    i.Description,
                    holder = i.Holder,
                    holderName = s.World.Provider(i.Holder).Name,
                    holderState = s.World.Provider(i.Holder).Headquarters,
                    storedIn = i.StoredIn,
                    category = i.Category,
                    status = st.Status,
                    retentionExpiresAt = i.ExpiresAt,
                    preservedUntil = st.Preservations.Where(p => p.Lifecycle.Holds).Select(p => p.Until).Max(),
                };
            }),
        };
    }

    private static object Request(RequestRecord r, Simulation s) => new
    {
        request = r.Id,
        instrument = r.Instrument.Id,
        instrumentName = r.Instrument.Name,
        issuer = r.IssuerSeat,
        requestedState = r.RequestedState,
        provider = r.Provider.Id,
        evidence = r.Items.Select(i => i.Id),
        emergency = r.Emergency,
        state = r.State,
        reviewer = s.ReviewerSeat(r),
        draftedAt = r.DraftedAt,
        sentAt = r.SentAt,
        closedAt = r.ClosedAt,
        deadline = r.Deadline,
        deadlineStatus = r.Deadline is null ? null : Names.Kebab(r.Escalation.State),
        refusalGround = r.RefusalGround,
        refusalGrounds = s.GroundsOpenToReviewer(r).Select(g => new { g.Id, g.Description, g.Source }),
        clarifications = r.Lifecycle.Clarifications,
        particulars = r.Particulars,
    };

    private static object Evidence(EvidenceState e) => new
    {
        evidence = e.Item.Id,
        e.Item.Category,
        securedAt = e.SecuredAt,
        securedBy = e.SecuredBy,
        contentSha256 = e.Item.Content.Sha256,
        records = e.Item.Content.Records,
        custody = e.Custody.Steps.Select(c => new { c.Step, c.At, c.Action, c.Holder, c.ContentSha256, c.Via }),
        custodyVerified = e.Custody.Verify() is null,
    };

    private static object Preservation(PreservationRecord p) => new
    {
        preservation = p.Id,
        p.Request,
        p.Evidence,
        instrument = p.Instrument.Id,
        state = p.Lifecycle.State,
        p.Until,
        canExtend = p.Lifecycle.CanExtend,
    };
}
