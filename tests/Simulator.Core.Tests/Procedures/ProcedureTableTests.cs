using Simulator.Core.Procedures;

namespace Simulator.Core.Tests.Procedures;

/// <summary>
/// Each procedure machine's whole transition table: from every state, exactly the triggers the procedure allows, each
/// to the state it leads to. A transition added, dropped or pointed elsewhere fails here by name.
/// </summary>
public sealed class ProcedureTableTests
{
    private const RequestState Same = (RequestState)(-1);

    // State -> (trigger -> next state); Same: an internal transition that keeps the state.
    private static readonly Dictionary<RequestState, Dictionary<RequestTrigger, RequestState>> Request = new()
    {
        [RequestState.Draft] = new() { [RequestTrigger.Check] = RequestState.Checked, [RequestTrigger.Withdraw] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Checked] = new() { [RequestTrigger.Send] = RequestState.Sent, [RequestTrigger.SeekValidation] = RequestState.AwaitingValidation, [RequestTrigger.Withdraw] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.AwaitingValidation] = new() { [RequestTrigger.Validate] = RequestState.Checked, [RequestTrigger.Withdraw] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Sent] = new() { [RequestTrigger.Receive] = RequestState.Received, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.Withdraw] = RequestState.Withdrawn, [RequestTrigger.Escalate] = Same, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Received] = new() { [RequestTrigger.StartReview] = RequestState.UnderReview, [RequestTrigger.FastTrack] = RequestState.Approved, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.Escalate] = Same, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.UnderReview] = new() { [RequestTrigger.Approve] = RequestState.Approved, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.AskClarification] = RequestState.AwaitingClarification, [RequestTrigger.Escalate] = Same, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.AwaitingClarification] = new() { [RequestTrigger.Clarify] = RequestState.UnderReview, [RequestTrigger.Withdraw] = RequestState.Withdrawn, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.Escalate] = Same, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Approved] = new() { [RequestTrigger.Execute] = RequestState.Executing, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Executing] = new() { [RequestTrigger.Produce] = RequestState.Produced, [RequestTrigger.ProducePartly] = RequestState.PartlyProduced, [RequestTrigger.FindNothing] = RequestState.NothingFound, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.Escalate] = Same, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Produced] = new() { [RequestTrigger.Deliver] = RequestState.Delivered, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.PartlyProduced] = new() { [RequestTrigger.Deliver] = RequestState.Delivered, [RequestTrigger.Refuse] = RequestState.Refused, [RequestTrigger.WithdrawUnvalidated] = RequestState.Withdrawn, [RequestTrigger.LapseWithEmergency] = RequestState.Withdrawn },
        [RequestState.Refused] = new(),
        [RequestState.NothingFound] = new(),
        [RequestState.Delivered] = new(),
        [RequestState.Withdrawn] = new(),
    };

    [Fact]
    public void A_request_moves_only_as_the_table_says()
    {
        foreach (var state in Enum.GetValues<RequestState>())
            foreach (var trigger in Enum.GetValues<RequestTrigger>())
            {
                var r = new RequestLifecycle(emergency: true, state);
                var allowed = Request[state].TryGetValue(trigger, out var next);
                Assert.True(allowed == r.CanFire(trigger), $"{state} --{trigger}: expected {(allowed ? "allowed" : "refused")}");
                if (!allowed) continue;
                if (trigger == RequestTrigger.Refuse) r.Refuse("ground"); else r.Fire(trigger);
                Assert.Equal(next == Same ? state : next, r.State);
            }
    }

    [Fact]
    public void Only_an_emergency_is_fast_tracked_and_only_the_closing_states_are_closed()
    {
        Assert.False(new RequestLifecycle(emergency: false, RequestState.Received).CanFire(RequestTrigger.FastTrack));
        Assert.True(new RequestLifecycle(emergency: true, RequestState.Received).Emergency);
        var closed = Enum.GetValues<RequestState>().Where(s => new RequestLifecycle(false, s).IsClosed).ToList();
        Assert.Equal([RequestState.Refused, RequestState.NothingFound, RequestState.Delivered, RequestState.Withdrawn], closed);
    }

    [Fact]
    public void Every_escalation_is_counted_and_every_clarification_asked()
    {
        var r = new RequestLifecycle(false, RequestState.Sent);
        r.Fire(RequestTrigger.Escalate);
        r.Fire(RequestTrigger.Receive);
        r.Fire(RequestTrigger.Escalate);
        r.Fire(RequestTrigger.StartReview);
        r.Fire(RequestTrigger.AskClarification);
        r.Fire(RequestTrigger.Escalate);
        Assert.Equal(3, r.Escalations);
        Assert.Equal(1, r.Clarifications);
        Assert.Null(r.RefusalGround);
        Assert.Throws<InvalidOperationException>(() => r.Fire(RequestTrigger.Refuse));
        r.Refuse("dual-criminality");
        Assert.Equal("dual-criminality", r.RefusalGround);
    }

    [Fact]
    public void A_preservation_extends_only_while_extensions_remain_and_holds_only_while_in_force()
    {
        var p = new PreservationLifecycle(maxExtensions: 2);
        Assert.False(p.Holds);
        Assert.False(p.CanFire(PreservationTrigger.Extend));
        p.Fire(PreservationTrigger.Confirm);
        Assert.True(p.Holds);
        Assert.True(p.CanExtend);
        p.Fire(PreservationTrigger.Extend);
        Assert.Equal(PreservationState.Extended, p.State);
        Assert.Equal(1, p.Extensions);
        Assert.True(p.CanExtend);
        p.Fire(PreservationTrigger.Extend);
        Assert.Equal(PreservationState.Extended, p.State);
        Assert.Equal(2, p.Extensions);
        Assert.False(p.CanExtend);
        Assert.True(p.Holds);
        p.Fire(PreservationTrigger.Convert);
        Assert.True(p.Holds);
        Assert.False(p.CanFire(PreservationTrigger.Extend));
        p.Fire(PreservationTrigger.Release);
        Assert.False(p.Holds);
        Assert.False(p.CanFire(PreservationTrigger.Lapse));

        Assert.False(new PreservationLifecycle(0, PreservationState.Active).CanExtend);
        Assert.False(new PreservationLifecycle(3, PreservationState.Lapsed).Holds);
        Assert.True(new PreservationLifecycle(3, PreservationState.Extended).CanFire(PreservationTrigger.Lapse));
        Assert.True(new PreservationLifecycle(3, PreservationState.Converted).CanFire(PreservationTrigger.Lapse));
        Assert.False(new PreservationLifecycle(3, PreservationState.Requested).CanFire(PreservationTrigger.Lapse));
    }

    [Fact]
    public void A_queue_case_is_queued_then_worked_then_done_and_priority_only_rises()
    {
        var c = new QueueCase("case-1", priority: false);
        Assert.Equal("case-1", c.Id);
        Assert.False(c.Priority);
        Assert.False(c.CanFire(CaseTrigger.Complete));
        c.Fire(CaseTrigger.Prioritise);
        Assert.True(c.Priority);
        Assert.Equal(CaseState.Queued, c.State);
        c.Fire(CaseTrigger.Assign);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.True(c.CanFire(CaseTrigger.Prioritise));
        c.Fire(CaseTrigger.Complete);
        Assert.Equal(CaseState.Done, c.State);
        Assert.False(c.CanFire(CaseTrigger.Prioritise));
        var working = new QueueCase("case-2", false, CaseState.InProgress);
        working.Fire(CaseTrigger.Prioritise);
        Assert.True(working.Priority);
    }

    [Fact]
    public void A_watched_deadline_is_warned_escalated_and_met_or_missed()
    {
        foreach (var (from, allowed) in new[]
                 {
                     (EscalationState.Monitoring, new[] { EscalationTrigger.Warn, EscalationTrigger.Escalate, EscalationTrigger.Meet, EscalationTrigger.Miss }),
                     (EscalationState.AtRisk, new[] { EscalationTrigger.Escalate, EscalationTrigger.Meet, EscalationTrigger.Miss }),
                     (EscalationState.Escalated, new[] { EscalationTrigger.Meet, EscalationTrigger.Miss }),
                     (EscalationState.Met, Array.Empty<EscalationTrigger>()),
                     (EscalationState.Missed, Array.Empty<EscalationTrigger>()),
                 })
            foreach (var trigger in Enum.GetValues<EscalationTrigger>())
                Assert.True(allowed.Contains(trigger) == new EscalationLifecycle(from).CanFire(trigger), $"{from} --{trigger}");
        foreach (var (trigger, to) in new[] { (EscalationTrigger.Warn, EscalationState.AtRisk), (EscalationTrigger.Escalate, EscalationState.Escalated), (EscalationTrigger.Meet, EscalationState.Met), (EscalationTrigger.Miss, EscalationState.Missed) })
        {
            var e = new EscalationLifecycle();
            e.Fire(trigger);
            Assert.Equal(to, e.State);
        }
        var atRisk = new EscalationLifecycle(EscalationState.AtRisk);
        atRisk.Fire(EscalationTrigger.Escalate);
        Assert.Equal(EscalationState.Escalated, atRisk.State);
        atRisk.Fire(EscalationTrigger.Miss);
        Assert.Equal(EscalationState.Missed, atRisk.State);
    }

    [Fact]
    public void A_provider_checks_then_searches_or_declines_then_discloses_or_finds_nothing()
    {
        var p = new ProviderHandling();
        p.Fire(ProviderTrigger.Check);
        Assert.Equal(ProviderState.LegalCheck, p.State);
        p.Fire(ProviderTrigger.Accept);
        Assert.Equal(ProviderState.Searching, p.State);
        p.Fire(ProviderTrigger.Found);
        Assert.Equal(ProviderState.Disclosed, p.State);
        var declined = new ProviderHandling(ProviderState.LegalCheck);
        declined.Fire(ProviderTrigger.Decline);
        Assert.Equal(ProviderState.Declined, declined.State);
        var empty = new ProviderHandling(ProviderState.Searching);
        empty.Fire(ProviderTrigger.NotFound);
        Assert.Equal(ProviderState.NothingFound, empty.State);
        Assert.ThrowsAny<InvalidOperationException>(() => new ProviderHandling().Fire(ProviderTrigger.Found));
    }

    [Fact]
    public void An_enforcement_is_recognised_or_not_and_a_recognised_order_is_complied_with_or_penalised_first()
    {
        var paid = new EnforcementLifecycle();
        Assert.Equal(EnforcementState.Requested, paid.State);
        paid.Fire(EnforcementTrigger.Recognise);
        Assert.False(paid.CanFire(EnforcementTrigger.Decline));
        paid.Fire(EnforcementTrigger.Penalise);
        paid.Fire(EnforcementTrigger.Comply);
        Assert.Equal(EnforcementState.Complied, paid.State);
        // An addressee that answers while the enforcing authority is still deciding leaves nothing to enforce: not a
        // refusal to recognise, and nothing to penalise; it was never required, so it did not "comply once required".
        var early = new EnforcementLifecycle();
        Assert.False(early.CanFire(EnforcementTrigger.Comply));
        early.Fire(EnforcementTrigger.Moot);
        Assert.Equal(EnforcementState.NotNeeded, early.State);
        Assert.False(early.CanFire(EnforcementTrigger.Penalise));
        var declined = new EnforcementLifecycle();
        declined.Fire(EnforcementTrigger.Decline);
        Assert.Equal(EnforcementState.NotRecognised, declined.State);
        Assert.ThrowsAny<InvalidOperationException>(() => declined.Fire(EnforcementTrigger.Penalise));
        Assert.ThrowsAny<InvalidOperationException>(() => new EnforcementLifecycle().Fire(EnforcementTrigger.Penalise));
    }

    [Fact]
    public void Telling_the_person_is_due_then_done_or_delayed_and_done_later_never_delayed_twice()
    {
        var later = new InformingLifecycle();
        later.Fire(InformingTrigger.Delay);
        Assert.False(later.CanFire(InformingTrigger.Delay));
        later.Fire(InformingTrigger.Inform);
        Assert.Equal(InformingState.Informed, later.State);
        Assert.ThrowsAny<InvalidOperationException>(() => later.Fire(InformingTrigger.Delay));
        var atOnce = new InformingLifecycle();
        atOnce.Fire(InformingTrigger.Inform);
        Assert.False(atOnce.CanFire(InformingTrigger.Inform));
    }

    [Fact]
    public void Every_procedure_is_exported_as_a_diagram_of_its_states()
    {
        var all = ProcedureDiagrams.All();
        Assert.Equal(["request", "preservation", "office-queue", "provider-handling", "escalation", "use-consent", "enforcement", "informing"], all.Select(d => d.Name));
        Assert.All(all, d => Assert.False(string.IsNullOrWhiteSpace(d.Description)));
        var request = all.Single(d => d.Name == "request").Mermaid;
        Assert.StartsWith("stateDiagram-v2", request);
        foreach (var state in Enum.GetNames<RequestState>())
            Assert.Contains(state, request);
        Assert.Contains("emergency", request); // the fast path's guard is labelled
        Assert.Contains("moves to the priority lane", request);
        Assert.Contains("extensions left", all.Single(d => d.Name == "preservation").Mermaid);
        Assert.Contains("moves ahead of normal cases", all.Single(d => d.Name == "office-queue").Mermaid);
        foreach (var state in Enum.GetNames<ProviderState>()) Assert.Contains(state, all.Single(d => d.Name == "provider-handling").Mermaid);
        foreach (var state in Enum.GetNames<EscalationState>()) Assert.Contains(state, all.Single(d => d.Name == "escalation").Mermaid);
        foreach (var state in Enum.GetNames<ConsentState>()) Assert.Contains(state, all.Single(d => d.Name == "use-consent").Mermaid);
    }

    [Fact]
    public void A_request_for_consent_to_another_use_is_answered_once_granted_or_refused()
    {
        var consent = new ConsentLifecycle();
        Assert.Equal(ConsentState.Asked, consent.State);
        Assert.False(consent.IsAnswered);
        consent.Fire(ConsentTrigger.Refuse);
        Assert.Equal(ConsentState.Refused, consent.State);
        Assert.True(consent.IsAnswered);
        Assert.False(consent.CanFire(ConsentTrigger.Grant));
        Assert.ThrowsAny<InvalidOperationException>(() => consent.Fire(ConsentTrigger.Grant));
    }
}
