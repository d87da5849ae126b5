using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.Rules;

namespace Simulator.Core.Engine;

/// <summary>Decisions: checked first, then applied whole, or refused with a reason and nothing changed.</summary>
public sealed partial class Simulation
{
    /// <summary>
    /// Takes a decision at a simulated time, live or replayed: everything due up to and at that instant happens
    /// first, then the decision. This is the one way decisions enter the core (the exercise grain, its recovery and
    /// replay all come through here), which is what lets them agree byte for byte: a decision that scheduled
    /// something for "now" (a freed officer starting the next case) is followed by that, not by a second decision
    /// taken in the same paused instant.
    /// </summary>
    public DecisionResult DecideAt(DateTimeOffset at, Decision decision)
    {
        EnsureStarted();
        RunUntil(at);
        return Decide(decision);
    }

    private DecisionResult EndByTrainer(string? reason)
    {
        if (_ended) return DecisionResult.Rejected("the exercise has already ended");
        Finish(string.IsNullOrWhiteSpace(reason) ? "ended by the trainer" : $"ended by the trainer: {reason.Trim()}");
        return new DecisionResult(true, "the exercise has ended: the reports are final");
    }

    /// <summary>Takes a decision now (policies, and tests that drive the core by hand).</summary>
    public DecisionResult Decide(Decision decision)
    {
        EnsureStarted();
        switch (decision)
        {
            case FireInject fire: return FireInjectOnDemand(fire.Inject);
            case EditInject edit: return ChangeInject(edit);
            case AddInject add: return _ended ? DecisionResult.Rejected("the exercise has ended") : AddAdHocInject(add);
            case HandSeatToEngine hand: return _ended ? DecisionResult.Rejected("the exercise has ended") : HandSeatOver(hand.Seat);
            case GiveSeatBack back: return _ended ? DecisionResult.Rejected("the exercise has ended") : GiveBack(back.Seat);
            case EndExercise end: return EndByTrainer(end.Reason);
            case SendMessageAs write: return _ended ? DecisionResult.Rejected("the exercise has ended") : SendMessageAsTrainer(write);
            // Evaluation and the hot wash go on after the end: that is when most of it comes.
            case RateTask rate: return Rate(rate);
            case RecordObservation observation: return Observe(observation);
            case HotWash hotWash: return AddToHotWash(hotWash);
        }
        if (_ended) return DecisionResult.Rejected("the exercise has ended");
        if (!Seat.TryParse(decision.Actor, out var jurisdiction, out _))
            return DecisionResult.Rejected($"'{decision.Actor}' is not a seat: write STATE/role");
        if (!World.HasJurisdiction(jurisdiction))
            return DecisionResult.Rejected($"no state '{jurisdiction}' in this scenario");
        // A seat the trainer handed to the engine is the policy's until it is given back (policies decide inside their hooks).
        if (_policyDepth == 0 && _handedOver.Contains(decision.Actor))
            return DecisionResult.Rejected($"{decision.Actor} is played by the engine for now: ask the trainer to give it back");
        return decision switch
        {
            SendRequest send => Send(send),
            AnswerRequest answer => AnswerAsReviewer(answer),
            ProvideClarification clarification => ClarifyAsIssuer(clarification),
            ValidateRequest validate => ValidateAsAuthority(validate),
            ReviewConflict review => ReviewConflictAsCourt(review),
            ReviewNotification notified => ReviewNotificationAsEnforcingAuthority(notified),
            ExtendPreservation extend => Extend(extend),
            EscalateRequest escalate => Escalate(escalate),
            EnforceOrder enforce => Enforce(enforce),
            InformPerson inform => Inform(inform),
            WithdrawRequest withdraw => Withdraw(withdraw),
            SendMessage message => SendMessageFromSeat(message),
            Refer refer => ReferWithinState(refer),
            RespondToInject response => Respond(response),
            UseEvidence use => Use(use),
            AskUseConsent ask => AskConsent(ask),
            AnswerUseConsent answer => AnswerConsent(answer),
            _ => DecisionResult.Rejected($"unknown decision {decision.GetType().Name}"),
        };
    }

    internal DecisionResult DecideFromPolicy(Decision decision)
    {
        var result = Decide(decision);
        if (!result.Accepted) _policyRejections.Add($"{JournalJson.Instant(Now)} {decision}: {result.Message}");
        return result;
    }

    /// <summary>
    /// Checks a request exactly as sending it would, without sending: the evidence must be known to the issuing
    /// state and belong to its investigation, the catalogue's rules must allow it, and a template given must be complete.
    /// </summary>
    public RequestCheckResult CheckDraft(SendRequest command)
    {
        var (issuer, role) = Seat.Parse(command.Actor);
        if (UnknownTo(issuer, command.Evidence) is { } unknown)
            return new RequestCheckResult([unknown], [], [], null, null);
        var check = Rules.Check(new RequestDraft(command.Instrument, issuer, role, command.Evidence, command.Emergency, command.RequestedState, command.Urgent));
        if (command.Particulars?.Problems(command.Emergency, UrgentHandlingOf(command), TemplateOf(command)) is { Count: > 0 } incomplete)
            check = check with { Problems = [.. check.Problems, .. incomplete.Select(p => $"the request is incomplete: {p}")] };
        return check;
    }

    /// <summary>The form the request's instrument is written on, or null for the standard template (and an unknown instrument).</summary>
    private RequestTemplate? TemplateOf(SendRequest command) => Catalogue.TryGet(command.Instrument, out var instrument) ? instrument.Template : null;

    /// <summary>The urgent handling a request marked urgent invokes, whose grounds its template must give; null when not marked.</summary>
    private UrgentHandling? UrgentHandlingOf(SendRequest command) =>
        command.Urgent && Catalogue.TryGet(command.Instrument, out var instrument) ? instrument.Urgent : null;

    /// <summary>Every instrument as it stands for a state's evidence: what the console's advisor shows.</summary>
    public IReadOnlyList<InstrumentAdvice> Advise(string issuer, IReadOnlyList<string> evidence, bool emergency) =>
        UnknownTo(issuer, evidence) is { } unknown ? throw new ArgumentException(unknown) : Advisor.Advise(issuer, evidence, emergency);

    /// <summary>Why a state may not ask for this evidence (not discovered, or not its investigation), or null.</summary>
    private string? UnknownTo(string issuer, IReadOnlyList<string> evidence)
    {
        var missing = evidence.Where(e => !World.HasItem(e)).ToList();
        if (missing.Count > 0) return $"no evidence item {string.Join(", ", missing.Take(5).Select(m => Echo.Clip(m)))}{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : "")} in this scenario";
        var notKnown = evidence.Where(e => !_evidence[e].Discovered).ToList();
        if (notKnown.Count > 0) return $"{issuer} does not know of {string.Join(", ", notKnown)} yet: its lead has not been discovered";
        var foreign = evidence.Where(e => World.IncidentOf(World.Item(e)).Investigating != issuer).ToList();
        if (foreign.Count > 0) return $"{issuer} does not investigate the incident {string.Join(", ", foreign)} belong(s) to";
        return null;
    }

    private DecisionResult Send(SendRequest command)
    {
        var (issuer, role) = Seat.Parse(command.Actor);
        if (UnknownTo(issuer, command.Evidence.Where(World.HasItem).ToList()) is { } unknown)
            return DecisionResult.Rejected(unknown);
        var check = Rules.Check(new RequestDraft(command.Instrument, issuer, role, command.Evidence, command.Emergency, command.RequestedState, command.Urgent));
        if (!check.CanSend)
            return DecisionResult.Rejected(string.Join("; ", check.Problems));
        if (command.Particulars?.Problems(command.Emergency, UrgentHandlingOf(command), TemplateOf(command)) is { Count: > 0 } incomplete)
            return DecisionResult.Rejected($"the request is incomplete: {string.Join("; ", incomplete)}");

        var instrument = Catalogue[command.Instrument];
        var id = $"req-{_requests.Count + 1:000}";
        var items = command.Evidence.Distinct().Select(World.Item).ToList();
        var assessment = ScopeAssessment.Of(items, World.Lead, command.Scope, Now);
        var record = new RequestRecord
        {
            Id = id,
            Instrument = instrument,
            Issuer = issuer,
            IssuerRole = role,
            RequestedState = check.RequestedState!,
            Provider = World.Provider(check.Provider!),
            Items = items,
            Emergency = command.Emergency,
            Urgent = command.Urgent,
            Lifecycle = new RequestLifecycle(command.Emergency),
            Random = _random.Derive(id),
            DraftedAt = Now,
            Particulars = command.Particulars,
            ScopeAsked = command.Scope,
            Minimise = command.Minimise,
            Assessment = assessment,
            AssessmentAsked = assessment,
            Validation = RequestRules.ValidationFor(instrument, role, items.Select(i => i.Category).Distinct().ToList(), command.Emergency),
        };
        _requests.Add(record);
        _requestsById[id] = record;
        var deadline = instrument.DeadlineFor(items.Select(i => i.Category), command.Emergency);
        Record(new DecisionTaken(command.Actor, "send-request", id, instrument.Id));
        Record(new RequestDrafted(id, instrument.Id, command.Actor, record.RequestedState, record.Provider.Id,
            items.Select(i => i.Id).ToList(), items.Select(i => i.Category).Distinct().ToList(), command.Emergency,
            deadline is null ? null : DurationText.Format(deadline.Value), command.Particulars, command.Urgent, command.Scope, command.Minimise));
        Transition(record, RequestTrigger.Check, command.Actor);
        if (IsHuman(command.Actor))
            Dispatch(record);
        else
        {
            var drafting = instrument.Timing.Drafting.Draw(record.Random, CapabilityFactor(issuer) * (command.Emergency ? Catalogue.Figures.EmergencySpeedFactor : 1));
            Step(record, drafting, () => Dispatch(record));
        }
        var validation = record.Validation is { } need ? $"; {need.Describe(issuer)}" : "";
        return new DecisionResult(true, $"{id} drafted and checked: {instrument.Name} to {record.RequestedState} for {string.Join(", ", command.Evidence)}{validation}", id);
    }

    private DecisionResult AnswerAsReviewer(AnswerRequest command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        var reviewer = ReviewerSeat(r);
        if (reviewer is null || reviewer != command.Actor)
            return DecisionResult.Rejected($"{command.Actor} may not answer {r.Id}: it is for {reviewer ?? "the provider " + r.Provider.Id}");
        if (r.State != RequestState.UnderReview)
            return DecisionResult.Rejected($"{r.Id} is {Names.Kebab(r.State)}, not under review: there is nothing to answer yet");
        if (command.Answer is Answer.Approve or Answer.Narrow && ChecklistProblem(r, command, null) is { } notConfirmed)
            return DecisionResult.Rejected(notConfirmed);
        if (command.Answer == Answer.Narrow && NarrowingProblem(r) is { } cannotNarrow)
            return DecisionResult.Rejected(cannotNarrow);
        if (command.Conditions is { Count: > 0 } conditions)
        {
            if (command.Answer is not (Answer.Approve or Answer.Narrow))
                return DecisionResult.Rejected("conditions: conditions are attached to an approval: approve or narrow to attach them");
            if (ConditionsProblem(r, conditions) is { } cannotAttach) return DecisionResult.Rejected(cannotAttach);
        }
        switch (command.Answer)
        {
            case Answer.Approve:
                Record(new DecisionTaken(command.Actor, "approve", r.Id, command.Note));
                RecordReview(r, command);
                AttachConditions(r, command.Conditions ?? [], command.Actor);
                Transition(r, RequestTrigger.Approve, command.Actor);
                Execute(r);
                break;
            case Answer.Narrow:
                Record(new DecisionTaken(command.Actor, "narrow", r.Id, command.Note));
                RecordReview(r, command);
                Narrow(r, command.Actor);
                AttachConditions(r, command.Conditions ?? [], command.Actor);
                Transition(r, RequestTrigger.Approve, command.Actor);
                Execute(r);
                break;
            case Answer.Refuse:
                // Whether the facts support a ground is the trainee's judgement; whether the ground is open to the
                // state at all is law: the reviewer's kind, a reservation where one is required (Budapest Art. 29(4)),
                // the state's own dual-criminality law, and the exceptions (Art. 29(4): not for offences under Arts. 2-11).
                var reviewerState = World.Jurisdiction(r.RequestedState);
                var open = GroundsOpenToReviewer(r);
                var ground = open.FirstOrDefault(g => g.Id == command.Ground);
                if (ground is null)
                {
                    var closed = r.Instrument.RefusalGrounds.FirstOrDefault(g => g.Id == command.Ground);
                    var why = closed is null ? $"'{command.Ground}' is not a refusal ground of {r.Instrument.Id}"
                        : closed.By != Reviewer.RequestedState || closed.When == RefusalCondition.ProviderPolicy ? $"'{closed.Id}' is not for the requested state to invoke on {r.Instrument.Id}"
                        : closed.When == RefusalCondition.OverBroad && reviewerState.RefusesOverBroad is not null ? $"'{closed.Id}' does not apply: {r.Id} asks only for what its facts support"
                        : Core.Rules.RequestRules.GroundClosed(closed, reviewerState, World.IncidentOf(r.Items[0]).Offence, r.Items.Select(i => i.Category))!;
                    return DecisionResult.Rejected($"{why}; grounds open to {r.RequestedState}: {(open.Count == 0 ? "none" : string.Join(", ", open.Select(g => g.Id)))}");
                }
                if (ChecklistProblem(r, command, ground) is { } contradicted) return DecisionResult.Rejected(contradicted);
                Record(new DecisionTaken(command.Actor, "refuse", r.Id, ground.Id));
                RecordReview(r, command);
                Refuse(r, ground.Id, ground.Description, SourceOf(r, ground, reviewerState), command.Actor);
                break;
            case Answer.AskClarification:
                Record(new DecisionTaken(command.Actor, "ask-clarification", r.Id, command.Note));
                RecordReview(r, command);
                AskClarification(r, command.Actor, command.Note ?? "please complete the request");
                break;
        }
        return new DecisionResult(true, $"{r.Id} is now {Names.Kebab(r.State)}", r.Id);
    }

    /// <summary>
    /// The refusal grounds the requested state may invoke on a request: those of the instrument for the requested state
    /// (not the provider's or the enforcing state's), less those the law keeps from it on this offence and data
    /// (<see cref="Core.Rules.RequestRules.GroundClosed"/>).
    /// </summary>
    public IReadOnlyList<RefusalGround> GroundsOpenToReviewer(RequestRecord r)
    {
        var state = World.Jurisdiction(r.RequestedState);
        var offence = World.IncidentOf(r.Items[0]).Offence;
        // A fishing expedition is a fact of the request, not a judgement: the ground is open only against one that is over-broad.
        return r.Instrument.RefusalGrounds.Where(g => g.By == Reviewer.RequestedState && g.When != RefusalCondition.ProviderPolicy
            && Core.Rules.RequestRules.GroundClosed(g, state, offence, r.Items.Select(i => i.Category)) is null
            && (g.When != RefusalCondition.OverBroad || r.Assessment.OverBroad)).ToList();
    }

    private DecisionResult ClarifyAsIssuer(ProvideClarification command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        if (Seat.Parse(command.Actor).Jurisdiction != r.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not clarify {r.Id}: it was sent by {r.IssuerSeat}");
        if (r.State != RequestState.AwaitingClarification)
            return DecisionResult.Rejected($"{r.Id} is {Names.Kebab(r.State)}: no clarification was asked");
        Record(new DecisionTaken(command.Actor, "clarify", r.Id, command.Note));
        Clarify(r, command.Actor);
        return new DecisionResult(true, $"{r.Id} is back under review", r.Id);
    }

    private DecisionResult Escalate(EscalateRequest command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        if (Seat.Parse(command.Actor).Jurisdiction != r.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not escalate {r.Id}: it was sent by {r.IssuerSeat}");
        if (!r.Lifecycle.CanFire(RequestTrigger.Escalate) || !r.Escalation.CanFire(EscalationTrigger.Escalate))
            return DecisionResult.Rejected($"{r.Id} is {Names.Kebab(r.State)}{(r.Escalation.State == EscalationState.Escalated ? " and already escalated" : "")}: it cannot be escalated now");
        Record(new DecisionTaken(command.Actor, "escalate", r.Id, null));
        r.Lifecycle.Fire(RequestTrigger.Escalate);
        r.Escalation.Fire(EscalationTrigger.Escalate);
        Record(new RequestEscalated(r.Id, command.Actor, Names.Kebab(r.State)));
        Accelerate(r);
        return new DecisionResult(true, $"{r.Id} escalated: it moves to the priority lane", r.Id);
    }

    private DecisionResult Withdraw(WithdrawRequest command)
    {
        if (!_requestsById.TryGetValue(command.Request, out var r))
            return DecisionResult.Rejected($"no request '{command.Request}'");
        if (Seat.Parse(command.Actor).Jurisdiction != r.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not withdraw {r.Id}: it was sent by {r.IssuerSeat}");
        if (!r.Lifecycle.CanFire(RequestTrigger.Withdraw))
            return DecisionResult.Rejected($"{r.Id} is {Names.Kebab(r.State)}: it can no longer be withdrawn");
        Record(new DecisionTaken(command.Actor, "withdraw", r.Id, null));
        Transition(r, RequestTrigger.Withdraw, command.Actor);
        Close(r);
        return new DecisionResult(true, $"{r.Id} withdrawn", r.Id);
    }

    private DecisionResult Extend(ExtendPreservation command)
    {
        if (!_preservations.TryGetValue(command.Preservation, out var p))
            return DecisionResult.Rejected($"no preservation '{command.Preservation}'");
        var request = _requestsById[p.Request];
        var (jurisdiction, _) = Seat.Parse(command.Actor);
        if (jurisdiction != request.Issuer)
            return DecisionResult.Rejected($"{command.Actor} may not extend {p.Id}: it was requested by {request.Issuer}");
        if (p.Terms.Extension is null)
            return DecisionResult.Rejected($"{p.Instrument.Id} allows no extension ({p.Instrument.LegalBasis})");
        if (!p.Lifecycle.CanExtend)
            return DecisionResult.Rejected(p.Lifecycle.Holds
                ? $"{p.Id} has used its {p.Lifecycle.MaxExtensions} extension(s)"
                : $"{p.Id} is {Names.Kebab(p.Lifecycle.State)} and can no longer be extended");
        var from = p.Lifecycle.State;
        p.Lifecycle.Fire(PreservationTrigger.Extend);
        p.Until = p.Until!.Value + p.Terms.Extension.Value;
        Record(new DecisionTaken(command.Actor, "extend-preservation", request.Id, p.Id));
        Record(new PreservationStateChanged(p.Id, p.Request, p.Evidence, Names.Kebab(from), Names.Kebab(p.Lifecycle.State), p.Until));
        ScheduleLapse(p);
        return new DecisionResult(true, $"{p.Id} extended until {JournalJson.Instant(p.Until.Value)}", request.Id);
    }
}
