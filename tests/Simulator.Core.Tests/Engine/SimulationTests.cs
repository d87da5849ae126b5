using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;

namespace Simulator.Core.Tests.Engine;

public class SimulationTests
{
    private const string Investigator = "HO/investigator", Prosecutor = "HO/prosecutor", Judge = "HO/judge", ContactPoint = "HO/contact-point";
    private static readonly string[] HomeSeats = [Investigator, Prosecutor, Judge, ContactPoint];

    [Fact]
    public void Evidence_nobody_asks_for_is_lost_when_its_retention_runs_out()
    {
        var s = TestWorlds.Start(new NoPolicy(), 1, HomeSeats);
        s.RunToEnd();
        var cloud = s.Evidence("cloud-logs");
        Assert.Equal(EvidenceStatus.Lost, cloud.Status);
        Assert.Equal(cloud.Item.ExpiresAt, cloud.LostAt);
        Assert.Contains("retention expired", cloud.LostReason);
        Assert.Equal("no request sent for it", cloud.LostStage);
        Assert.Contains(s.Journal.Entries, e => e.Event is EvidenceLost { Evidence: "cloud-logs" });
    }

    [Fact]
    public void A_conditional_inject_fires_only_while_its_condition_holds()
    {
        var idle = TestWorlds.Start(new NoPolicy(), 1, HomeSeats);
        idle.RunToEnd();
        Assert.Contains(idle.Journal.Entries, e => e.Event is InjectDelivered { Inject: "purge-warning" });
        Assert.Contains("deleted its data (purge-warning)", idle.Evidence("c2-logs").LostReason);

        var prompt = TestWorlds.Investigating(HomeSeats);
        Assert.True(prompt.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs", "c2-subscriber"])).Accepted);
        prompt.RunToEnd();
        var skipped = prompt.Journal.Entries.Select(e => e.Event).OfType<InjectSkipped>().Single(i => i.Inject == "purge-warning");
        Assert.Contains("req-001 reached fa-host", skipped.Reason);
    }

    [Fact]
    public void Budapest_Art29_7_preservation_holds_while_MLA_is_pending_and_lapses_without_it()
    {
        var withMla = TestWorlds.Investigating(HomeSeats);
        withMla.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"]));
        withMla.StepUntil(() => withMla.Evidence("c2-logs").Status == EvidenceStatus.Preserved, "c2-logs was preserved");
        Assert.True(withMla.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-logs"])).Accepted);
        withMla.RunUntil(withMla.World.Start + TimeSpan.FromDays(120));
        var held = withMla.Evidence("c2-logs").Preservations.Single();
        Assert.Equal(PreservationState.Converted, held.Lifecycle.State);
        Assert.NotEqual(EvidenceStatus.Lost, withMla.Evidence("c2-logs").Status);

        var alone = TestWorlds.Investigating(HomeSeats);
        alone.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"]));
        alone.RunUntil(alone.World.Start + TimeSpan.FromDays(120));
        var lapsed = alone.Evidence("c2-logs");
        Assert.Equal(PreservationState.Lapsed, lapsed.Preservations.Single().Lifecycle.State);
        Assert.Equal(EvidenceStatus.Lost, lapsed.Status);
        Assert.Contains("lapsed after the holder's retention had run out", lapsed.LostReason);
    }

    [Fact]
    public void Budapest_Art30_preserving_traffic_data_discloses_the_next_provider()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        Assert.False(s.IsLeadDiscovered("mailbox"));
        s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-logs"]));
        s.StepUntil(() => s.IsLeadDiscovered("mailbox"), "the mailbox lead was disclosed");
        var found = s.Journal.Entries.Select(e => e.Event).OfType<LeadDiscovered>().Single(l => l.Lead == "mailbox");
        Assert.Contains("path disclosed from c2-logs", found.How);
        Assert.Contains(s.Journal.Entries, e => e.Event is PathDisclosed { Evidence: "c2-logs" });
    }

    [Fact]
    public void Preservation_first_secures_what_MLA_alone_loses_to_retention()
    {
        var mlaOnly = TestWorlds.Start(new MlaOnlyPolicy());
        mlaOnly.RunToEnd();
        var preserveFirst = TestWorlds.Start(new PreserveThenMlaPolicy());
        preserveFirst.RunToEnd();
        Assert.Equal(EvidenceStatus.Lost, mlaOnly.Evidence("cloud-logs").Status);
        Assert.Equal(EvidenceStatus.Secured, preserveFirst.Evidence("cloud-logs").Status);
        Assert.Equal(EvidenceStatus.Lost, mlaOnly.Evidence("c2-logs").Status);
        Assert.NotEqual(EvidenceStatus.Lost, preserveFirst.Evidence("c2-logs").Status);
        var outcome = mlaOnly.Outcome().Evidence.Single(e => e.Evidence == "cloud-logs");
        Assert.Equal("lost", outcome.Status);
        Assert.Contains("budapest-art31-mla", outcome.Stage);
    }

    [Fact]
    public void The_same_seed_and_decisions_give_a_byte_identical_journal()
    {
        byte[] Run(long seed)
        {
            var s = TestWorlds.Start(new DirectOrdersFirstPolicy(), seed);
            s.RunToEnd();
            return s.Journal.ToBytes();
        }
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void A_refused_command_is_explained_and_changes_nothing()
    {
        var s = TestWorlds.Investigating([.. HomeSeats, "FA/central-authority"]);
        var before = s.Journal.Entries.Count;
        var attempts = new (Decision Command, string Expect)[]
        {
            (new SendRequest(Investigator, "budapest-art31-mla", ["c2-logs"]), "may not issue budapest-art31-mla"),
            (new SendRequest(Prosecutor, "no-such-instrument", ["c2-logs"]), "unknown instrument"),
            (new SendRequest(Prosecutor, "budapest-art31-mla", ["mail-logins"]), "does not know of mail-logins yet"),
            (new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-logs", "isp-logs"]), "one request goes to one holder"),
            (new SendRequest("FA/central-authority", "budapest-art31-mla", ["c2-logs"]), "FA does not investigate"),
            (new SendRequest("nobody", "budapest-art31-mla", ["c2-logs"]), "is not a seat"),
            (new AnswerRequest("FA/central-authority", "req-999", Answer.Approve), "no request 'req-999'"),
            (new ExtendPreservation(ContactPoint, "pres-001"), "no preservation 'pres-001'"),
        };
        foreach (var (command, expect) in attempts)
        {
            var result = s.Decide(command);
            Assert.False(result.Accepted, command.ToString());
            Assert.Contains(expect, result.Message);
        }
        Assert.Equal(before, s.Journal.Entries.Count);
    }

    [Fact]
    public void A_trainee_reviewer_answers_and_only_that_seat_may()
    {
        var s = TestWorlds.Investigating([.. HomeSeats, "FA/central-authority"]);
        var id = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-subscriber"])).Request!;
        var request = s.Request(id)!;
        s.StepUntil(() => request.State == RequestState.UnderReview, "the MLA request reached review");
        s.RunUntil(s.Now + TimeSpan.FromDays(400));
        Assert.Equal(RequestState.UnderReview, request.State); // the engine does not decide for a trainee

        var count = s.Journal.Entries.Count;
        Assert.Contains("may not answer", s.Decide(new AnswerRequest("FA/contact-point", id, Answer.Approve)).Message);
        Assert.Contains("may not answer", s.Decide(new AnswerRequest(Prosecutor, id, Answer.Approve)).Message);
        Assert.Contains("is not a refusal ground", s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Refuse, "dislike")).Message);
        Assert.Equal(count, s.Journal.Entries.Count);

        Assert.True(s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Refuse, "political-offence")).Accepted);
        Assert.Equal(RequestState.Refused, request.State);
        var refusal = s.Journal.Entries.Select(e => e.Event).OfType<RequestRefused>().Single();
        Assert.Equal("political-offence", refusal.Ground);
        Assert.Contains("27(4)", refusal.Source);
    }

    [Fact]
    public void A_reviewers_checklist_gates_the_answer_and_is_recorded_beside_it()
    {
        var s = TestWorlds.Investigating([.. HomeSeats, "FA/central-authority"]);
        var id = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-subscriber"])).Request!;
        var request = s.Request(id)!;
        s.StepUntil(() => request.State == RequestState.UnderReview, "the MLA request reached review");
        var count = s.Journal.Entries.Count;

        var partly = s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Approve, Confirmed: [ReviewCheck.Complete, ReviewCheck.NoGround]));
        Assert.False(partly.Accepted);
        Assert.StartsWith("you have not confirmed", partly.Message);
        Assert.Contains("proportionate", partly.Message);
        var contradicted = s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Refuse, "political-offence", Confirmed: [ReviewCheck.NoGround]));
        Assert.False(contradicted.Accepted);
        Assert.Contains("you confirmed that no refusal ground applies", contradicted.Message);
        Assert.Equal(count, s.Journal.Entries.Count); // refused answers leave nothing behind

        var checks = s.ChecksFor(request);
        Assert.Equal([ReviewCheck.Complete, ReviewCheck.Proportionate, ReviewCheck.NoGround], checks.Where(c => c != ReviewCheck.DualCriminality));
        Assert.True(s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Approve, Confirmed: checks)).Accepted);
        var review = s.Journal.Entries.Select(e => e.Event).OfType<ReviewRecorded>().Single();
        Assert.Equal(("approve", "FA/central-authority"), (review.Answer, review.By));
        Assert.Equal(checks.Select(c => Names.Kebab(c)).Order(), review.Confirmed.Order());
        Assert.Empty(review.NotConfirmed);
        Assert.NotEqual(RequestState.UnderReview, request.State); // approved, and on to the holder
    }

    [Fact]
    public void A_trainee_may_refuse_preservation_for_dual_criminality_only_with_the_Art_29_4_reservation_and_not_for_offences_under_Arts_2_to_11()
    {
        DecisionResult RefuseDualCriminality(Simulation s)
        {
            var id = s.Decide(new SendRequest(ContactPoint, "budapest-art29-preservation", ["c2-subscriber"])).Request!;
            s.StepUntil(() => s.Request(id)!.State == RequestState.UnderReview, "the preservation request reached review");
            return s.Decide(new AnswerRequest("FA/contact-point", id, Answer.Refuse, "dual-criminality"));
        }
        var without = TestWorlds.Investigating(TestWorlds.Variant(t => t.Replace("reservations: [budapest-art29-4]", "reservations: []")), [.. HomeSeats, "FA/contact-point"]);
        var before = without.Journal.Entries.Count;
        var refused = RefuseDualCriminality(without);
        Assert.False(refused.Accepted);
        Assert.Contains("open only to a state that made the reservation 'budapest-art29-4' (ETS185 Art. 29(4)), and FA did not", refused.Message);
        Assert.Contains("grounds open to FA: political-offence, sovereignty-security-ordre-public", refused.Message);
        Assert.DoesNotContain(without.Journal.Entries.Skip(before), e => e.Event is RequestRefused);

        // The intrusion is illegal access (Art. 2): the reservation does not reach it.
        var intrusion = TestWorlds.Investigating([.. HomeSeats, "FA/contact-point"]);
        var closed = RefuseDualCriminality(intrusion);
        Assert.False(closed.Accepted);
        Assert.Contains("'dual-criminality' does not reach this offence: not for the offences established under ETS185 Arts. 2-11", closed.Message);

        var extortionOnly = TestWorlds.Investigating(TestWorlds.Variant(t => t.Replace("offence: {conducts: [illegal-access, extortion], max-penalty-years: 8}",
            "offence: {conducts: [extortion], max-penalty-years: 8}")), [.. HomeSeats, "FA/contact-point"]);
        Assert.True(RefuseDualCriminality(extortionOnly).Accepted);
    }

    [Fact]
    public void A_policy_that_takes_over_answers_what_the_trainees_left_waiting_and_acts_on_known_leads()
    {
        // A quick Farland desk, so that its reading is over within the month the trainee leaves the request waiting.
        var quick = TestWorlds.Variant(t => t.Replace("    purge: fa-host\n", "").Replace("queue-wait: 3mo..9mo~4mo", "queue-wait: 1w..2w")
            + "\ninstrument-overrides:\n  - instrument: budapest-art31-mla\n    review: 1d..3d\n");
        var s = TestWorlds.Investigating(quick, [.. HomeSeats, "FA/central-authority"]);
        var id = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-subscriber"])).Request!;
        var request = s.Request(id)!;
        s.StepUntil(() => request.State == RequestState.UnderReview, "the MLA request reached review");
        s.RunUntil(s.Now + TimeSpan.FromDays(60));
        Assert.Equal(RequestState.UnderReview, request.State); // waiting for the trainee at Farland's desk
        Assert.Null(request.PendingStep); // the officer has read it: only the trainee's answer is missing
        var requestsBefore = s.Requests.Count;

        s.HandOver(new PreserveThenMlaPolicy());
        var took = s.Journal.Entries.Select(e => e.Event).OfType<PolicyTookOver>().Single();
        Assert.Equal("preserve-then-mla", took.Policy);
        Assert.Equal(["FA/central-authority", "HO/contact-point", "HO/investigator", "HO/judge", "HO/prosecutor"], took.Seats);
        Assert.False(s.IsHumanSeat(Prosecutor));
        Assert.NotEqual(RequestState.UnderReview, request.State); // the engine decided at once for the seat it now plays
        Assert.True(s.Requests.Count > requestsBefore, "the policy sent requests for the leads Home already knew");
    }

    [Fact]
    public void Clarification_loops_between_reviewer_and_issuer_until_approval_then_custody_follows_the_data()
    {
        // A quick Farland desk and no purge, so that the request, not the clock, decides this test.
        var withoutPurge = TestWorlds.Variant(t => t.Replace("    purge: fa-host\n", "").Replace("queue-wait: 3mo..9mo~4mo", "queue-wait: 1w..2w"));
        var s = TestWorlds.Investigating(withoutPurge, [.. HomeSeats, "FA/central-authority"]);
        var id = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["c2-subscriber"])).Request!;
        var request = s.Request(id)!;
        s.StepUntil(() => request.State == RequestState.UnderReview, "review");
        Assert.True(s.Decide(new AnswerRequest("FA/central-authority", id, Answer.AskClarification, Note: "which accounts?")).Accepted);
        Assert.Equal(RequestState.AwaitingClarification, request.State);
        Assert.False(s.Decide(new ProvideClarification("FA/central-authority", id)).Accepted);
        Assert.True(s.Decide(new ProvideClarification(Prosecutor, id, "the account in the log")).Accepted);
        s.StepUntil(() => request.State == RequestState.UnderReview && s.Journal.Entries[^1].Event is RequestStateChanged { To: "under-review" }, "second review");
        Assert.True(s.Decide(new AnswerRequest("FA/central-authority", id, Answer.Approve)).Accepted);
        s.StepUntil(() => request.State == RequestState.Delivered, "delivery");
        var evidence = s.Evidence("c2-subscriber");
        Assert.Equal(EvidenceStatus.Secured, evidence.Status);
        Assert.Equal(1, request.Lifecycle.Clarifications);
        Assert.Null(evidence.Custody.Verify());
        Assert.Equal(["held by the holder in its ordinary course of business", $"exported by the holder for {id}", "transferred through central-authorities (budapest-art31-mla)", "received by the requesting state"],
            evidence.Custody.Steps.Select(c => c.Action));
        Assert.All(evidence.Custody.Steps, c => Assert.Equal(evidence.Item.Content.Sha256, c.ContentSha256));
    }

    [Fact]
    public void Escalation_moves_a_request_ahead_and_shortens_the_work_left()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        var id = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["cloud-logs"])).Request!;
        var r = s.Request(id)!;
        s.StepUntil(() => r.State == RequestState.Received, "receipt at the central authority");
        var due = r.StepDueAt!.Value;
        Assert.True(s.Decide(new EscalateRequest(Prosecutor, id)).Accepted);
        Assert.True(r.StepDueAt < due);
        var expected = s.Now + TimeSpan.FromMinutes(Math.Ceiling((due - s.Now).TotalMinutes * s.Catalogue.Figures.EscalationFactor));
        Assert.Equal(expected, r.StepDueAt);
        Assert.Contains(s.Journal.Entries, e => e.Event is RequestEscalated { Request: var rq } && rq == id);
        Assert.False(s.Decide(new EscalateRequest(Prosecutor, id)).Accepted); // already escalated
    }

    [Fact]
    public void EU_REG_Art11_a_preservation_order_extends_once_by_30_days()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        s.Decide(new SendRequest(Prosecutor, "eu-epoc-pr", ["cloud-logs"]));
        s.StepUntil(() => s.Evidence("cloud-logs").Status == EvidenceStatus.Preserved, "preservation");
        var p = s.Evidence("cloud-logs").Preservations.Single();
        var until = p.Until!.Value;
        var extended = s.Decide(new ExtendPreservation(Prosecutor, p.Id));
        Assert.True(extended.Accepted, extended.Message);
        Assert.Equal(until + TimeSpan.FromDays(30), p.Until);
        var again = s.Decide(new ExtendPreservation(Prosecutor, p.Id));
        Assert.False(again.Accepted);
        Assert.Contains("used its 1 extension", again.Message);
    }

    [Fact]
    public void EU_REG_Art10_2_data_is_transferred_only_after_the_enforcing_states_objection_window()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        var id = s.Decide(new SendRequest(Judge, "eu-epoc", ["cloud-logs"])).Request!;
        var r = s.Request(id)!;
        s.StepUntil(() => r.State == RequestState.Delivered, "delivery");
        Assert.Equal(r.NotificationWindowEnds, s.Now);
        Assert.True(r.RespondedAt <= r.Deadline);
        Assert.Equal(EscalationState.Met, r.Escalation.State);
    }

    [Fact]
    public void EU_REG_Art12_1_a_the_enforcing_state_objects_to_privileged_data()
    {
        var built = TestWorlds.Variant(t => t.Replace("max-penalty-years: 8}", "max-penalty-years: 8, privileged-data: true}"));
        var s = TestWorlds.Investigating(built, HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        var id = s.Decide(new SendRequest(Judge, "eu-epoc", ["cloud-logs"])).Request!;
        var r = s.Request(id)!;
        s.StepUntil(() => r.Lifecycle.IsClosed, "the order was decided");
        Assert.Equal(RequestState.Refused, r.State);
        Assert.Equal("immunities-privileges", r.RefusalGround);
        Assert.Equal("EU2/judge", r.RefusedBy); // the state of its legal representative, not of its headquarters
    }

    [Fact]
    public void With_a_threat_to_life_the_emergency_channel_secures_evidence_within_hours()
    {
        var built = TestWorlds.Variant(t => t.Replace("max-penalty-years: 8}", "max-penalty-years: 8, threat-to-life: true}"));
        var s = TestWorlds.Start(built, new EmergencyAwarePolicy());
        s.RunToEnd();
        var cloud = s.Evidence("cloud-logs");
        Assert.Equal(EvidenceStatus.Secured, cloud.Status);
        var via = s.Request(cloud.SecuredBy!)!;
        Assert.True(via.Emergency);
        Assert.Equal("us-2702-emergency-disclosure", via.Instrument.Id);
        Assert.True(cloud.SecuredAt - s.World.Leads.Single(l => l.Id == "cloud").KnownAt < TimeSpan.FromDays(1));
    }

    [Fact]
    public void Objectives_are_rated_from_the_journal()
    {
        var mlaOnly = TestWorlds.Start(new MlaOnlyPolicy());
        mlaOnly.RunToEnd();
        var preserveFirst = TestWorlds.Start(new PreserveThenMlaPolicy());
        preserveFirst.RunToEnd();
        string Rating(Simulation s, string id) => s.Outcome().Objectives.Single(o => o.Objective == id).Rating;
        Assert.Equal(Objectives.Ratings.Unable, Rating(mlaOnly, "preserve-c2"));
        Assert.Equal(Objectives.Ratings.WithoutChallenges, Rating(preserveFirst, "preserve-c2"));
        Assert.Equal(Objectives.Ratings.MajorChallenges, Rating(mlaOnly, "nothing-lost"));
        Assert.Contains(mlaOnly.Journal.Entries, e => e.Event is ObjectiveRated { Objective: "preserve-c2" });
    }

    [Fact]
    public void Time_spent_is_attributed_to_each_stage_and_authority()
    {
        var s = TestWorlds.Start(new PreserveThenMlaPolicy());
        s.RunToEnd();
        var o = s.Outcome();
        var mla = o.Requests.First(r => r.Instrument == "budapest-art31-mla" && r.State == "delivered");
        Assert.Equal(mla.Duration!.Value + (mla.SentAt!.Value - s.Request(mla.Request)!.DraftedAt), TimeSpan.FromTicks(mla.Stages.Sum(st => st.Duration.Ticks)));
        Assert.Contains(o.TimeByStage, w => w.Stage == "under-review" && w.Authority.EndsWith("/central-authority", StringComparison.Ordinal));
    }

    [Fact]
    public void Incidents_investigated_by_different_states_run_in_parallel()
    {
        var s = TestWorlds.Start(new PreserveThenMlaPolicy());
        s.RunToEnd();
        var issuers = s.Requests.Select(r => r.Issuer).Distinct().Order().ToList();
        Assert.Equal(["EU2", "HO"], issuers);
        var fraud = s.Requests.First(r => r.Issuer == "EU2");
        Assert.Equal(["fraud-logins"], fraud.Items.Select(i => i.Id));
        Assert.Equal("budapest-art29-preservation", fraud.Instrument.Id);
        Assert.All(s.Requests.Where(r => r.Issuer == "HO"), r => Assert.DoesNotContain(r.Items, i => i.Id == "fraud-logins"));
    }

    [Fact]
    public void A_trainee_may_not_ask_for_evidence_of_another_states_incident()
    {
        var s = TestWorlds.Investigating(HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(2));
        var result = s.Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["fraud-logins"]));
        Assert.False(result.Accepted);
        Assert.Contains("HO does not investigate", result.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EU_REG_Art12_an_objection_stops_the_order_at_whatever_stage_it_has_reached(long seed)
    {
        var built = TestWorlds.Variant(t => t.Replace("max-penalty-years: 8}", "max-penalty-years: 8, privileged-data: true}"), seed);
        var s = TestWorlds.Start(built, new NoPolicy(), seed, HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        var r = s.Request(s.Decide(new SendRequest(Judge, "eu-epoc", ["cloud-logs"])).Request!)!;
        s.RunUntil(s.World.Start + TimeSpan.FromDays(30));
        Assert.Equal(RequestState.Refused, r.State);
        Assert.NotEqual(EvidenceStatus.Secured, s.Evidence("cloud-logs").Status);
        Assert.NotEqual(EvidenceStatus.Produced, s.Evidence("cloud-logs").Status);
    }

    [Fact]
    public void US_2702_b_8_a_provider_may_decline_a_voluntary_emergency_request_and_the_next_channel_is_tried()
    {
        var built = TestWorlds.Variant(t => t
            .Replace("max-penalty-years: 8}", "max-penalty-years: 8, threat-to-life: true}")
            .Replace("emergency-disclosure-rate: 1}", "emergency-disclosure-rate: 0.000001}"));
        var s = TestWorlds.Start(built, new EmergencyAwarePolicy());
        s.RunToEnd();
        var declined = s.Requests.First(r => r.Instrument.Id == "us-2702-emergency-disclosure");
        Assert.Equal(RequestState.Refused, declined.State);
        Assert.Equal("provider-declines", declined.RefusalGround);
        Assert.Contains(s.Requests, r => r.Emergency && r.Instrument.Id == "eu-epoc" && r.Items.Any(i => i.Id == "cloud-logs"));
    }

    [Fact]
    public void The_trainer_moves_a_pending_inject_and_it_fires_at_its_new_time_only()
    {
        var s = TestWorlds.Start(new NoPolicy(), 1, HomeSeats);
        var moved = s.World.Start + TimeSpan.FromDays(5);
        Assert.True(s.Decide(new EditInject("purge-warning", moved, "Farland Hosting reimages on day 5", null)).Accepted);
        Assert.False(s.Decide(new EditInject("purge-warning", s.World.Start - TimeSpan.FromDays(1), null, null)).Accepted);
        Assert.False(s.Decide(new EditInject("no-such-inject", null, "x", null)).Accepted);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(4));
        Assert.DoesNotContain(s.Journal.Entries, e => e.Event is InjectDelivered { Inject: "purge-warning" });
        s.RunUntil(s.World.Start + TimeSpan.FromDays(6));
        var fired = Assert.Single(s.Journal.Entries, e => e.Event is InjectDelivered { Inject: "purge-warning" });
        Assert.Equal(moved, fired.At);
        Assert.Equal("Farland Hosting reimages on day 5", ((InjectDelivered)fired.Event).Title);
        Assert.False(s.Decide(new EditInject("purge-warning", null, "too late", null)).Accepted);
    }

    [Fact]
    public void Frozen_data_is_always_found_while_unfrozen_data_may_not_be()
    {
        var built = TestWorlds.Variant(t => t.Replace("    emergency-response-time: 1h..6h\n    produce-rate: 1", "    emergency-response-time: 1h..6h\n    produce-rate: 0"));
        var s = TestWorlds.Investigating(built, HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        s.Decide(new SendRequest(Prosecutor, "eu-epoc-pr", ["cloud-logs"]));
        s.StepUntil(() => s.Evidence("cloud-logs").IsHeld, "preservation");
        var frozen = s.Request(s.Decide(new SendRequest(Judge, "eu-epoc", ["cloud-logs"])).Request!)!;
        var unfrozen = s.Request(s.Decide(new SendRequest(Prosecutor, "eu-epoc", ["cloud-subscriber"])).Request!)!;
        s.StepUntil(() => frozen.Lifecycle.IsClosed && unfrozen.Lifecycle.IsClosed, "both answers");
        Assert.Equal(RequestState.Delivered, frozen.State);
        Assert.Equal(RequestState.NothingFound, unfrozen.State);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(800));
        var stage = s.Evidence("cloud-subscriber").LostStage;
        Assert.Contains("found nothing", stage);
    }

    [Fact]
    public void Data_that_does_not_exist_yet_cannot_be_frozen_or_produced()
    {
        var built = TestWorlds.Variant(t => t.Replace("{id: cloud-logs, holder: us-cloud, category: traffic, created: -1d,", "{id: cloud-logs, holder: us-cloud, category: traffic, created: 20d,"));
        var s = TestWorlds.Investigating(built, HomeSeats);
        s.RunUntil(s.World.Start + TimeSpan.FromDays(1));
        var r = s.Request(s.Decide(new SendRequest(Prosecutor, "eu-epoc-pr", ["cloud-logs"])).Request!)!;
        s.StepUntil(() => r.Lifecycle.IsClosed, "the answer");
        Assert.Equal(RequestState.NothingFound, r.State);
        Assert.Empty(s.Evidence("cloud-logs").Preservations);
        var produced = s.Journal.Entries.Select(e => e.Event).OfType<EvidenceProduced>().Single(p => p.Request == r.Id);
        Assert.Contains("does not exist yet", produced.Reason);
    }

    [Fact]
    public void A_headless_run_with_work_still_pending_ends_at_the_horizon()
    {
        var s = TestWorlds.Start(new MlaOnlyPolicy());
        s.RunToEnd();
        Assert.Contains(s.Requests, r => !r.Lifecycle.IsClosed);
        Assert.Equal(s.World.End, s.Now);
        Assert.Equal(s.World.End, s.Outcome().End);
        Assert.Equal("scenario horizon reached", ((ExerciseEnded)s.Journal.Entries[^1].Event).Reason);
    }
}
