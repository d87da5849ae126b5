using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>
/// The enforcing authority a European Production Order is notified of (REG Arts. 8, 10(2) and 12(1)), when a trainee
/// holds the enforcing state's judge seat: they raise a ground within the window, confirm they raise none, or let it pass.
/// </summary>
public sealed class EuProductionOrderEnforcingAuthorityTests
{
    private const string Id = "eu-epoc";
    private const string Authority = "BB/judge";

    /// <summary>AA and BB bound by the Regulation; the data are privileged in BB, so a ground holds on the facts.</summary>
    private static LawWorld Privileged() => LawWorld.Parties("eu-e-evidence").ChangeOffence(o => o with { PrivilegedData = true });

    private static (Simulation, RequestRecord) Notified(LawWorld world, bool emergency = false, string rules = RulesVersion.Current, Simulator.Core.Policies.IInvestigationPolicy? policy = null)
    {
        var s = world.Run(SimulationOptions.Under(rules, 1, policy ?? new Simulator.Core.Policies.NoPolicy(), new HashSet<string>([.. IssuingSeats, Authority])));
        var sent = s.Decide(new SendRequest(Judge, Id, ["traffic"], emergency));
        Assert.True(sent.Accepted, sent.Message);
        var r = s.Last();
        s.StepUntil(() => s.Events<EnforcingStateNotified>().Any(), "the notification");
        return (s, r);
    }

    [Fact, Rule(Id, "notification/no-ground")]
    public void Art10_2_an_enforcing_authority_that_confirms_it_raises_no_ground_lets_the_data_go_at_once()
    {
        var (s, r) = Notified(Privileged());
        var window = s.Events<EnforcingStateNotified>().Single().WindowEnds;
        Assert.Contains("may not review", s.Decide(new ReviewNotification(Prosecutor, r.Id, null)).Message);
        Assert.Contains("no request", s.Decide(new ReviewNotification(Authority, "req-999", null)).Message);
        var cleared = s.Decide(new ReviewNotification(Authority, r.Id, null, "no immunity stands in the way"));
        Assert.True(cleared.Accepted, cleared.Message);
        Assert.StartsWith("REG Art. 10(2)", s.Events<NoGroundRaised>().Single().Rule);
        Assert.Contains("already decided (no-ground)", s.Decide(new ReviewNotification(Authority, r.Id, "immunities-privileges")).Message);
        // For the debrief: the privilege held on the facts and was not raised.
        Assert.StartsWith("no-ground: immunities-privileges", Assert.Single(s.Events<ReviewRecorded>().Single().Unsupported));
        s.Settle(r);
        Assert.Equal(RequestState.Delivered, r.State); // the engine would have objected on the privilege: the trainee decides
        Assert.True(s.Evidence("traffic").SecuredAt < window, "the data waited for the window although the enforcing authority raised no ground");
    }

    [Fact, Rule(Id, "refusal-grounds/immunities-privileges")]
    public void Art12_1_a_the_trainee_raises_a_ground_the_law_leaves_open_and_the_order_is_refused()
    {
        var (s, r) = Notified(Privileged().Offence(5, "extortion"));
        // Dual criminality does not reach an Annex IV offence of at least three years (Art. 12(1)(d)).
        Assert.StartsWith("ground: 'dual-criminality' does not reach this offence", s.Decide(new ReviewNotification(Authority, r.Id, "dual-criminality")).Message);
        Assert.StartsWith("ground: 'political-offence' is not a ground the enforcing state may raise", s.Decide(new ReviewNotification(Authority, r.Id, "political-offence")).Message);
        var raised = s.Decide(new ReviewNotification(Authority, r.Id, "immunities-privileges", "the account belongs to a lawyer"));
        Assert.True(raised.Accepted, raised.Message);
        Assert.Equal((RequestState.Refused, "immunities-privileges"), (r.State, r.RefusalGround));
        Assert.Equal(Authority, s.Events<RequestRefused>().Single().By);
        Assert.Empty(s.Events<ReviewRecorded>()); // the ground held: nothing to flag

        var (unfounded, other) = Notified(LawWorld.Parties("eu-e-evidence"));
        Assert.True(unfounded.Decide(new ReviewNotification(Authority, other.Id, "immunities-privileges")).Accepted);
        Assert.Equal(["immunities-privileges: the facts do not support it (REG Art. 12(1)(a))"], unfounded.Events<ReviewRecorded>().Single().Unsupported);
    }

    [Fact, Rule(Id, "notification")]
    public void Art12_1_a_window_the_trainee_lets_pass_leaves_the_order_standing_and_no_ground_may_be_raised_after_it()
    {
        var (s, r) = Notified(Privileged());
        var window = s.Events<EnforcingStateNotified>().Single().WindowEnds;
        s.Settle(r);
        Assert.Equal(RequestState.Delivered, r.State);
        Assert.True(s.Evidence("traffic").SecuredAt >= window);
        Assert.Contains("objection window ended", s.Decide(new ReviewNotification(Authority, r.Id, "immunities-privileges")).Message);
    }

    [Fact, Rule(Id, "notification/emergency-transfer")]
    public void Art10_4_in_an_emergency_the_trainee_objects_after_the_transfer_and_the_data_are_to_be_erased()
    {
        var quick = Privileged().ThreatToLife().ChangeProvider(LawWorld.Host, p => p with { EmergencyResponseTime = DurationRange.Parse("1min") });
        var (s, r) = Notified(quick, emergency: true);
        s.StepUntil(() => r.State == RequestState.Delivered, "the emergency transfer");
        var objected = s.Decide(new ReviewNotification(Authority, r.Id, "immunities-privileges"));
        Assert.True(objected.Accepted, objected.Message);
        Assert.Equal("immunities-privileges", s.Events<DataUseObjected>().Single().Ground);
        Assert.Equal(EvidenceStatus.Lost, s.Evidence("traffic").Status);
    }

    [Fact]
    public void A_notification_left_with_a_seat_handed_to_the_engine_is_reviewed_by_the_engine_and_before_rules_2026_12_13_the_engine_always_reviewed()
    {
        var (handed, r) = Notified(Privileged(), policy: new Simulator.Core.Policies.PreserveThenMlaPolicy());
        Assert.True(handed.Decide(new HandSeatToEngine(Authority)).Accepted);
        handed.Settle(r);
        Assert.Equal((RequestState.Refused, "immunities-privileges"), (r.State, r.RefusalGround));

        var (before, old) = Notified(Privileged(), rules: "2026.12.12");
        Assert.Contains("under this exercise's rules (before 2026.12.13) the engine reviews", before.Decide(new ReviewNotification(Authority, old.Id, null)).Message);
        before.Settle(old);
        Assert.Equal(RequestState.Refused, old.State);
    }

    [Fact]
    public void A_seat_handed_over_moments_before_the_window_ends_is_still_reviewed_and_one_given_back_keeps_the_review_with_its_trainee()
    {
        var (late, r) = Notified(Privileged(), policy: new Simulator.Core.Policies.PreserveThenMlaPolicy());
        var window = late.Events<EnforcingStateNotified>().Single().WindowEnds;
        late.RunUntil(window - TimeSpan.FromMinutes(1));
        Assert.True(late.Decide(new HandSeatToEngine(Authority)).Accepted);
        late.Settle(r);
        Assert.Equal((RequestState.Refused, "immunities-privileges"), (r.State, r.RefusalGround)); // before the window closed on it

        var (back, again) = Notified(Privileged(), policy: new Simulator.Core.Policies.PreserveThenMlaPolicy());
        Assert.True(back.Decide(new HandSeatToEngine(Authority)).Accepted);
        Assert.True(back.Decide(new GiveSeatBack(Authority)).Accepted);
        back.Settle(again);
        Assert.Equal(RequestState.Delivered, again.State); // the trainee let the window pass; the engine did not decide for them
    }
}
