using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>
/// Requests on their way: sent, received, queued and reviewed by the requested side, executed by the holder,
/// delivered. Who receives and reviews depends on the instrument's channel; how long each step takes is drawn
/// from the catalogue's timings, the authorities' capability and the provider's response times.
/// </summary>
public sealed partial class Simulation
{
    private void Transition(RequestRecord r, RequestTrigger trigger, string by)
    {
        var from = r.State;
        r.Lifecycle.Fire(trigger);
        Segment(r);
        Record(new RequestStateChanged(r.Id, Names.Kebab(from), Names.Kebab(r.State), Names.Kebab(trigger), by));
    }

    private void Segment(RequestRecord r)
    {
        if (r.Stages.Count > 0) r.Stages[^1].To = Now;
        if (!r.Lifecycle.IsClosed) r.Stages.Add(new StageSegment(r.State, AuthorityFor(r), Now));
    }

    /// <summary>Who holds the request in its current state, for "where the time went".</summary>
    private string AuthorityFor(RequestRecord r) => r.State switch
    {
        RequestState.Draft or RequestState.Checked or RequestState.AwaitingClarification => r.IssuerSeat,
        RequestState.AwaitingValidation => r.ValidatorSeat ?? r.IssuerSeat,
        RequestState.Sent => "in transit",
        RequestState.Received or RequestState.UnderReview => ReviewOfficeId(r),
        RequestState.Approved or RequestState.Executing => $"provider/{r.Provider.Id}",
        _ => $"return via {ReviewOfficeId(r)}",
    };

    /// <summary>Schedules the request's next step; any step scheduled before is superseded.</summary>
    private void Step(RequestRecord r, TimeSpan delay, Action step)
    {
        var version = ++r.StepVersion;
        r.StepDueAt = Now + delay;
        r.StepStartedAt = Now;
        r.PendingStep = step;
        After(delay, () =>
        {
            if (r.StepVersion != version) return;
            r.PendingStep = null;
            step();
        });
    }

    /// <summary>Escalation: a waiting case jumps the queue; the work left on the current step shrinks.</summary>
    private void Accelerate(RequestRecord r)
    {
        if (r.Office is { } officeId && _offices.TryGetValue(officeId, out var office))
        {
            var waiting = office.Waiting.FirstOrDefault(w => w.Request == r);
            if (waiting is not null && waiting.Case.CanFire(CaseTrigger.Prioritise)) waiting.Case.Fire(CaseTrigger.Prioritise);
        }
        // A court reviewing a conflict of obligations (REG Art. 17) is not hurried by the issuing side's escalation.
        if (r.PendingStep is { } step && r.StepDueAt is { } due && due > Now && !(r.ConflictRaised && r.State == RequestState.UnderReview))
        {
            var left = TimeSpan.FromMinutes(Math.Ceiling((due - Now).TotalMinutes * Catalogue.Figures.EscalationFactor));
            Step(r, left, step);
        }
    }

    /// <summary>The share of the usual transmission and return times a request takes: an emergency's (the catalogue's
    /// figure), an urgent request's by expedited means (ETS185 Art. 25(3)), or all of it.</summary>
    private double SpeedFactor(RequestRecord r) =>
        r.Emergency ? Catalogue.Figures.EmergencySpeedFactor : r.Urgent ? UrgentSpeedFactor(r) : 1;

    /// <summary>An urgent request's share of the usual times, never below an emergency's: an emergency is handled at least as fast.</summary>
    private double UrgentSpeedFactor(RequestRecord r) => Math.Max(r.Instrument.Urgent!.SpeedFactor, Catalogue.Figures.EmergencySpeedFactor);

    /// <summary>Whether a request on the central-authorities channel first waits the requested state's backlog: not one the
    /// instrument sends past it, nor an urgent one answered on an expedited basis (ETS185 Art. 31(3)).</summary>
    private static bool WaitsInBacklog(RequestRecord r) =>
        r.Instrument.WaitsInBacklog && !(r.Urgent && r.Instrument.Urgent is { WaitsInBacklog: false });

    private void SendNow(RequestRecord r)
    {
        Transition(r, RequestTrigger.Send, r.IssuerSeat);
        r.SentAt = Now;
        AssessScopeOnSending(r);
        StartPeriods(r, CountedFrom.Sending);
        var transmission = r.Instrument.Timing.Transmission.Draw(r.Random, SpeedFactor(r));
        Step(r, transmission, () => Receive(r));
    }

    /// <summary>
    /// Starts the deadline and the enforcing state's objection window that run from this moment: from sending in
    /// catalogues written before the law's counting was data, from receipt where the catalogue says so (REG Art. 10).
    /// </summary>
    private void StartPeriods(RequestRecord r, CountedFrom moment)
    {
        var deadline = r.Instrument.DeadlineFor(r.Items.Select(i => i.Category), r.Emergency);
        if (deadline is not null && deadline.From == moment)
            WatchDeadline(r, deadline.EndsFrom(Now, World.Jurisdiction(r.RequestedState).Calendar));
        if (r.Instrument.Notification is { } notification && r.RequestedState != r.Issuer
            && r.Items.Any(i => notification.Categories.Contains(i.Category))
            && (r.Emergency ? notification.EmergencyObjectionWindow : notification.ObjectionWindow).From == moment)
        {
            if (notification.NotRequiredFor(World.IncidentOf(r.Items[0]).Offence, r.Issuer))
                Record(new NotificationNotRequired(r.Id, r.RequestedState, notification.DomesticCaseSource!));
            else
                NotifyEnforcingState(r, notification);
        }
    }

    private void WatchDeadline(RequestRecord r, DateTimeOffset deadline)
    {
        r.Deadline = deadline;
        var warnAt = Now + (deadline - Now) * Catalogue.Figures.DeadlineWarningShare;
        At(warnAt, () =>
        {
            // Only a request still waiting on someone can be at risk; once the holder has answered, the deadline is met.
            // A deadline suspended meanwhile (REG Art. 17(3)) no longer runs.
            if (r.Deadline != deadline || r.RespondedAt is not null || !r.Lifecycle.CanFire(RequestTrigger.Escalate) || !r.Escalation.CanFire(EscalationTrigger.Warn)) return;
            r.Escalation.Fire(EscalationTrigger.Warn);
            Record(new DeadlineAtRisk(r.Id, deadline));
            WithPolicy(r.Issuer, (p, c) => p.OnDeadlineAtRisk(c, r));
        });
        At(deadline, () =>
        {
            if (r.Deadline == deadline && r.RespondedAt is null && r.Escalation.CanFire(EscalationTrigger.Miss)) r.Escalation.Fire(EscalationTrigger.Miss);
            if (r.Deadline == deadline && r.RespondedAt is null && !r.Lifecycle.IsClosed) MarkInDefault(r);
        });
    }

    private void NotifyEnforcingState(RequestRecord r, EnforcingStateNotification notification)
    {
        var enforcing = World.Jurisdiction(r.RequestedState);
        var windowEnds = (r.Emergency ? notification.EmergencyObjectionWindow : notification.ObjectionWindow).EndsFrom(Now, enforcing.Calendar);
        r.NotificationWindowEnds = windowEnds;
        r.NotificationReview = NotificationReview.Open;
        Record(new EnforcingStateNotified(r.Id, r.RequestedState, windowEnds));
        // A trainee holding the enforcing authority's seat reviews the order themselves (from rules 2026.12.13); else the engine does.
        if (!EnforcingAuthorityIsTrainee(r)) ReviewByEngineEnforcingAuthority(r, notification);
        At(windowEnds, () =>
        {
            if (r.NotificationReview == NotificationReview.Open) r.NotificationReview = NotificationReview.Passed;
            if (r.AwaitingWindowToDeliver && !r.Lifecycle.IsClosed) { r.AwaitingWindowToDeliver = false; Deliver(r); }
        });
    }

    private static bool GroundHolds(RequestRecord r, RefusalGround g, Jurisdiction issuer, Jurisdiction reviewer, Offence offence) =>
        Core.Rules.RequestRules.GroundHolds(g, issuer, reviewer, offence, r.Items.Select(i => i.Category), r.Assessment.OverBroad);

    /// <summary>An emergency order the notification does not hold back (REG Art. 8(4), 10(4)).</summary>
    private static bool TransfersAtOnce(RequestRecord r) => r.Emergency && r.Instrument.Notification is { EmergencyTransferAtOnce: true };

    /// <summary>
    /// The enforcing state objected within the emergency window to data already transmitted: the issuing authority must
    /// erase it or restrict its use (REG Art. 10(4)). The items leave the case, with the reason.
    /// </summary>
    private void RestrictUse(RequestRecord r, RefusalGround ground, EnforcingStateNotification notification, string by)
    {
        var source = notification.EmergencyTransferSource ?? notification.Source;
        Record(new DataUseObjected(r.Id, ground.Id, ground.Description, ground.Source, by, source));
        foreach (var id in r.Found)
        {
            var state = _evidence[id];
            if (state.Status != EvidenceStatus.Secured || state.SecuredBy != r.Id) continue;
            Lose(state, $"erased after transmission: {by} objected to its use on ground {ground.Id} ({ground.Source}) within the emergency window ({source})", $"{r.Id} objected to: {ground.Id}");
        }
    }

    private void Receive(RequestRecord r)
    {
        r.ReceivedAt = Now;
        StartPeriods(r, CountedFrom.Receipt);
        r.Office = ReviewOfficeId(r);
        Transition(r, RequestTrigger.Receive, r.Office);
        if (r.IsProduction) ConvertPreservations(r);
        if (r.Instrument.Channel == Channel.Unilateral)
        {
            // Budapest Art. 32: no one to ask; the issuing state reaches the public or consented data itself.
            Transition(r, RequestTrigger.StartReview, r.IssuerSeat);
            Transition(r, RequestTrigger.Approve, r.IssuerSeat);
            Execute(r);
            return;
        }
        // An emergency skips the review, unless the instrument has the requested state decide on it first (CETS 224 Art. 9):
        // then it is reviewed in the instrument's (short) review time, at the front of the office's queue.
        if (r.Emergency && r.Instrument.SupportsEmergency && r.Instrument.Channel != Channel.CentralAuthorities && !IsHuman(ReviewerSeat(r) ?? "")
            && (r.Instrument.EmergencyReviewSource is null || ReviewerIsProvider(r)))
        {
            if (ReviewerIsProvider(r) && ObjectsToConflict(r)) return;
            // A voluntary emergency channel (18 USC 2702(b)(8)) still leaves the provider free to say no.
            if (ReviewerIsProvider(r) && !r.Instrument.Binding && !ProviderAgrees(r))
            {
                RefuseOnProviderPolicy(r);
                return;
            }
            Transition(r, RequestTrigger.FastTrack, r.Office);
            Execute(r);
            return;
        }
        var requested = World.Jurisdiction(r.RequestedState);
        var wait = r.Instrument.Channel switch
        {
            // The backlog a central authority already carries before this request reaches a desk.
            Channel.CentralAuthorities when WaitsInBacklog(r) => requested.CentralAuthority.QueueWait.Draw(r.Random, CapabilityFactor(requested.Id)),
            Channel.JointTeam => r.Instrument.Timing.Setup?.Draw(r.Random, CapabilityFactor(requested.Id)) ?? TimeSpan.Zero,
            _ => TimeSpan.Zero,
        };
        Step(r, wait, () => Review(r, r.Instrument.Timing.Review));
    }

    private void Review(RequestRecord r, DurationRange work)
    {
        var office = OfficeFor(r);
        var factor = (ReviewerIsProvider(r) ? 1 : CapabilityFactor(r.RequestedState)) * (r.Urgent ? UrgentSpeedFactor(r) : 1);
        Enqueue(office, r, work.Draw(r.Random, factor),
            onStart: () =>
            {
                if (r.State != RequestState.UnderReview) Transition(r, RequestTrigger.StartReview, office.Id);
                if (ReviewerIsProvider(r) && r.ProviderCase is null)
                {
                    r.ProviderCase = new ProviderHandling();
                    r.ProviderCase.Fire(ProviderTrigger.Check);
                }
            },
            onDone: () => Decide(r));
    }

    private void Enqueue(Office office, RequestRecord r, TimeSpan work, Action onStart, Action onDone)
    {
        // A trainee may answer before the officer's working time is up: that officer is free again.
        FreeOfficer(r);
        r.Office = office.Id;
        var waiting = new Office.WaitingCase(new QueueCase(r.Id, r.Emergency || r.Escalation.State == EscalationState.Escalated), r, work, onStart, onDone);
        if (office.Busy < office.Officers) StartCase(office, waiting);
        else office.Waiting.Add(waiting);
    }

    private void StartCase(Office office, Office.WaitingCase c)
    {
        office.Busy++;
        c.Request.ActiveOffice = office;
        c.Case.Fire(CaseTrigger.Assign);
        var start = office.Calendar?.NextOpening(Now) ?? Now;
        var end = AnsweredAt(office, start, c.Work);
        (c.Request.CaseStartsAt, c.Request.CaseEndsAt) = (start, end);
        Step(c.Request, start - Now, () =>
        {
            c.OnStart();
            Step(c.Request, end - start, () =>
            {
                c.Case.Fire(CaseTrigger.Complete);
                office.CasesHandled++;
                FreeOfficer(c.Request);
                if (!c.Request.Lifecycle.IsClosed) c.OnDone();
            });
        });
    }

    /// <summary>
    /// When a case started at <paramref name="start"/> is answered: after its work (elapsed time, as the catalogue's
    /// durations are), and, from rules 2026.12.5, only when its office is open: a Monday-to-Friday central authority
    /// does not approve on a Saturday (<see cref="SimulationOptions.AnswersInOfficeHours"/>).
    /// </summary>
    private DateTimeOffset AnsweredAt(Office office, DateTimeOffset start, TimeSpan work) =>
        Options.AnswersInOfficeHours && office.Calendar is { } calendar ? calendar.NextOpening(start + work) : start + work;

    private void FreeOfficer(RequestRecord r)
    {
        if (r.ActiveOffice is not { } office) return;
        r.ActiveOffice = null;
        office.Busy--;
        if (office.TakeNext() is { } next) StartCase(office, next);
    }

    private void Decide(RequestRecord r)
    {
        if (r.State != RequestState.UnderReview) return;
        if (ReviewerSeat(r) is { } seat && IsHuman(seat)) return; // a trainee answers with AnswerRequest
        var issuer = World.Jurisdiction(r.Issuer);
        var reviewer = World.Jurisdiction(r.RequestedState);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        var by = r.Office ?? ReviewOfficeId(r);

        if (!ReviewerIsProvider(r) && !r.Emergency && r.Lifecycle.Clarifications < 2 && r.Random.Chance(ClarificationChance(reviewer.Capability)))
        {
            AskClarification(r, by, "the facts linking the data to the offence need to be set out in more detail");
            return;
        }
        if (ReviewerIsProvider(r) && ObjectsToConflict(r)) return;
        var reviewerKind = ReviewerIsProvider(r) ? Reviewer.Provider : Reviewer.RequestedState;
        var ground = r.Instrument.RefusalGrounds.FirstOrDefault(g => g.By == reviewerKind && g.When != RefusalCondition.ProviderPolicy && GroundHolds(r, g, issuer, reviewer, offence));
        if (ground is not null)
        {
            Refuse(r, ground.Id, ground.Description, SourceOf(r, ground, reviewer), by);
            return;
        }
        if (ReviewerIsProvider(r) && !ProviderAgrees(r))
        {
            r.ProviderCase?.Fire(ProviderTrigger.Decline);
            RefuseOnProviderPolicy(r);
            return;
        }
        if (!ReviewerIsProvider(r) && NarrowsOnReview(r)) Narrow(r, by);
        if (!ReviewerIsProvider(r) && reviewer.AttachesConditions is { Count: > 0 } practice) AttachConditions(r, practice, by);
        Transition(r, RequestTrigger.Approve, by);
        Execute(r);
    }

    /// <summary>The article a refusal rests on: the catalogue's, with the state's own law where the ground is open by it (a fishing expedition, a restricted measure).</summary>
    private string SourceOf(RequestRecord r, RefusalGround ground, Jurisdiction state) => ground.When switch
    {
        RefusalCondition.OverBroad when state.RefusesOverBroad is { } own => $"{ground.Source}; the law of {state.Id}: {own}",
        RefusalCondition.MeasureRestricted when state.RestrictionOn(World.IncidentOf(r.Items[0]).Offence, r.Items.Select(i => i.Category)) is { } restriction
            => $"{ground.Source}; the law of {state.Id}: {restriction.Law}",
        _ => ground.Source,
    };

    private void RefuseOnProviderPolicy(RequestRecord r)
    {
        var ground = r.Instrument.RefusalGrounds.FirstOrDefault(g => g.When == RefusalCondition.ProviderPolicy);
        Refuse(r, ground?.Id ?? "provider-declines", ground?.Description ?? "the provider declined under its own policy",
            ground?.Source ?? "provider policy", $"provider/{r.Provider.Id}");
    }

    /// <summary>What a provider does with requests it is not compelled to answer, from its encoded policy.</summary>
    private bool ProviderAgrees(RequestRecord r)
    {
        var policy = r.Provider.Policy;
        if (r.Instrument.Channel == Channel.Domestic || r.Instrument.Binding) return true;
        if (r.Emergency) return r.Random.Chance(policy.EmergencyDisclosureRate);
        if (r.Instrument.Purpose == InstrumentPurpose.Preservation) return policy.VoluntaryPreservation;
        if (r.Instrument.Preconditions.Any(p => p.Capability == "voluntary-disclosure"))
            return r.Items.All(i => policy.VoluntaryDisclosure.Contains(i.Category));
        return r.Random.Chance(policy.ForeignOrderComplianceRate);
    }

    private double ClarificationChance(Capability c) => c switch
    {
        Capability.High => Catalogue.Figures.ClarificationChanceHigh,
        Capability.Low => Catalogue.Figures.ClarificationChanceLow,
        _ => Catalogue.Figures.ClarificationChanceMedium,
    };

    private void AskClarification(RequestRecord r, string by, string question)
    {
        Transition(r, RequestTrigger.AskClarification, by);
        FreeOfficer(r);
        Record(new ClarificationRequested(r.Id, by, question));
        if (!IsHuman(r.IssuerSeat))
        {
            var answer = r.Instrument.Timing.Drafting.Draw(r.Random, Catalogue.Figures.ClarificationAnswerShare * CapabilityFactor(r.Issuer));
            Step(r, answer, () => Clarify(r, r.IssuerSeat));
        }
    }

    private void Clarify(RequestRecord r, string by)
    {
        Transition(r, RequestTrigger.Clarify, by);
        // The reviewer reads the answer: a shorter second review, at the same desk.
        var work = r.Instrument.Timing.Review;
        Review(r, new DurationRange(work.Min / 2, work.Mode / 2, work.Max / 2));
    }

    private void Refuse(RequestRecord r, string ground, string description, string source, string by)
    {
        r.StepVersion++;
        r.PendingStep = null;
        r.RefusalGround = ground;
        r.RefusalSource = source;
        r.RefusedBy = by;
        var from = r.State;
        r.Lifecycle.Refuse(ground);
        Segment(r);
        Record(new RequestStateChanged(r.Id, Names.Kebab(from), Names.Kebab(r.State), Names.Kebab(RequestTrigger.Refuse), by));
        Record(new RequestRefused(r.Id, ground, description, source, by));
        ReturnCopies(r, "it was refused", $"{r.Id} refused: {ground}");
        Close(r);
    }

    /// <summary>Copies made for an order that will not be transferred stay with the holder: the data is back to what the holder's retention allows.</summary>
    private void ReturnCopies(RequestRecord r, string why, string stage)
    {
        foreach (var id in r.Found)
        {
            var state = _evidence[id];
            if (state.Status != EvidenceStatus.Produced || _requests.Any(o => o != r && o.Found.Contains(id) && !o.Lifecycle.IsClosed)) continue;
            state.Status = state.IsHeld ? EvidenceStatus.Preserved : EvidenceStatus.Available;
            if (!state.IsHeld && Now >= state.Item.ExpiresAt)
                Lose(state, $"retention had expired while {r.Id} ({r.Instrument.Id}) was pending, and {why}", stage);
        }
    }

    private void Execute(RequestRecord r)
    {
        Transition(r, RequestTrigger.Execute, $"provider/{r.Provider.Id}");
        if (r.ProviderCase is null)
        {
            // Ordered by its own state's authority (or reached unilaterally): the holder checks, then must act.
            r.ProviderCase = new ProviderHandling();
            r.ProviderCase.Fire(ProviderTrigger.Check);
        }
        r.ProviderCase.Fire(ProviderTrigger.Accept);
        var p = r.Provider;
        var work = r.Instrument.Purpose switch
        {
            InstrumentPurpose.Preservation => p.PreservationTime.Draw(r.Random),
            _ when r.Emergency => p.EmergencyResponseTime.Draw(r.Random),
            InstrumentPurpose.PathDisclosure => r.Instrument.Timing.Review.Draw(r.Random, CapabilityFactor(r.RequestedState)),
            _ => p.ResponseTime.Draw(r.Random),
        };
        if (r.Instrument.Channel == Channel.Unilateral) work = r.Instrument.Timing.Review.Draw(r.Random);
        // A binding order with a deadline is usually met: the provider fits its work into what is left.
        if (r.Instrument.Binding && r.Deadline is { } deadline && Now + work > deadline && r.Random.Chance(p.Policy.BindingOrderComplianceRate))
            work = deadline > Now ? (deadline - Now) * Catalogue.Figures.BindingDeadlineShare : TimeSpan.Zero;
        // Minimised production: the holder redacts third parties' records before transfer, one at a time.
        if (r.Minimise && r.IsProduction) work += Catalogue.Figures.RedactionTime * r.Assessment.ThirdPartyRecords;
        var office = ProviderOffice(p);
        Enqueue(office, r, work, onStart: () => { }, onDone: () => Complete(r));
    }

    private void Complete(RequestRecord r)
    {
        foreach (var item in r.Items)
        {
            var state = _evidence[item.Id];
            if (r.Withheld.Contains(item.Category))
            {
                Record(new EvidenceProduced(r.Id, item.Id, false, $"withheld: the court lifted the order as to {Names.Kebab(item.Category)} data, which a third country's law bars the holder from disclosing (REG Art. 17)"));
                continue;
            }
            if (state.IsGone)
            {
                Record(new EvidenceProduced(r.Id, item.Id, false, $"no longer held: {state.LostReason}"));
                continue;
            }
            if (!state.Created)
            {
                Record(new EvidenceProduced(r.Id, item.Id, false, $"does not exist yet: the holder creates it at {JournalJson.Instant(item.CreatedAt)}"));
                continue;
            }
            switch (r.Instrument.Purpose)
            {
                case InstrumentPurpose.Preservation:
                    Preserve(r, state);
                    r.Found.Add(item.Id);
                    if (r.Instrument.DisclosesPath && item.Category == DataCategory.Traffic && item.Reveals.Count > 0)
                        DisclosePath(r, item);
                    break;
                case InstrumentPurpose.PathDisclosure:
                    r.Found.Add(item.Id);
                    DisclosePath(r, item);
                    break;
                default:
                    // Frozen data is there to be found; otherwise the holder may find nothing (its produce rate).
                    if (state.IsCopied || state.IsHeld || r.Random.Chance(r.Provider.ProduceRate))
                    {
                        if (!state.IsCopied) state.Status = EvidenceStatus.Produced;
                        r.Found.Add(item.Id);
                        Record(new EvidenceProduced(r.Id, item.Id, true, null));
                        RecordCustody(state, $"exported by the holder for {r.Id}", $"provider/{item.Holder}", r.Id);
                    }
                    else
                    {
                        state.NothingFound = true;
                        Record(new EvidenceProduced(r.Id, item.Id, false, "the holder found no responsive records"));
                    }
                    break;
            }
        }
        if (r.Minimise && r.IsProduction && r.Found.Count > 0) Redact(r);
        r.RespondedAt = Now;
        if (r.Enforcement?.CanFire(EnforcementTrigger.Comply) == true) r.Enforcement.Fire(EnforcementTrigger.Comply);
        r.ProviderCase!.Fire(r.Found.Count > 0 ? ProviderTrigger.Found : ProviderTrigger.NotFound);
        var trigger = r.Found.Count == r.Items.Count ? RequestTrigger.Produce : r.Found.Count > 0 ? RequestTrigger.ProducePartly : RequestTrigger.FindNothing;
        Transition(r, trigger, $"provider/{r.Provider.Id}");
        if (trigger == RequestTrigger.FindNothing)
        {
            Close(r);
            return;
        }
        var factor = r.Instrument.Channel is Channel.CentralAuthorities or Channel.ContactPoints or Channel.JointTeam ? CapabilityFactor(r.RequestedState) : 1;
        var back = r.Instrument.Timing.Return.Draw(r.Random, factor * SpeedFactor(r));
        Step(r, back, () =>
        {
            if (r.NotificationWindowEnds is { } ends && Now < ends && r.IsProduction && !TransfersAtOnce(r) && !ClearedEarly(r))
                r.AwaitingWindowToDeliver = true; // REG Art. 10(2): transfer only once the objection window has passed
            else
                Deliver(r);
        });
    }

    private void DisclosePath(RequestRecord r, EvidenceItem item)
    {
        Record(new PathDisclosed(r.Id, item.Id, item.Reveals));
        foreach (var lead in item.Reveals)
            DiscoverLead(lead, $"path disclosed from {item.Id} under {r.Instrument.Id} ({r.Instrument.LegalBasis})");
    }

    private void Deliver(RequestRecord r)
    {
        Transition(r, RequestTrigger.Deliver, ReviewOfficeId(r));
        if (r.IsProduction)
        {
            foreach (var id in r.Found)
            {
                var state = _evidence[id];
                if (state.Status == EvidenceStatus.Secured) continue;
                RecordCustody(state, $"transferred through {Names.Kebab(r.Instrument.Channel)} ({r.Instrument.Id})", ReviewOfficeId(r), r.Id);
                RecordCustody(state, "received by the requesting state", r.IssuerSeat, r.Id);
                state.Status = EvidenceStatus.Secured;
                state.SecuredAt = Now;
                state.SecuredBy = r.Id;
                Record(new EvidenceDelivered(r.Id, id, r.IssuerSeat, state.Item.Content.Sha256));
            }
        }
        Close(r);
        MakeInformingDue(r);
        if (r.IsProduction)
        {
            foreach (var id in r.Found)
                foreach (var lead in World.Item(id).Reveals)
                    DiscoverLead(lead, $"revealed by {id}, obtained through {r.Id}");
        }
    }

    private void Close(RequestRecord r)
    {
        r.ClosedAt = Now;
        r.StepVersion++;
        r.PendingStep = null;
        if (r.Office is { } officeId && _offices.TryGetValue(officeId, out var office))
            office.Waiting.RemoveAll(w => w.Request == r);
        FreeOfficer(r);
        if (r.Deadline is { } deadline)
        {
            // The deadline binds the holder's answer (REG Art. 10), not the return trip.
            var met = r.RespondedAt is { } answered && answered <= deadline && r.State != RequestState.Refused;
            var trigger = met ? EscalationTrigger.Meet : EscalationTrigger.Miss;
            if (r.Escalation.CanFire(trigger)) r.Escalation.Fire(trigger);
        }
        if (r.IsProduction) SettlePreservations(r);
        WithPolicy(r.Issuer, (p, c) => p.OnRequestClosed(c, r));
    }

    private bool ReviewerIsProvider(RequestRecord r) => r.Instrument.Channel is Channel.DirectToProvider or Channel.Domestic;

    /// <summary>The seat that reviews a request on the requested side, or null where the provider reviews it.</summary>
    public string? ReviewerSeat(RequestRecord r) => r.Instrument.Channel switch
    {
        Channel.CentralAuthorities => Names.Seat(r.RequestedState, AuthorityRole.CentralAuthority),
        Channel.ContactPoints => Names.Seat(r.RequestedState, AuthorityRole.ContactPoint),
        Channel.JointTeam => Names.Seat(r.RequestedState, AuthorityRole.Prosecutor),
        _ => null,
    };

    private string ReviewOfficeId(RequestRecord r) => ReviewerSeat(r) ?? $"provider/{r.Provider.Id}";

    private Office OfficeFor(RequestRecord r)
    {
        if (ReviewerIsProvider(r)) return ProviderOffice(r.Provider);
        var id = ReviewOfficeId(r);
        if (_offices.TryGetValue(id, out var office)) return office;
        var j = World.Jurisdiction(r.RequestedState);
        office = r.Instrument.Channel switch
        {
            Channel.ContactPoints => new Office(id, j.ContactPoint.Officers, j.ContactPoint.Staffing == Staffing.OfficeHours ? j.Calendar : null),
            Channel.CentralAuthorities => new Office(id, j.CentralAuthority.Officers, j.Calendar),
            _ => new Office(id, 2, j.Calendar),
        };
        _offices[id] = office;
        return office;
    }

    private Office ProviderOffice(ServiceProvider p)
    {
        var id = $"provider/{p.Id}";
        if (!_offices.TryGetValue(id, out var office))
            _offices[id] = office = new Office(id, p.Capacity, null);
        return office;
    }
}
