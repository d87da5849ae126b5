using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// What one credential sees of an exercise, built from the core's state: a seat sees its state's injects, leads,
/// outgoing and incoming requests, evidence and preservations; the trainer sees everything; observers see what
/// the trainer sees without the sealed parts (expected player actions). Documented in docs/hub.md.
/// </summary>
public static class ExerciseViews
{
    public static ConsoleView For(Identity who, Simulation s) => who.Role switch
    {
        IdentityRole.Seat => Seat(who.SeatValue, s, new ViewIndex(s)),
        IdentityRole.Trainer or IdentityRole.Evaluator => Overview(s, sealedContent: true, new ViewIndex(s)),
        _ => Overview(s, sealedContent: false, new ViewIndex(s)),
    };

    /// <summary>
    /// What audiences see, as pushed to them after the events of a step: the trainer's and observers' overview, or a
    /// seat's view. A state's part (its leads, requests, evidence) is built once for all its seats; each seat adds what
    /// is its own (the injects addressed to it or referred to it, its messages and answers). <paramref name="kept"/>: what a
    /// live feed's views kept from the steps before, so that only what changed is built again.
    /// </summary>
    public static Dictionary<string, ConsoleView> ForAudiences(IEnumerable<string> audiences, Simulation s, ViewMemory? kept = null)
    {
        var states = new Dictionary<string, StateView>(StringComparer.Ordinal);
        var index = new ViewIndex(s, kept);
        var views = new Dictionary<string, ConsoleView>(StringComparer.Ordinal);
        foreach (var audience in audiences)
        {
            views[audience] = audience switch
            {
                Audience.Trainer => Overview(s, sealedContent: true, index),
                Audience.Observers => Overview(s, sealedContent: false, index),
                _ when Audience.SeatOf(audience) is { } seatText && Core.Common.Seat.TryParse(seatText, out var seat) =>
                    SeatPart(states.TryGetValue(seat.Jurisdiction, out var shared) ? shared : states[seat.Jurisdiction] = State(seat.Jurisdiction, s, index), seat, s),
                _ => throw new ArgumentException($"no view for the audience '{audience}'"),
            };
        }
        return views;
    }

    private static StateView Seat(Core.Common.Seat seat, Simulation s, ViewIndex index) => SeatPart(State(seat.Jurisdiction, s, index), seat, s);

    /// <summary>A seat's own part of its view: what its state shares, plus the injects, messages and answers that are its alone.</summary>
    private static StateView SeatPart(StateView state, Core.Common.Seat seat, Simulation s)
    {
        var me = seat.ToString();
        var injects = new List<DeliveredInject>();
        foreach (var (at, d) in s.Deliveries)
            if (d.To.Any(t => t == me || t == seat.Jurisdiction)) injects.Add(Inject(d, at, s, null));
        foreach (var r in s.Referrals.Where(r => r.Kind == "inject" && r.To == me))
            injects.Add(Inject(s.Deliveries.First(x => x.Delivered.Inject == r.Item).Delivered, r.At, s, r));
        return state with
        {
            Seat = me,
            Role = Names.Kebab(seat.Role),
            Injects = injects,
            Messages = [.. s.Messages.Where(m => m.From.Name == me || (m.To.Name == me && m.Delivered)).Select(m => Message(m, me))],
            Responses = [.. s.Responses.Where(r => r.By == me).Select(Response)],
            Referrals = [.. s.Referrals.Where(r => r.From == me || r.To == me).Select(r => new ReferralView(r.Item, r.Kind, r.From, r.To, r.Note, r.At))],
            Colleagues = [.. Enum.GetValues<Core.Common.AuthorityRole>().Select(r => new Core.Common.Seat(seat.Jurisdiction, r)).Where(c => c != seat)
                .Select(c => new ColleagueView(c.ToString(), s.PlayedBy(c.ToString()) switch { "trainee" => "trainee", null or "none" => "nobody", _ => "engine" }))],
            HotWash = [.. s.HotWashEntries.Where(h => h.By == me).Select(h => new HotWashView(h.By, h.Strengths, h.Improvements, h.At))],
            UtcOffsetMinutes = (int)s.World.Jurisdiction(seat.Jurisdiction).Calendar.UtcOffset.TotalMinutes,
            PlayedByEngine = s.HandedOverSeats.Contains(me),
        };
    }

    private static StateView State(string state, Simulation s, ViewIndex index)
    {
        var investigating = s.World.Incidents.Where(i => i.Investigating == state).Select(i => i.Id).ToHashSet();
        return new StateView(
            null,
            state,
            null,
            [],
            [.. s.World.Leads.Where(l => investigating.Contains(l.Incident) && s.IsLeadDiscovered(l.Id)).Select(l => Lead(l.Id, s))],
            [.. s.Requests.Where(r => r.Issuer == state).Select(r => Request(r, s, index))],
            [.. s.Requests.Where(r => r.RequestedState == state && r.Issuer != state).Select(r => Incoming(Request(r, s, index)))],
            [.. s.EvidenceStates.Where(e => e.Status == EvidenceStatus.Secured && s.Request(e.SecuredBy!)!.Issuer == state).Select(e => Evidence(e, s))],
            [.. s.Preservations.Where(p => s.Request(p.Request)!.Issuer == state || s.Request(p.Request)!.RequestedState == state).Select(Preservation)],
            Consents: [.. s.Consents.Where(c => Core.Common.Seat.Parse(c.AskedBy).Jurisdiction == state || c.Giver == state).Select(Consent)]);
    }

    /// <summary>
    /// A request as the requested state sees it: without what is the issuing state's own case file (whether and why it
    /// delays telling the person whose data came, REG Art. 13) and without the issuing state's enforcement action to take.
    /// </summary>
    private static RequestView Incoming(RequestView view) =>
        view with { Informing = null, Enforcement = view.Enforcement is { } e ? e with { MayAsk = false } : null };

    private static ConsentView Consent(ConsentRecord c) =>
        new(c.Id, c.Evidence, Names.Kebab(c.Use), c.For, c.AskedBy, c.Giver, c.AnswererSeat, Names.Kebab(c.State), c.Reason, c.AskedAt, c.AnsweredAt, c.Source);

    /// <summary>The item's terms, the uses made of it and the uses the facts want of it, as its seat weighs another use.</summary>
    private static (UseTermsView? Terms, IReadOnlyList<UseView>? Uses, IReadOnlyList<WantedUseView>? Wanted) UseParts(EvidenceState e, Simulation s)
    {
        if (s.UseTermsOf(e.Item.Id) is not { } terms) return (null, null, null);
        var view = new UseTermsView(terms.Purpose, terms.Giver, terms.Describe(),
            // Each use as it now stands: the condition the giving state attached, where it did, else the instrument's limit.
            terms.Giver is null ? [] : [.. Enum.GetValues<Core.Catalogue.UseKind>().Select(terms.LimitFor).OfType<Core.Catalogue.UseLimit>()
                .Select(l => new UseLimitView(Names.Kebab(l.Use), l.NeedsConsent, l.Source, l.ConsentGroundsOf))]);
        var uses = s.Uses.Where(u => u.Evidence == e.Item.Id).Select(u => new UseView(Names.Kebab(u.Use), u.For, u.By, u.At, u.Consent, u.Violation)).ToList();
        var wanted = s.UsesWanted.Where(w => w.Evidence == e.Item.Id && !s.Uses.Any(u => u.Evidence == w.Evidence && u.Use == w.Kind && u.For == w.For))
            .Select(w =>
            {
                var consent = s.Consents.FirstOrDefault(c => c.Evidence == w.Evidence && c.Use == w.Kind && c.For == w.For);
                return new WantedUseView(w.Id, Names.Kebab(w.Kind), w.For, w.Note, Simulation.ConsentNeededFor(terms, w.Kind) is not null, consent?.Id,
                    consent is null ? null : Names.Kebab(consent.State));
            }).ToList();
        return (view, uses.Count == 0 ? null : uses, wanted.Count == 0 ? null : wanted);
    }

    private static Overview Overview(Simulation s, bool sealedContent, ViewIndex index)
    {
        // One pass over the journal for every inject's status and when it came, rather than one per inject.
        var delivered = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in s.Journal.Entries)
            if (e.Event is InjectDelivered d) delivered.TryAdd(d.Inject, e.At);
            else if (e.Event is InjectSkipped k) skipped.TryAdd(k.Inject, e.At);
        return OverviewOf(s, sealedContent, delivered, skipped, index);
    }

    private static Overview OverviewOf(Simulation s, bool sealedContent, Dictionary<string, DateTimeOffset> delivered, Dictionary<string, DateTimeOffset> skipped,
        ViewIndex index) => new(
        s.World.ScenarioId,
        s.World.Title,
        [.. s.World.Jurisdictions.Select(j => new JurisdictionName(j.Id, j.Name))],
        [.. s.Injects.Select(i => new MselInject(i.Id, i.At, i.Title, i.To, i.Condition is not null, sealedContent ? i.ExpectedAction : null, i.Text,
            delivered.ContainsKey(i.Id) ? "delivered" : skipped.ContainsKey(i.Id) ? "skipped" : "pending",
            delivered.TryGetValue(i.Id, out var came) ? came : skipped.TryGetValue(i.Id, out var passed) ? passed : null))],
        [.. s.World.Leads.Where(l => s.IsLeadDiscovered(l.Id)).Select(l => Lead(l.Id, s))],
        [.. s.Requests.Select(r => Request(r, s, index))],
        [.. s.EvidenceStates.Where(e => e.Status == EvidenceStatus.Secured).Select(e => Evidence(e, s))],
        [.. s.Preservations.Select(Preservation)],
        Objectives(s, index),
        sealedContent ? [.. s.Messages.Select(m => Message(m, null))] : null,
        [.. s.Responses.Select(Response)],
        sealedContent ? [.. s.Referrals.Select(r => new ReferralView(r.Item, r.Kind, r.From, r.To, r.Note, r.At))] : null,
        sealedContent ? Evaluation(s) : null,
        [.. s.Consents.Select(Consent)]);

    /// <summary>The evaluator's part: the guides, the ratings that stand, the observations and the hot wash.</summary>
    private static EvaluationView Evaluation(Simulation s) => new(
        [.. s.World.EvaluationGuides.Select(g => new GuideView(g.Capability, g.Target, [.. g.Tasks.Select(t => new CriticalTaskView(t.Id, t.Task, t.LookFor, t.Objective))]))],
        [.. s.CurrentTaskRatings().Values.Select(r => new RatingView(r.Task, Names.Kebab(r.Rating), Core.Evaluation.HseepRatings.Letter(r.Rating), r.Notes, r.At))],
        [.. s.Observations.Select(o => new ObservationView(o.Id, o.Text, o.Events, o.Task, o.At))],
        [.. s.HotWashEntries.Select(h => new HotWashView(h.By, h.Strengths, h.Improvements, h.At))]);

    /// <summary>
    /// The objectives with how each is going: the same rater the after-action report uses, applied to the journal so
    /// far. Before the end a rating is provisional (an objective not yet met may still be met).
    /// </summary>
    private static IReadOnlyList<ObjectiveProgress> Objectives(Simulation s, ViewIndex index)
    {
        var ratings = Simulator.Core.Objectives.ObjectiveRater.Rate(s.World, index.Facts(), s.Options.LaterLossLowersRatings).ToDictionary(r => r.Objective);
        return [.. s.World.Objectives.Select(o => ratings.TryGetValue(o.Id, out var r) ? Live(o, r, s) : new ObjectiveProgress(o.Id, o.Capability, o.Task, null, null, !s.Ended))];
    }

    /// <summary>
    /// An objective's rating as it stands while the exercise runs, told truthfully: one that can no longer be met (its
    /// evidence is lost) is final, with when and why; one that nothing could have met yet (its evidence's lead is not
    /// known, or nothing has been lost for a no-loss objective) is not rated yet. The journal's rating at the end is the rater's.
    /// </summary>
    private static ObjectiveProgress Live(Core.Objectives.Objective o, Core.Objectives.ObjectiveRating r, Simulation s)
    {
        var progress = new ObjectiveProgress(o.Id, o.Capability, o.Task, r.Rating, r.Evidence, !s.Ended);
        if (s.Ended) return progress;
        var m = o.Measure;
        var timed = m.Kind is Core.Objectives.MeasureKind.PreservationRequested or Core.Objectives.MeasureKind.EvidencePreserved or Core.Objectives.MeasureKind.EvidenceSecured;
        if (timed && m.Evidence is { } item && r.Rating == Core.Objectives.Ratings.Unable)
        {
            var st = s.Evidence(item);
            if (st.Status == EvidenceStatus.Lost)
                return progress with { Provisional = false, RatingEvidence = $"{item} was lost at {JournalJson.Instant(st.LostAt!.Value)} ({st.LostReason}): it can no longer be met" };
            if (!st.Discovered) return progress with { Rating = null, RatingEvidence = $"not yet possible: the lead of {item} is not known yet" };
        }
        if (m.Kind == Core.Objectives.MeasureKind.NoEvidenceLost && r.Rating == Core.Objectives.Ratings.WithoutChallenges)
            return progress with { Rating = null, RatingEvidence = "nothing lost so far; rated at the end" };
        return progress;
    }

    /// <summary>An inject as a seat has it: delivered to it, or referred to it by a colleague (<paramref name="referral"/>).</summary>
    private static DeliveredInject Inject(InjectDelivered d, DateTimeOffset at, Simulation s, Core.Communications.Referral? referral)
    {
        var inject = s.Injects.First(i => i.Id == d.Inject);
        return new DeliveredInject(d.Inject, at, inject.Title, inject.Text, d.To, d.OnDemand, null, referral?.From, referral?.Note);
    }

    /// <summary>A message as <paramref name="me"/> (a seat) has it, or as the trainer sees it (null).</summary>
    private static MessageView Message(Core.Communications.MessageRecord m, string? me) => new(
        m.Id, m.From.Name, m.To.Name, Names.Kebab(m.Channel), Core.Communications.MessageChannels.Rule(m.Channel).Name, m.Subject, m.Text, m.About, m.InReplyTo,
        m.SentAt, m.DeliversAt, m.Delivered, me is null ? "all" : m.From.Name == me ? "out" : "in", me is null && m.ByTrainer);

    private static ResponseView Response(Core.Communications.InjectResponse r) => new(r.Id, r.Inject, r.By, Names.Kebab(r.Kind), r.Text, r.At);

    private static LeadView Lead(string id, Simulation s)
    {
        var lead = s.World.Lead(id);
        return new LeadView(lead.Id, lead.Incident, lead.Title, lead.Description, [.. s.World.EvidenceOf(id).Select(i =>
        {
            var st = s.Evidence(i.Id);
            var holder = s.World.Provider(i.Holder);
            return new LeadItem(i.Id, i.Description, i.Holder, holder.Name, holder.Headquarters, i.StoredIn, Names.Kebab(i.Category), Names.Kebab(st.Status),
                i.ExpiresAt, st.Preservations.Where(p => p.Lifecycle.Holds).Select(p => p.Until).Max(), st.LostAt, st.LostReason);
        })]);
    }

    private static RequestView Request(RequestRecord r, Simulation s, ViewIndex index) => index.Request(r,
        new RequestChanges(r.State, r.SentAt, r.ClosedAt, r.Deadline, r.Escalation.State, r.RefusalGround, r.Lifecycle.Clarifications, r.ValidationStatus, r.Narrowed, r.RecordsRedacted, r.InDefault, r.Enforcement?.State, r.EmergencyClaimHeld, r.LapsedWithEmergency, r.Informing?.State, r.ConflictRaised, r.CourtDecision, r.NotificationReview,
            CourtTraineeDecides(r, s), s.EnforcingAuthorityIsTrainee(r) && Simulation.MayStillObject(r)),
        () => [.. r.Items.Select(i => Fate(r, i.Id, s, index))],
        () => index.Queue(r) is { } q ? new QueueView(q.Office, q.Ahead, q.Officers, q.Busy, q.EstimatedStart, q.Reason) : null,
        (fates, queue) => new(
            r.Id,
            r.Instrument.Id,
            r.Instrument.Name,
            r.IssuerSeat,
            r.RequestedState,
            r.Provider.Id,
            [.. r.Items.Select(i => i.Id)],
            r.Emergency,
            Names.Kebab(r.State),
            s.ReviewerSeat(r),
            r.DraftedAt,
            r.SentAt,
            r.ClosedAt,
            r.Deadline,
            r.Deadline is null ? null : Names.Kebab(r.Escalation.State),
            r.RefusalGround,
            [.. s.GroundsOpenToReviewer(r).Select(g => new GroundView(g.Id, g.Describe(), g.Source))],
            r.Lifecycle.Clarifications,
            r.Particulars,
            fates,
            queue,
            r.Urgent,
            r.Validation is { } need ? new ValidationView(r.ValidatorSeat!, [.. need.Validators.Select(v => Names.Seat(r.Issuer, v))],
                r.ValidationDueBy, r.ValidationStatus!, need.Describe(r.Issuer)) : null,
            [.. s.ChecksFor(r).Select(Names.Kebab)],
            Scope(s, r),
            r.Minimise,
            r.RecordsRedacted,
            Enforcement(s, r),
            r.EmergencyClaimHeld,
            r.LapsedWithEmergency,
            Informing(r, s),
            r.Conditions.Count == 0 ? null : [.. r.Conditions.Select(c => new UseConditionView(Names.Kebab(c.Use), c.Source))],
            r.State is RequestState.Received or RequestState.UnderReview or RequestState.AwaitingClarification && r.Instrument.ConditionsOpen is { Count: > 0 } open
                ? [.. open.Select(l => new UseConditionView(Names.Kebab(l.Use), l.ConditionSource!))] : null,
            Court(r, s),
            Notification(r, s)));

    /// <summary>The addressee's objection under a third country's law and its court's review (REG Art. 17); null where none was raised.</summary>
    private static CourtReviewView? Court(RequestRecord r, Simulation s)
    {
        if (r.Conflict is not { } conflict || r.CourtSeat is not { } court || r.Instrument.ConflictingObligations is not { } rule) return null;
        var connected = s.World.IncidentOf(r.Items[0]).Offence.PersonIsOf(conflict.ThirdCountry);
        var person = $"the person whose data is sought is {(connected ? "" : "not ")}a national or resident of, or located in, {conflict.ThirdCountry}";
        var status = r.CourtDecision switch
        {
            null => "awaiting",
            CourtDecision.Upheld => "upheld",
            CourtDecision.LiftedInPart => "lifted-in-part",
            _ => "lifted",
        };
        var text = r.CourtDecision is null
            ? $"{r.Provider.Id} objects: {conflict.Describe()}; execution is suspended while {court} reviews the order ({rule.Source}). The court weighs the interests that law protects and the case's connection to either state ({rule.LiftSource}): {person}"
            : $"{court} {r.CourtDecision switch
            {
                CourtDecision.Upheld => "upheld the order",
                CourtDecision.LiftedInPart => $"lifted the order as to {string.Join(" and ", conflict.Barred.Select(Names.Kebab))} data and upheld it for the rest",
                _ => "lifted the order",
            }} on {r.Provider.Id}'s objection ({rule.LiftSource}); {person}";
        var traineeDecides = CourtTraineeDecides(r, s);
        return new CourtReviewView(court, status, conflict.ThirdCountry, [.. conflict.Barred.Select(Names.Kebab)], text, connected, traineeDecides);
    }

    /// <summary>Whether the court's trainee decides the objection now: it awaits the court, under rules that seat the court, and the seat is held.</summary>
    private static bool CourtTraineeDecides(RequestRecord r, Simulation s) =>
        r.CourtSeat is { } court && r.CourtDecision is null && r.State == RequestState.UnderReview && s.Options.SeatedCourtReviewsConflicts && s.IsHumanSeat(court);

    /// <summary>The enforcing state's notification and its review (REG Arts. 8, 10, 12); null where the order was not notified.</summary>
    private static NotificationView? Notification(RequestRecord r, Simulation s)
    {
        if (r.NotificationReview is not { } review || r.NotificationWindowEnds is not { } ends || r.Instrument.Notification is not { } rule) return null;
        var authority = Simulation.EnforcingAuthoritySeat(r);
        var enforcing = s.World.Jurisdiction(r.RequestedState);
        var offence = s.World.IncidentOf(r.Items[0]).Offence;
        var open = Simulation.MayStillObject(r)
            ? r.Instrument.RefusalGrounds.Where(g => g.By == Core.Catalogue.Reviewer.EnforcingState
                && Core.Rules.RequestRules.GroundClosed(g, enforcing, offence, r.Items.Select(i => i.Category)) is null).Select(g => new GroundView(g.Id, g.Describe(), g.Source)).ToList()
            : [];
        var emergency = r.Emergency && rule.EmergencyTransferAtOnce ? $"; in an emergency the data go within the deadline, and a ground raised restricts their use ({rule.EmergencyTransferSource})" : "";
        var text = review switch
        {
            NotificationReview.Open => $"notified to {r.RequestedState}: {authority} may raise a ground until {JournalJson.Instant(ends)} ({rule.Source}){emergency}",
            NotificationReview.NoGround => $"{authority} raised no ground ({rule.NoGroundSource ?? rule.Source})",
            NotificationReview.Objected => $"{authority} raised a ground{(r.NotificationGround is { } g ? $": {g}" : "")} ({(r.State == RequestState.Delivered ? rule.EmergencyTransferSource ?? rule.Source : rule.Source)})",
            _ => $"{r.RequestedState} raised no ground within its window: the order stands ({rule.Source})",
        };
        var traineeDecides = Simulation.MayStillObject(r) && s.EnforcingAuthorityIsTrainee(r);
        return new NotificationView(r.RequestedState, authority, ends, Names.Kebab(review), traineeDecides, open, text);
    }

    /// <summary>Telling the person whose data the order obtained (REG Art. 13), once due; null before, and where the instrument sets no such duty.</summary>
    private static InformingView? Informing(RequestRecord r, Simulation s) => r.Informing is not { } informing || r.Instrument.InformsPerson is not { } duty ? null
        : informing.State switch
        {
            InformingState.Due => new InformingView("due", $"tell the person whose data it obtained without undue delay, or record why you delay ({duty.Source})", null, InformingSeats(r, s)),
            InformingState.Delayed => new InformingView("delayed", $"telling the person is delayed; inform them once the reasons end ({duty.DelaySource})", r.InformingReason, InformingSeats(r, s)),
            _ => new InformingView("informed", $"the person was told, with the remedies open to them ({duty.RemediesSource})"),
        };

    /// <summary>The seats that may inform: the issuing authority from rules 2026.12.11, any seat of the issuing state before.</summary>
    private static IReadOnlyList<string>? InformingSeats(RequestRecord r, Simulation s) =>
        s.Options.OnlyTheIssuingAuthorityInforms ? Simulation.InformingAuthorities(r) : null;

    /// <summary>The order's enforcement, once its addressee is in default (REG Art. 16); null before, and for instruments without it.</summary>
    private static EnforcementView? Enforcement(Simulation s, RequestRecord r)
    {
        if (!r.InDefault || r.Instrument.Enforcement is not { } rule) return null;
        var article = $"({rule.Source})";
        if (r.Enforcement is not { } e)
            return new EnforcementView("in-default", s.WhyNotEnforceable(r) is null,
                $"{r.Provider.Name} let the deadline pass without answering: ask {r.RequestedState}'s enforcing authority to enforce the order {article}");
        var text = e.State switch
        {
            EnforcementState.Requested => $"enforcement asked of {r.RequestedState}'s enforcing authority, which decides by {JournalJson.Instant(r.EnforcementDecideBy!.Value)}",
            EnforcementState.Recognised => $"recognised for enforcement: {r.Provider.Name} is formally required to comply",
            EnforcementState.NotRecognised => $"not recognised for enforcement: {r.RefusalGround ?? "a ground held"}; the addressee need not comply",
            EnforcementState.NotNeeded => r.RespondedAt is not null ? "enforcement not needed: the addressee answered first" : $"enforcement not needed: {r.Id} is {Names.Kebab(r.State)}",
            EnforcementState.Penalised => $"{r.Provider.Name} was penalised for not complying: up to {rule.PenaltyCeiling:P0} of its worldwide annual turnover{(r.PenaltyCeiling is { } c ? $" ({c:0.##})" : "")} ({rule.PenaltySource})",
            _ => r.PenaltyImposed ? $"{r.Provider.Name} complied after a penalty" : $"{r.Provider.Name} complied once required",
        };
        return new EnforcementView(Names.Kebab(e.State), false, text, r.PenaltyImposed);
    }

    /// <summary>The request's scope as asked (its assessment before any narrowing), and whether the reviewer may still narrow it.</summary>
    private static ScopeView Scope(Simulation s, RequestRecord r)
    {
        var asked = r.AssessmentAsked;
        var (identifiers, period) = s.FactsSupporting(r.Items, r.DraftedAt);
        return new ScopeView(r.ScopeAsked?.Describe() ?? "what the facts support", asked.Excess, asked.Shortfall, asked.RecordsSought, asked.RecordsBeyondNeed,
            asked.ThirdPartyRecords, identifiers, period?.From, period?.To, r.Narrowed,
            !r.Narrowed && r.State == Core.Procedures.RequestState.UnderReview && s.MayNarrow(r), r.Instrument.ScopeReview?.Source);
    }

    /// <summary>What this request has done for one of its items, in the words a seat reads beside the procedure's state.</summary>
    private static EvidenceFate Fate(RequestRecord r, string item, Simulation s, ViewIndex index)
    {
        var st = s.Evidence(item);
        if (st.Status == EvidenceStatus.Secured && st.SecuredBy == r.Id) return new(item, "in-locker", "in the evidence locker", st.SecuredAt);
        if (st.Status == EvidenceStatus.Lost) return new(item, "lost", $"lost{(st.LostReason is null ? "" : $": {st.LostReason}")}", st.LostAt);
        if (index.Preservation(r.Id, item) is { } p)
        {
            if (p.Lifecycle.Holds) return new(item, "preserved", "preserved", p.Until);
            if (p.Lifecycle.State == Core.Procedures.PreservationState.Lapsed) return new(item, "lapsed", "preservation lapsed", p.Until);
            if (p.Lifecycle.State == Core.Procedures.PreservationState.Released) return new(item, "released", "preservation released", null);
        }
        if (r.State == Core.Procedures.RequestState.NothingFound || (r.Lifecycle.IsClosed && r.IsProduction && !r.Found.Contains(item) && r.State != Core.Procedures.RequestState.Refused
            && r.State != Core.Procedures.RequestState.Withdrawn && st.SecuredBy != r.Id)) return new(item, "nothing-found", "nothing found", r.ClosedAt);
        if (st.Status == EvidenceStatus.Produced && r.IsProduction && r.Found.Contains(item)) return new(item, "produced", "produced, on its way", null);
        if (st.Status == EvidenceStatus.Secured) return new(item, "secured-elsewhere", $"secured through {st.SecuredBy}", st.SecuredAt);
        return new(item, "pending", r.Lifecycle.IsClosed ? "not obtained" : "not yet", null);
    }

    /// <summary>An item in the locker, with what the trial at the end would make of it now: a seat is warned of an item at risk.</summary>
    private static SecuredEvidence Evidence(EvidenceState e, Simulation s)
    {
        var verdict = Core.Admissibility.Trial.Examine(s, e);
        var (terms, uses, wanted) = UseParts(e, s);
        return new(
            e.Item.Id,
            Names.Kebab(e.Item.Category),
            e.SecuredAt,
            e.SecuredBy,
            e.Item.Content.Sha256,
            e.Item.Content.Records,
            [.. e.Custody.Steps.Select(c => new CustodyView(c.Step, c.At, c.Action, c.Holder, c.ContentSha256, c.Via))],
            e.Custody.Verify() is null,
            Names.Kebab(verdict.Verdict),
            verdict.Findings.Count == 0 ? null : verdict.Reason,
            terms, uses, wanted);
    }

    private static PreservationView Preservation(PreservationRecord p) =>
        new(p.Id, p.Request, p.Evidence, p.Instrument.Id, Names.Kebab(p.Lifecycle.State), p.Until, p.Lifecycle.CanExtend);
}
