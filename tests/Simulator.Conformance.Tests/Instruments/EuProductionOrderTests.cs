using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Decisions;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>The European Production Order (Regulation (EU) 2023/1543, "REG").</summary>
public sealed class EuProductionOrderTests
{
    private const string Id = "eu-epoc";

    private static LawWorld Eu() => LawWorld.Parties("eu-e-evidence");

    // Who issues it, and the validation everyone else needs (REG Art. 4): EuProductionOrderValidationTests.

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void Art2_1_only_a_member_state_bound_by_the_Regulation_issues_it() =>
        Condition(Id, AuthorityRole.Judge, "subscriber", Eu(), Eu().State(LawWorld.Issuing), "AA is not party to eu-e-evidence");

    [Fact, Rule(Id, "preconditions/provider-offers-services-in")]
    public void Art2_1_reaches_a_provider_offering_services_in_the_Union_wherever_it_is_established()
    {
        // Addressed to its legal representative in the Union (REG Art. 7; Directive (EU) 2023/1544), whose state enforces it.
        var offersInUnion = Eu().State("XX").Provider(LawWorld.Host, "XX", p => p with { OffersServicesIn = new HashSet<string>([LawWorld.Requested]), LegalRepresentativeIn = LawWorld.Requested })
            .AllItemsAt(LawWorld.Host);
        var check = offersInUnion.Check(Id, AuthorityRole.Judge, "subscriber");
        Allowed(check);
        Assert.Equal(LawWorld.Requested, check.RequestedState);
        var offersOnlyOutside = Eu().State("XX").Provider(LawWorld.Host, "XX").AllItemsAt(LawWorld.Host);
        Refused(offersOnlyOutside.Check(Id, AuthorityRole.Judge, "subscriber"), "host has no establishment or legal representative in a state under eu-e-evidence to receive eu-epoc");
    }

    [Fact, Rule(Id, "preconditions/provider-offers-services-in")]
    public void Art7_an_order_goes_to_the_designated_establishment_or_legal_representative_not_to_wherever_the_provider_sells()
    {
        var noRepresentative = Eu().State("XX").Provider(LawWorld.Host, "XX", p => p with { OffersServicesIn = new HashSet<string>([LawWorld.Requested]) }).AllItemsAt(LawWorld.Host);
        Refused(noRepresentative.Check(Id, AuthorityRole.Judge, "subscriber"), "host has no establishment or legal representative in a state under eu-e-evidence to receive eu-epoc");
    }

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art1_1_is_for_cross_border_cases_not_a_provider_at_home() =>
        Refused(Eu().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Judge, "subscriber"), "no state can receive eu-epoc");

    [Fact, Rule(Id, "preconditions/minimum-penalty")]
    public void Art5_4_a_traffic_and_content_need_an_offence_of_at_least_three_years_and_subscriber_data_any_offence()
    {
        Refused(Eu().Offence(2, "extortion").Check(Id, AuthorityRole.Judge, "traffic"), "the offence carries 2 years at most");
        Allowed(Eu().Offence(3, "extortion").Check(Id, AuthorityRole.Judge, "traffic"));
        Allowed(Eu().Offence(1, "extortion").Check(Id, AuthorityRole.Judge, "subscriber"));
    }

    [Fact, Rule(Id, "preconditions/minimum-penalty/exceptions/reg-art5-4-b")]
    public void Art5_4_b_cyber_child_abuse_and_payment_fraud_offences_by_means_of_an_information_system_need_no_threshold()
    {
        foreach (var conduct in new[] { "misuse-of-devices", "solicitation-of-children", "fraud-non-cash", "computer-related-fraud", "illegal-access" })
            Allowed(Eu().Offence(1, conduct).Check(Id, AuthorityRole.Judge, "content"));
        Refused(Eu().Offence(1, "misuse-of-devices").ChangeOffence(o => o with { ByInformationSystem = false }).Check(Id, AuthorityRole.Judge, "content"), "the offence carries 1 years at most");
    }

    [Fact, Rule(Id, "preconditions/minimum-penalty/exceptions/reg-art5-4-c")]
    public void Art5_4_c_terrorist_offences_need_no_threshold() =>
        Allowed(Eu().Offence(1, "terrorism").ChangeOffence(o => o with { ByInformationSystem = false }).Check(Id, AuthorityRole.Judge, "traffic"));

    [Fact, Rule(Id, "refusal-grounds/immunities-privileges")]
    public void Art12_1_a_the_enforcing_state_may_refuse_for_immunities_privileges_or_press_freedom() => GroundFollowsFacts(Id, "immunities-privileges");

    [Fact, Rule(Id, "refusal-grounds/manifest-charter-breach")]
    public void Art12_1_b_the_enforcing_state_may_refuse_for_a_manifest_breach_of_a_fundamental_right() => GroundFollowsFacts(Id, "manifest-charter-breach");

    [Fact, Rule(Id, "refusal-grounds/ne-bis-in-idem")]
    public void Art12_1_c_the_enforcing_state_may_refuse_for_ne_bis_in_idem() => GroundFollowsFacts(Id, "ne-bis-in-idem");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art12_1_d_the_enforcing_state_may_refuse_where_the_conduct_is_no_offence_there() => GroundFollowsFacts(Id, "dual-criminality");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality/exceptions/reg-annex-iv")]
    public void Art12_1_d_dual_criminality_does_not_reach_an_Annex_IV_offence_of_at_least_three_years_in_the_issuing_state()
    {
        LawWorld Case(int years, string conduct) => Eu().Offence(years, conduct).DoesNotCriminalise(LawWorld.Requested, conduct);
        Assert.Contains("does not reach this offence: not for the categories of offences of REG Annex IV [UNSURE], punishable in the issuing state by at least 3 years",
            Case(3, "extortion").GroundClosed(Id, "dual-criminality", LawWorld.Requested));
        Assert.True(Case(2, "extortion").GroundHolds(Id, "dual-criminality", LawWorld.Requested));
        Assert.True(Case(8, "hacktivism").GroundHolds(Id, "dual-criminality", LawWorld.Requested));
    }

    [Fact, Rule(Id, "response-deadline")]
    public void Art10_3_the_data_are_due_within_10_days_of_receipt() =>
        DeadlineRuns(Eu(), Judge, Id, "subscriber", false, TimeSpan.FromDays(10), CountedFrom.Receipt, PeriodCounting.EuPeriods);

    [Fact, Rule(Id, "response-deadline")]
    public void Art10_3_the_10_days_start_the_day_after_receipt_and_a_last_day_that_is_a_holiday_carries_to_the_next_working_day()
    {
        // Regulation 1182/71 Art. 3(1), 3(2)(b) and 3(4), on the calendar of the state where the data are to be produced.
        var holiday = new DateOnly(2026, 11, 12); // the 10th day after a receipt on Monday 2 November
        var world = Eu().Change(LawWorld.Requested, j => j with { Calendar = j.Calendar with { Holidays = new HashSet<DateOnly> { holiday } } });
        var s = Send(world, Judge, Id, "subscriber");
        var r = s.Last();
        s.StepUntil(() => r.ReceivedAt is not null, $"{r.Id} was received");
        Assert.Equal(new DateOnly(2026, 11, 2), DateOnly.FromDateTime(r.ReceivedAt!.Value.UtcDateTime));
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero), r.Deadline); // the end of Friday 13th, the next working day
    }

    [Fact, Rule(Id, "emergency-deadline")]
    public void Art10_4_the_8_hours_start_with_the_hour_after_receipt()
    {
        // Regulation 1182/71 Art. 3(1) and 3(2)(a): the hour in which the EPOC is received is not counted.
        var s = Send(Eu().ThreatToLife(), Judge, Id, "subscriber", emergency: true);
        var r = s.Last();
        s.StepUntil(() => r.ReceivedAt is not null, $"{r.Id} was received");
        var received = r.ReceivedAt!.Value;
        Assert.Equal(new DateTimeOffset(received.Year, received.Month, received.Day, received.Hour, 0, 0, TimeSpan.Zero).AddHours(9), r.Deadline);
    }

    [Fact, Rule(Id, "emergency-deadline")]
    public void Art10_4_in_an_emergency_the_data_are_due_within_8_hours_of_receipt() =>
        DeadlineRuns(Eu().ThreatToLife(), Judge, Id, "subscriber", true, TimeSpan.FromHours(8), CountedFrom.Receipt, PeriodCounting.EuPeriods);

    [Fact, Rule(Id, "notification")]
    public void Art8_and_10_2_traffic_data_are_notified_to_the_enforcing_state_and_go_only_after_its_10_days_from_receipt()
    {
        var s = Send(Eu(), Judge, Id, "traffic");
        var r = s.Settle(s.Last());
        var notified = s.Events<EnforcingStateNotified>().Single();
        Assert.Equal(LawWorld.Requested, notified.State);
        // REG Art. 12(1)'s 10 days, counted by Regulation 1182/71 Art. 3: from the day after receipt (Monday 2 November)
        // to the end of the 10th day, on the enforcing state's calendar.
        Assert.Equal(new DateOnly(2026, 11, 2), DateOnly.FromDateTime(r.ReceivedAt!.Value.UtcDateTime));
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 0, 0, 0, TimeSpan.Zero), notified.WindowEnds);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("traffic").Status);
        Assert.True(s.Evidence("traffic").SecuredAt >= notified.WindowEnds, "the data went before the enforcing state's 10 days had passed");
        Assert.Empty(Send(Eu(), Judge, Id, "subscriber").Events<EnforcingStateNotified>());
    }

    [Fact, Rule(Id, "notification/domestic-case")]
    public void Art8_2_no_notification_where_the_offence_was_committed_in_the_issuing_state_and_the_person_resides_there()
    {
        LawWorld Facts(string[] committedIn, string? residesIn) => Eu().ChangeOffence(o => o with { CommittedIn = committedIn.ToHashSet(), PersonResidesIn = residesIn });
        var domestic = Send(Facts([LawWorld.Issuing, LawWorld.Requested], LawWorld.Issuing), Judge, Id, "traffic");
        var r = domestic.Settle(domestic.Last());
        Assert.Empty(domestic.Events<EnforcingStateNotified>());
        var skipped = domestic.Events<NotificationNotRequired>().Single();
        Assert.Equal((r.Id, LawWorld.Requested), (skipped.Request, skipped.State));
        Assert.StartsWith("REG Art. 8(2)", skipped.Rule);
        Assert.Null(r.NotificationWindowEnds);
        Assert.True(domestic.Evidence("traffic").SecuredAt < r.ReceivedAt + TimeSpan.FromDays(10), "the data waited for an objection window nobody had");

        // Both conditions must hold: a person living abroad, or an offence committed only abroad, and the order is notified.
        static int Notified(LawWorld world)
        {
            var s = Send(world, Judge, Id, "traffic");
            s.Settle(s.Last());
            return s.Events<EnforcingStateNotified>().Count();
        }
        Assert.Equal(1, Notified(Facts([LawWorld.Issuing], LawWorld.Requested)));
        Assert.Equal(1, Notified(Facts([LawWorld.Requested], LawWorld.Issuing)));
        Assert.Equal(1, Notified(Eu()));
    }

    [Fact, Rule(Id, "notification/emergency-transfer")]
    public void Art8_4_and_10_4_in_an_emergency_the_data_go_at_once_and_an_objection_within_96_hours_restricts_their_use()
    {
        var quick = Eu().ThreatToLife().ChangeProvider(LawWorld.Host, p => p with { EmergencyResponseTime = DurationRange.Parse("1min") });
        var s = Send(quick, Judge, Id, "traffic", emergency: true);
        var r = s.Settle(s.Last());
        var window = s.Events<EnforcingStateNotified>().Single().WindowEnds;
        var received = r.ReceivedAt!.Value; // 96 hours from the hour after receipt (1182/71 Art. 3(1), 3(2)(a))
        Assert.Equal(new DateTimeOffset(received.Year, received.Month, received.Day, received.Hour, 0, 0, TimeSpan.Zero).AddHours(97), window);
        Assert.True(s.Evidence("traffic").SecuredAt < r.ReceivedAt + TimeSpan.FromHours(8), "emergency data are not held for the objection window");

        var privileged = quick.ChangeOffence(o => o with { PrivilegedData = true }).Change(LawWorld.Requested, j => j with { Capability = Simulator.Core.World.Capability.Low });
        var objected = Send(privileged, Judge, Id, "traffic", emergency: true);
        objected.RunUntil(objected.Now + TimeSpan.FromHours(97));
        var objection = objected.Events<DataUseObjected>().Single();
        Assert.Equal("immunities-privileges", objection.Ground);
        Assert.Equal(EvidenceStatus.Lost, objected.Evidence("traffic").Status);
        Assert.Contains("erased after transmission", objected.Evidence("traffic").LostReason);
    }

    /// <summary>
    /// AA and BB bound by the Regulation; the host established in the United States, a third country whose law bars its
    /// providers from divulging content to a foreign authority unless a CLOUD Act agreement lifts the bar, with its legal
    /// representative in BB.
    /// </summary>
    private static LawWorld UsProvider() => Eu().State("US", "budapest", "us-sca")
        .Change("US", j => j with { DisclosureBars = [new Simulator.Core.World.DisclosureBar(new HashSet<DataCategory> { DataCategory.Content }, "18 USC 2702(a)", "cloud-act", "18 USC 2523")] })
        .Provider(LawWorld.Host, "US", p => p with { OffersServicesIn = new HashSet<string>([LawWorld.Requested]), LegalRepresentativeIn = LawWorld.Requested })
        .AllItemsAt(LawWorld.Host);

    /// <summary>The issuing state's seats but its judge's, whom the engine plays: the court, and the validator of the prosecutor's order.</summary>
    private static readonly string[] CourtNotSeated = [.. IssuingSeats.Where(seat => seat != Judge)];

    /// <summary>The prosecutor's order for <paramref name="items"/>, validated by the engine's judge and reviewed by the engine's court.</summary>
    private static Simulation SendBeforeTheEnginesCourt(LawWorld world, params string[] items)
    {
        var s = world.Run(CourtNotSeated);
        var sent = s.Decide(new SendRequest(Prosecutor, Id, items));
        Assert.True(sent.Accepted, sent.Message);
        return s;
    }

    [Fact, Rule(Id, "conflicting-obligations")]
    public void Art17_1_to_3_an_addressee_whose_home_law_forbids_the_disclosure_objects_and_execution_waits_for_the_issuing_states_court()
    {
        var s = SendBeforeTheEnginesCourt(UsProvider(), "content");
        var pending = s.Last();
        s.StepUntil(() => s.Events<ConflictingObligationRaised>().Any(), "the objection");
        Assert.True(s.Decide(new EscalateRequest(Prosecutor, pending.Id)).Accepted); // the court is not hurried by it
        var r = s.Settle(pending);
        var raised = s.Events<ConflictingObligationRaised>().Single();
        Assert.Equal(raised.ReviewEndsAt, s.Journal.Entries.Single(e => e.Event is ConflictingObligationReviewed).At);
        Assert.Equal(("US", "provider/host", "AA/judge"), (raised.ThirdCountry, raised.By, raised.Court));
        Assert.Equal([DataCategory.Content], raised.Categories);
        Assert.Null(r.Deadline); // suspended pending the review: the 10 days no longer run
        Assert.Empty(s.Events<DeadlineAtRisk>());
        var reviewed = s.Events<ConflictingObligationReviewed>().Single();
        Assert.True(reviewed.Upheld, reviewed.Reason);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("content").Status);
        Assert.True(s.Evidence("content").SecuredAt >= raised.ReviewEndsAt, "the data went before the court had reviewed the order");
        Assert.Contains(s.CheckDraft(new SendRequest(Judge, Id, ["content"])).RefusalRisks, risk => risk.StartsWith("conflicting-obligations: host may object that complying would break US's law", StringComparison.Ordinal));
    }

    [Fact, Rule(Id, "conflicting-obligations")]
    public void Art17_1_no_conflict_arises_for_data_the_third_countrys_law_lets_go_for_an_issuing_state_its_agreement_covers_or_a_provider_at_home_in_the_Union()
    {
        var subscriber = Send(UsProvider(), Judge, Id, "subscriber");
        subscriber.Settle(subscriber.Last());
        var agreement = Send(UsProvider().Agreement("US", LawWorld.Issuing, "cloud-act"), Judge, Id, "content");
        agreement.Settle(agreement.Last());
        var unionProvider = UsProvider().Change("US", j => j with { Frameworks = j.Frameworks.Append("eu-e-evidence").ToHashSet() });
        var union = Send(unionProvider, Judge, Id, "content");
        union.Settle(union.Last());
        foreach (var s in new[] { subscriber, agreement, union })
        {
            Assert.Empty(s.Events<ConflictingObligationRaised>());
            Assert.Equal(EvidenceStatus.Secured, s.Evidence(s.Last().Items[0].Id).Status);
        }
    }

    [Fact, Rule(Id, "conflicting-obligations/objection-window")]
    public void Art17_2_an_objection_comes_within_10_days_of_receipt_after_which_the_addressee_complies()
    {
        var s = Send(UsProvider(), Judge, Id, "content");
        var r = s.Last();
        s.StepUntil(() => s.Events<ConflictingObligationRaised>().Any(), "the objection");
        Assert.True(s.Now <= r.ReceivedAt + TimeSpan.FromDays(10), $"objected at {s.Now}, received {r.ReceivedAt}");

        // An addressee whose desk reaches the order only after the window has passed may no longer object: it complies.
        var busy = UsProvider().ChangeProvider(LawWorld.Host, p => p with { Capacity = 1 }).Run(IssuingSeats);
        foreach (var _ in Enumerable.Range(0, 30)) Send(busy, Judge, Id, "subscriber");
        Send(busy, Judge, Id, "content");
        var order = busy.Settle(busy.Last());
        var reviewStarted = order.Stages.First(st => st.State == RequestState.UnderReview).From;
        Assert.True(reviewStarted > order.ReceivedAt + TimeSpan.FromDays(10), $"the desk reached the order at {reviewStarted}, within the window: the case needs a longer queue");
        Assert.Empty(busy.Events<ConflictingObligationRaised>());
        Assert.Equal(EvidenceStatus.Secured, busy.Evidence("content").Status);
    }

    [Fact, Rule(Id, "conflicting-obligations/lifted-where")]
    public void Art17_5_the_court_lifts_the_order_where_the_person_is_connected_to_the_third_country_and_the_data_are_not_produced()
    {
        var s = SendBeforeTheEnginesCourt(UsProvider().PersonOf("US"), "content");
        var r = s.Settle(s.Last());
        var reviewed = s.Events<ConflictingObligationReviewed>().Single();
        Assert.False(reviewed.Upheld);
        Assert.Equal(RequestState.Refused, r.State);
        Assert.Equal("conflicting-obligations", r.RefusalGround);
        Assert.Equal("AA/judge", r.RefusedBy);
        Assert.NotEqual(EvidenceStatus.Secured, s.Evidence("content").Status);
    }

    [Fact, Rule(Id, "conflicting-obligations/lifted-where")]
    public void Art17_4_and_5_a_court_lifts_the_order_only_as_to_the_data_the_third_countrys_law_bars_and_it_stands_for_the_rest()
    {
        var s = SendBeforeTheEnginesCourt(UsProvider().PersonOf("US"), "subscriber", "content");
        var r = s.Settle(s.Last());
        var reviewed = s.Events<ConflictingObligationReviewed>().Single();
        Assert.False(reviewed.Upheld);
        Assert.Equal([DataCategory.Content], reviewed.OnlyFor);
        Assert.Contains("no conflict exists for them and the order stands for them (REG Art. 17(5))", reviewed.Reason);
        Assert.Equal(RequestState.Delivered, r.State);
        Assert.Contains(r.Stages, st => st.State == RequestState.PartlyProduced);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        Assert.True(s.Evidence("subscriber").SecuredAt >= s.Journal.Entries.Single(e => e.Event is ConflictingObligationReviewed).At, "the order was executed before the court's review ended");
        Assert.NotEqual(EvidenceStatus.Secured, s.Evidence("content").Status);
        var withheld = s.Events<EvidenceProduced>().Single(e => e.Evidence == "content");
        Assert.False(withheld.Found);
        Assert.StartsWith("withheld: the court lifted the order as to content data", withheld.Reason);

        // Under the rules before 2026.12.12 the court lifted the whole order.
        var before = UsProvider().PersonOf("US").Run(SimulationOptions.Under("2026.12.11", 1, new Simulator.Core.Policies.NoPolicy(), CourtNotSeated.ToHashSet()));
        Assert.True(before.Decide(new SendRequest(Prosecutor, Id, ["subscriber", "content"])).Accepted);
        Assert.Equal(RequestState.Refused, before.Settle(before.Last()).State);
        Assert.Null(before.Events<ConflictingObligationReviewed>().Single().OnlyFor);
        Assert.NotEqual(EvidenceStatus.Secured, before.Evidence("subscriber").Status);
    }

    [Fact, Rule(Id, "conflicting-obligations")]
    public void Art17_3_to_6_a_trainee_holding_the_issuing_states_judge_seat_is_the_court_and_decides_on_the_objection()
    {
        var s = UsProvider().PersonOf("US").Run(IssuingSeats);
        Assert.True(s.Decide(new SendRequest(Judge, Id, ["subscriber", "content"])).Accepted);
        var r = s.Last();
        s.StepUntil(() => s.Events<ConflictingObligationRaised>().Any(), "the objection");
        var raised = s.Events<ConflictingObligationRaised>().Single();
        Assert.Equal(Judge, raised.Court);
        Assert.Null(raised.ReviewEndsAt); // the trainee's review takes as long as they take
        s.RunUntil(s.Now + TimeSpan.FromDays(120));
        Assert.Empty(s.Events<ConflictingObligationReviewed>()); // the engine does not decide for the seated court
        Assert.Equal(RequestState.UnderReview, r.State);

        Assert.Contains("may not review", s.Decide(new ReviewConflict(Prosecutor, r.Id, true)).Message);
        Assert.StartsWith("reason: give the court's reasons for lifting", s.Decide(new ReviewConflict(Judge, r.Id, false, "  ")).Message);
        Assert.Contains("no request", s.Decide(new ReviewConflict(Judge, "req-999", true)).Message);
        var lifted = s.Decide(new ReviewConflict(Judge, r.Id, false, "the account holder lives in the US, whose law protects the content"));
        Assert.True(lifted.Accepted, lifted.Message);
        Assert.Equal($"{r.Id} lifted as to content data; it stands for the rest, which the addressee executes", lifted.Message);
        Assert.Contains("already decided (lifted-in-part)", s.Decide(new ReviewConflict(Judge, r.Id, true)).Message);
        s.Settle(r);
        var reviewed = s.Events<ConflictingObligationReviewed>().Single();
        Assert.Equal((Judge, false), (reviewed.By, reviewed.Upheld));
        Assert.StartsWith("the account holder lives in the US, whose law protects the content, and the order is lifted as to the data it bars", reviewed.Reason);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        Assert.NotEqual(EvidenceStatus.Secured, s.Evidence("content").Status);

        // The court may weigh otherwise than the engine would: upheld, the addressee executes the whole order.
        var upholding = UsProvider().PersonOf("US").Run(IssuingSeats);
        Assert.True(upholding.Decide(new SendRequest(Judge, Id, ["content"])).Accepted);
        upholding.StepUntil(() => upholding.Events<ConflictingObligationRaised>().Any(), "the objection");
        Assert.Equal($"{upholding.Last().Id} upheld: the addressee executes it", upholding.Decide(new ReviewConflict(Judge, upholding.Last().Id, true)).Message);
        upholding.Settle(upholding.Last());
        Assert.Equal(EvidenceStatus.Secured, upholding.Evidence("content").Status);
    }

    [Fact, Rule(Id, "conflicting-obligations")]
    public void Art17_3_an_objection_left_with_a_court_seat_handed_to_the_engine_is_reviewed_by_the_engine_and_before_rules_2026_12_12_the_engine_always_was_the_court()
    {
        var world = UsProvider().PersonOf("US");
        var handed = world.Run(new SimulationOptions(1, new Simulator.Core.Policies.PreserveThenMlaPolicy(), IssuingSeats.ToHashSet()));
        Assert.True(handed.Decide(new SendRequest(Judge, Id, ["content"])).Accepted);
        var r = handed.Last();
        handed.StepUntil(() => handed.Events<ConflictingObligationRaised>().Any(), "the objection");
        Assert.True(handed.Decide(new HandSeatToEngine(Judge)).Accepted);
        handed.Settle(r);
        Assert.Equal(RequestState.Refused, r.State); // the engine's court lifts the order: the person is of the US
        Assert.Equal(Judge, handed.Events<ConflictingObligationReviewed>().Single().By);

        var before = world.Run(SimulationOptions.Under("2026.12.11", 1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        Assert.True(before.Decide(new SendRequest(Judge, Id, ["content"])).Accepted);
        before.StepUntil(() => before.Events<ConflictingObligationRaised>().Any(), "the objection");
        Assert.NotNull(before.Events<ConflictingObligationRaised>().Single().ReviewEndsAt);
        Assert.Contains("under this exercise's rules (before 2026.12.12) the engine is the court", before.Decide(new ReviewConflict(Judge, before.Last().Id, true)).Message);
        Assert.Equal(RequestState.Refused, before.Settle(before.Last()).State);
    }
}
