using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using Simulator.Core.World;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>
/// A provider's duties under an EU order (REG 2023/1543 Arts. 14-16): an addressee that lets the deadline pass is in
/// default, the issuing state may have the enforcing state enforce the order, an addressee that still does not comply
/// is penalised, and the cost of answering is the issuing state's where its law reimburses providers.
/// </summary>
public sealed class EuProductionOrderEnforcementTests
{
    private const string Id = "eu-epoc";

    /// <summary>An EU world whose provider answers an order only after 300 days, and never within a deadline on its own.</summary>
    private static LawWorld Slow(double compliance = 0) => LawWorld.Parties("eu-e-evidence")
        .ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("300d"), Policy = p.Policy with { BindingOrderComplianceRate = compliance } });

    private static EnforcementRequested AskForEnforcement(Simulation s, RequestRecord r)
    {
        s.StepUntil(() => s.Events<OrderInDefault>().Any(), "the default");
        var result = s.Decide(new EnforceOrder(Judge, r.Id));
        Assert.True(result.Accepted, result.Message);
        return s.Events<EnforcementRequested>().Single();
    }

    [Fact, Rule(Id, "enforcement")]
    public void Art16_1_an_addressee_that_lets_the_deadline_pass_is_in_default_and_only_then_may_the_order_be_put_to_enforcement()
    {
        var s = Send(Slow(), Judge, Id, "subscriber");
        var r = s.Last();
        var early = s.Decide(new EnforceOrder(Judge, r.Id));
        Assert.False(early.Accepted);
        Assert.Contains("not in default", early.Message);
        var requested = AskForEnforcement(s, r);
        var inDefault = s.Events<OrderInDefault>().Single();
        Assert.Equal(r.Deadline, inDefault.Deadline);
        Assert.Equal(inDefault.Deadline, s.Journal.Entries.Single(e => e.Event is OrderInDefault).At);
        Assert.Equal(("BB/judge", Judge), (requested.EnforcingAuthority, requested.By));
        Assert.False(s.Decide(new EnforceOrder(Judge, r.Id)).Accepted); // asked once
        Assert.False(s.Decide(new EnforceOrder("BB/judge", r.Id)).Accepted); // by the issuing state only

        s.Settle(r);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
        Assert.True(s.Evidence("subscriber").SecuredAt < r.SentAt + TimeSpan.FromDays(60), "the enforced order should be answered within weeks, not the provider's 300 days");
        Assert.True(s.Events<EnforcementDecided>().Single().Recognised);
    }

    [Fact, Rule(Id, "enforcement")]
    public void Art16_1_an_order_answered_in_time_or_from_an_instrument_without_enforcement_cannot_be_enforced()
    {
        var onTime = Send(LawWorld.Parties("eu-e-evidence"), Judge, Id, "subscriber");
        var r = onTime.Settle(onTime.Last());
        Assert.Empty(onTime.Events<OrderInDefault>());
        Assert.Contains("nothing to enforce", onTime.Decide(new EnforceOrder(Judge, r.Id)).Message);

        var mla = Send(LawWorld.Parties("budapest"), Judge, "budapest-art31-mla", "subscriber");
        Assert.Contains("no enforcement procedure", mla.Decide(new EnforceOrder(Judge, mla.Last().Id)).Message);
    }

    [Fact, Rule(Id, "enforcement/recognition")]
    public void Art16_2_the_enforcing_authority_decides_within_5_working_days_of_receiving_the_order()
    {
        var s = Send(Slow(), Judge, Id, "subscriber");
        var r = s.Last();
        var requested = AskForEnforcement(s, r);
        var asked = s.Now;
        var calendar = s.World.Jurisdiction(LawWorld.Requested).Calendar;
        // Five working days from the day after the request, to the end of the fifth (Regulation 1182/71 Art. 3(3)).
        var day = DateOnly.FromDateTime(asked.ToOffset(calendar.UtcOffset).DateTime);
        for (var counted = 0; counted < 5;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        Assert.Equal(new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.UtcOffset), requested.DecideBy);
        s.StepUntil(() => s.Events<EnforcementDecided>().Any(), "the decision");
        Assert.True(s.Now <= requested.DecideBy, $"decided at {s.Now}, after {requested.DecideBy}");
    }

    [Fact, Rule(Id, "enforcement/penalty")]
    public void Art15_1_an_addressee_that_still_does_not_comply_is_penalised_up_to_2_percent_of_its_turnover_and_may_challenge_it()
    {
        var s = Send(Slow().ChangeProvider(LawWorld.Host, p => p with { AnnualTurnover = 1_000_000m }), Judge, Id, "subscriber");
        var r = s.Last();
        AskForEnforcement(s, r);
        s.Settle(r);
        var penalty = s.Events<PenaltyImposed>().Single();
        Assert.Equal((0.02, 20_000m, "provider/host", "BB/judge"), (penalty.CeilingShare, penalty.Ceiling, penalty.Provider, penalty.By));
        Assert.Contains("Art. 15(1)", penalty.Source);
        Assert.Contains("judicial remedy", penalty.Remedy);
        Assert.Equal(EnforcementState.Complied, r.Enforcement!.State);
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status); // it complies once penalised
        var outcome = s.Outcome();
        Assert.Equal((1, 1, 1), (outcome.Rights!.OrdersInDefault, outcome.Rights.EnforcementsRequested, outcome.Rights.Penalties));
        Assert.Equal(20_000m, outcome.Requests.Single().PenaltyCeiling);

        // Without the provider's turnover, the penalty is recorded without a figure.
        var unknown = Send(Slow(), Judge, Id, "subscriber");
        AskForEnforcement(unknown, unknown.Last());
        unknown.Settle(unknown.Last());
        Assert.Null(unknown.Events<PenaltyImposed>().Single().Ceiling);
    }

    [Fact, Rule(Id, "enforcement")]
    public void Art16_3_an_addressee_that_complies_once_formally_required_is_not_penalised()
    {
        // Always compliant, but so busy that the deadline passes while the order waits at its desk.
        var busy = LawWorld.Parties("eu-e-evidence").ChangeProvider(LawWorld.Host, p => p with { Capacity = 1, ResponseTime = DurationRange.Parse("20d") }).Run(IssuingSeats);
        foreach (var _ in Enumerable.Range(0, 3)) Send(busy, Judge, Id, "subscriber");
        var r = busy.Last();
        busy.StepUntil(() => busy.Events<OrderInDefault>().Any(e => e.Request == r.Id), "the default");
        Assert.True(busy.Decide(new EnforceOrder(Judge, r.Id)).Accepted);
        busy.Settle(r);
        Assert.Empty(busy.Events<PenaltyImposed>());
        Assert.Equal(EnforcementState.Complied, r.Enforcement!.State);
        // Recognised, and answered within the catalogue's compliance time of it: ahead of its own queue.
        var decided = busy.Journal.Entries.Single(e => e.Event is EnforcementDecided d && d.Request == r.Id);
        Assert.True(((EnforcementDecided)decided.Event).Recognised);
        var compliance = LawWorld.Catalogue[Id].Enforcement!.Compliance;
        Assert.InRange(r.RespondedAt!.Value, decided.At, decided.At + compliance.Max);
    }

    [Fact, Rule(Id, "enforcement/grounds/immunities-privileges")]
    public void Art16_4_an_order_for_privileged_data_is_not_recognised_and_the_addressee_need_not_comply()
    {
        var s = Send(Slow().ChangeOffence(o => o with { PrivilegedData = true }), Judge, Id, "subscriber");
        var r = s.Last();
        AskForEnforcement(s, r);
        s.Settle(r);
        var decided = s.Events<EnforcementDecided>().Single();
        Assert.False(decided.Recognised);
        Assert.Contains("16(4)", decided.Source);
        Assert.Equal((RequestState.Refused, "immunities-privileges"), (r.State, r.RefusalGround));
        Assert.Empty(s.Events<PenaltyImposed>());
        Assert.Equal(1, s.Outcome().Rights!.EnforcementsNotRecognised);
    }

    [Fact, Rule(Id, "enforcement/grounds/manifest-charter-breach")]
    public void Art16_4_an_order_whose_execution_would_manifestly_breach_the_Charter_is_not_recognised_but_dual_criminality_is_no_ground_against_enforcement()
    {
        var s = Send(Slow().ChangeOffence(o => o with { FundamentalRightsConcern = true }), Judge, Id, "subscriber");
        var r = s.Last();
        AskForEnforcement(s, r);
        s.Settle(r);
        Assert.Equal((RequestState.Refused, "manifest-charter-breach"), (r.State, r.RefusalGround));

        var notCriminalised = Send(Slow().DoesNotCriminalise(LawWorld.Requested, "extortion"), Judge, Id, "subscriber");
        AskForEnforcement(notCriminalised, notCriminalised.Last());
        notCriminalised.Settle(notCriminalised.Last());
        Assert.True(notCriminalised.Events<EnforcementDecided>().Single().Recognised);
    }

    [Fact, Rule(Id, "enforcement")]
    public void Exercises_made_before_rules_2026_12_9_record_no_default()
    {
        var world = Slow().Build();
        var s = new Simulation(world, LawWorld.Catalogue, SimulationOptions.Under("2026.12.8", 1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        s.Start();
        s.RunUntil(LawWorld.StartsAt);
        Send(s, Judge, Id, "subscriber");
        s.Settle(s.Last());
        Assert.Empty(s.Events<OrderInDefault>());
    }

    [Fact, Rule(Id, "costs"), Rule("eu-epoc-pr", "costs")]
    public void Art14_the_provider_may_claim_its_costs_from_an_issuing_state_whose_law_reimburses_them_and_bears_them_otherwise()
    {
        string? Bearer(LawWorld world, string instrument, string seat = Judge)
        {
            var s = Send(world.ChangeProvider(LawWorld.Host, p => p with { CostPerRequest = 100m }), seat, instrument, "subscriber");
            s.Settle(s.Last());
            return s.Outcome().Requests.Single().CostBorneBy;
        }
        LawWorld Reimbursing() => LawWorld.Parties("eu-e-evidence").Change(LawWorld.Issuing, j => j with { ReimbursesProviders = "AA Code of Criminal Procedure, Art. 12 (invented)" });
        Assert.Equal("issuing-state", Bearer(Reimbursing(), Id));
        Assert.Equal("provider", Bearer(LawWorld.Parties("eu-e-evidence"), Id));
        Assert.Equal("issuing-state", Bearer(Reimbursing(), "eu-epoc-pr"));
        // An instrument that says nothing of costs leaves them where they fall, unattributed.
        Assert.Null(Bearer(LawWorld.Parties("budapest").Change(LawWorld.Issuing, j => j with { ReimbursesProviders = "AA law" }), "budapest-art29-preservation", Prosecutor));
    }
}

/// <summary>Telling the person whose data a European Production Order obtained (REG 2023/1543 Art. 13).</summary>
public sealed class EuProductionOrderInformingTests
{
    private const string Id = "eu-epoc";

    private static (Simulation S, RequestRecord R) Produced()
    {
        var s = Send(LawWorld.Parties("eu-e-evidence"), Judge, Id, "subscriber");
        return (s, s.Settle(s.Last()));
    }

    [Fact, Rule(Id, "informs-person")]
    public void Art13_1_once_the_data_are_produced_the_issuing_authority_tells_the_person_with_the_remedies_of_Art18()
    {
        var s = Send(LawWorld.Parties("eu-e-evidence"), Judge, Id, "subscriber");
        var r = s.Last();
        Assert.Contains("produced no data yet", s.Decide(new InformPerson(Judge, r.Id)).Message);
        s.Settle(r);
        var due = s.Journal.Entries.Single(e => e.Event is PersonToBeInformed);
        Assert.Equal(r.ClosedAt, due.At); // due once the data reached the issuing state
        Assert.Equal(1, s.Outcome().Rights!.PersonsNotInformed);
        Assert.False(s.Decide(new InformPerson("BB/judge", r.Id)).Accepted); // the issuing state's duty
        Assert.True(s.Decide(new InformPerson(Judge, r.Id)).Accepted);
        Assert.Contains("Art. 18", s.Events<PersonInformed>().Single().Remedies);
        Assert.Contains("already been informed", s.Decide(new InformPerson(Judge, r.Id)).Message);
        var rights = s.Outcome().Rights!;
        Assert.Equal((1, 1, 0), (rights.PersonsToInform, rights.PersonsInformed, rights.PersonsNotInformed));
    }

    [Fact, Rule(Id, "informs-person/delay")]
    public void Art13_2_telling_the_person_may_be_delayed_with_reasons_for_the_case_file_and_done_later()
    {
        var (s, r) = Produced();
        Assert.Contains("give the reasons", s.Decide(new InformPerson(Judge, r.Id, Delay: true, Reason: "  ")).Message);
        Assert.True(s.Decide(new InformPerson(Judge, r.Id, Delay: true, Reason: "the suspect would destroy the rest")).Accepted);
        var delayed = s.Events<InformingDelayed>().Single();
        Assert.Equal("the suspect would destroy the rest", delayed.Reason);
        Assert.Contains("Directive (EU) 2016/680 Art. 13(3)", delayed.Source);
        Assert.False(s.Decide(new InformPerson(Judge, r.Id, Delay: true, Reason: "again")).Accepted);
        Assert.Equal((1, 0), (s.Outcome().Rights!.InformingDelayed, s.Outcome().Rights!.PersonsNotInformed));
        Assert.True(s.Decide(new InformPerson(Judge, r.Id)).Accepted);
        Assert.Equal(InformingState.Informed, r.Informing!.State);
    }

    [Fact, Rule(Id, "informs-person")]
    public void No_duty_arises_for_an_instrument_without_it_an_order_that_found_nothing_or_under_rules_before_2026_12_10()
    {
        var mla = Send(LawWorld.Parties("budapest"), Judge, "budapest-art31-mla", "subscriber");
        mla.Settle(mla.Last());
        Assert.Empty(mla.Events<PersonToBeInformed>());
        Assert.Contains("sets no duty to inform", mla.Decide(new InformPerson(Judge, mla.Last().Id)).Message);

        var nothing = Send(LawWorld.Parties("eu-e-evidence").ChangeProvider(LawWorld.Host, p => p with { ProduceRate = 0 }), Judge, Id, "subscriber");
        nothing.Settle(nothing.Last());
        Assert.Empty(nothing.Events<PersonToBeInformed>());

        var old = new Simulation(LawWorld.Parties("eu-e-evidence").Build(), LawWorld.Catalogue,
            SimulationOptions.Under("2026.12.9", 1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        old.Start();
        old.RunUntil(LawWorld.StartsAt);
        Send(old, Judge, Id, "subscriber");
        old.Settle(old.Last());
        Assert.Empty(old.Events<PersonToBeInformed>());
    }

    [Fact, Rule(Id, "informs-person")]
    public void Art13_1_the_issuing_authority_informs_not_another_office_of_its_state_from_rules_2026_12_11()
    {
        var (s, r) = Produced();
        var refused = s.Decide(new InformPerson(Investigator, r.Id));
        Assert.False(refused.Accepted);
        Assert.Equal($"{Investigator} may not inform for {r.Id}: the duty is its issuing authority's ({Judge}, REG Art. 13(1))", refused.Message);
        Assert.False(s.Decide(new InformPerson(Investigator, r.Id, Delay: true, Reason: "it would warn the suspect")).Accepted);
        Assert.Empty(s.Events<InformingDelayed>());
        Assert.True(s.Decide(new InformPerson(Judge, r.Id)).Accepted);

        // An order an investigator issued with a prosecutor's validation: the two are its issuing authority.
        var validated = Send(LawWorld.Parties("eu-e-evidence"), Investigator, Id, "subscriber");
        var order = validated.Last();
        Assert.True(validated.Decide(new ValidateRequest(Prosecutor, order.Id, true)).Accepted);
        validated.Settle(order);
        Assert.Equal([Investigator, Prosecutor], Simulation.InformingAuthorities(order));
        Assert.False(validated.Decide(new InformPerson(ContactPoint, order.Id)).Accepted);
        Assert.False(validated.Decide(new InformPerson(Judge, order.Id)).Accepted); // it could have validated, but did not
        Assert.True(validated.Decide(new InformPerson(Prosecutor, order.Id, Delay: true, Reason: "it would warn the suspect")).Accepted);

        // Stored under rules 2026.12.10, any office of the issuing state informed, and replays still may.
        var old = new Simulation(LawWorld.Parties("eu-e-evidence").Build(), LawWorld.Catalogue,
            SimulationOptions.Under("2026.12.10", 1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        old.Start();
        old.RunUntil(LawWorld.StartsAt);
        Send(old, Judge, Id, "subscriber");
        old.Settle(old.Last());
        Assert.True(old.Decide(new InformPerson(Investigator, old.Last().Id)).Accepted);
    }

    [Fact, Rule(Id, "informs-person/delay")]
    public void The_careful_policies_record_a_delay_with_its_reason_and_everything_fastest_does_neither()
    {
        foreach (var (policy, delayed, due) in new[] { ("direct-orders-first", 1, 0), ("everything-fastest", 0, 1) })
        {
            var s = LawWorld.Parties("eu-e-evidence").Play(Simulator.Core.Policies.PolicyCatalogue.Get(policy), until: TimeSpan.FromDays(60));
            var rights = s.Outcome().Rights!;
            Assert.True(rights.PersonsToInform >= 1, $"{policy} obtained nothing by an EU order");
            Assert.Equal((delayed * rights.PersonsToInform, due * rights.PersonsToInform), (rights.InformingDelayed, rights.PersonsNotInformed));
        }
    }
}

/// <summary>Enforcement that has nothing left to do, and orders that may not be put to enforcement yet.</summary>
public sealed class EuProductionOrderEnforcementLimitsTests
{
    private const string Id = "eu-epoc";

    [Fact, Rule(Id, "enforcement")]
    public void An_order_answered_before_the_enforcing_authority_decides_needs_no_enforcement_and_is_not_counted_as_not_recognised()
    {
        // The provider misses the 10 days by a little (its own 11 days); the enforcing authority, as this catalogue has it,
        // takes at least 4 days to decide (within its 5 working days): the answer comes first.
        var slowRecognition = Simulator.Scenarios.Catalogue.CatalogueLoader.Parse(
            Simulator.Scenarios.Catalogue.CatalogueLoader.ShippedText.Replace("      recognition-time: 1d..5d~2d", "      recognition-time: 4d..5d~5d"), "slow-recognition.yaml");
        var world = LawWorld.Parties("eu-e-evidence").ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("11d"), Policy = p.Policy with { BindingOrderComplianceRate = 0 } });
        var s = new Simulation(world.Build(), slowRecognition, new SimulationOptions(1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
        s.Start();
        s.RunUntil(LawWorld.StartsAt);
        Send(s, Judge, Id, "subscriber");
        var r = s.Last();
        s.StepUntil(() => s.Events<OrderInDefault>().Any(), "the default");
        var catalogue = slowRecognition[Id].Enforcement!;
        Assert.True(s.Decide(new EnforceOrder(Judge, r.Id)).Accepted);
        s.Settle(r);
        s.StepUntil(() => s.Events<EnforcementDecided>().Any(), "the decision");
        var decided = s.Events<EnforcementDecided>().Single();
        Assert.True(r.RespondedAt < s.Journal.Entries.Single(e => e.Event is EnforcementDecided).At,
            $"the authority decided ({decided.Reason}) before the answer: the case needs a provider answering sooner after the deadline than {catalogue.RecognitionTime}");
        Assert.Equal(EnforcementState.NotNeeded, r.Enforcement!.State);
        Assert.Contains("nothing is left to enforce", decided.Reason);
        Assert.Equal((1, 0), (s.Outcome().Rights!.EnforcementsRequested, s.Outcome().Rights!.EnforcementsNotRecognised));
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("subscriber").Status);
    }

    [Fact, Rule(Id, "enforcement")]
    public void An_emergency_order_awaiting_its_validation_afterwards_is_not_put_to_enforcement()
    {
        // An investigator's emergency order for subscriber data goes first and is validated within 48 hours (REG Art. 4(5));
        // its 8 hours may pass before that, but an order not validated is not enforced (Art. 16(4)).
        var world = LawWorld.Parties("eu-e-evidence").ThreatToLife()
            .ChangeProvider(LawWorld.Host, p => p with { EmergencyResponseTime = DurationRange.Parse("30d"), Policy = p.Policy with { BindingOrderComplianceRate = 0 } });
        var s = Send(world, Investigator, Id, "subscriber", emergency: true);
        var r = s.Last();
        s.StepUntil(() => s.Events<OrderInDefault>().Any(), "the default");
        Assert.NotNull(r.ValidationDueBy);
        Assert.False(r.ValidationSettled);
        var refused = s.Decide(new EnforceOrder(Investigator, r.Id));
        Assert.False(refused.Accepted);
        Assert.Contains("awaits its validation", refused.Message);
    }
}
