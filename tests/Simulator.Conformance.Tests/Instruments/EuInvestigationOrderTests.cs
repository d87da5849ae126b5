using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>The European Investigation Order between member states bound by Directive 2014/41/EU ("EIO").</summary>
public sealed class EuInvestigationOrderTests
{
    private const string Id = "eu-eio";

    /// <summary>Two member states bound by the Directive, neither party to the Budapest Convention (the case it fills).</summary>
    private static LawWorld Bound() => LawWorld.Parties("eu-eio");

    [Fact, Rule(Id, "issuers")]
    public void Art2_c_an_EIO_is_issued_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art1_1_an_EIO_goes_only_between_member_states_bound_by_the_Directive_so_two_of_them_outside_Budapest_need_no_letters_rogatory()
    {
        Allowed(Bound().Check(Id, AuthorityRole.Prosecutor, "content"));
        Refused(Bound().Check("budapest-art31-mla", AuthorityRole.Prosecutor, "content"), "AA is not party to budapest");
        Refused(Bound().State(LawWorld.Requested, "eu-e-evidence", "eu-mla-2000").Check(Id, AuthorityRole.Prosecutor, "content"), "BB is not party to eu-eio");
    }

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art1_1_an_EIO_has_a_measure_carried_out_in_another_member_state() =>
        Refused(Bound().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Prosecutor, "content"), "no state can receive eu-eio");

    [Fact, Rule(Id, "response-deadline")]
    public void Art12_3_and_4_recognition_within_30_days_of_receipt_and_execution_within_90_more() =>
        DeadlineRuns(Bound(), Prosecutor, Id, "content", false, TimeSpan.FromDays(120), CountedFrom.Receipt, PeriodCounting.RequestedStateLaw);

    [Fact, Rule(Id, "waits-in-backlog")]
    public void Art7_1_an_EIO_goes_authority_to_authority_without_the_central_authority_backlog()
    {
        SkipsTheBacklog(Bound(), Prosecutor, Id, "subscriber");
        var slowCentralAuthority = Bound().Change(LawWorld.Requested, j => j with { CentralAuthority = new Simulator.Core.World.CentralAuthorityOffice(1, DurationRange.Parse("300d")) });
        var s = Send(slowCentralAuthority, Prosecutor, Id, "subscriber");
        var r = s.Settle(s.Last());
        Assert.Equal(Simulator.Core.Procedures.RequestState.Delivered, r.State);
        Assert.True(r.ClosedAt - r.SentAt < TimeSpan.FromDays(120), $"the EIO waited a central-authority backlog: {r.ClosedAt - r.SentAt}");
    }

    [Fact, Rule(Id, "template")]
    public void Art5_1_an_EIO_is_written_on_the_Annex_A_form_and_an_incomplete_one_is_refused_citing_it()
    {
        var form = LawWorld.Catalogue[Id].Template!;
        Assert.Equal("the EIO form of Directive 2014/41/EU Annex A", form.Form);
        var s = Bound().Run(IssuingSeats);
        var incomplete = s.Decide(new SendRequest(Prosecutor, Id, ["subscriber"], Particulars: new Simulator.Core.Engine.RequestParticulars(Facts: "the facts")));
        Assert.False(incomplete.Accepted);
        Assert.Contains("offence: describe the criminal act under investigation and the provisions of the issuing state's criminal law that apply (Directive 2014/41/EU Art. 5(1)(d)", incomplete.Message);
        Assert.Contains("necessity: describe the measure and the evidence it is to obtain, and why it is necessary and proportionate (Directive 2014/41/EU Arts. 5(1)(e), 6(1)(a)", incomplete.Message);
        // An instrument without a form of its own keeps the standard template of Budapest Art. 29(2).
        var mla = LawWorld.Parties("budapest").Run(IssuingSeats).Decide(new SendRequest(Prosecutor, "budapest-art31-mla", ["subscriber"], Particulars: new Simulator.Core.Engine.RequestParticulars(Facts: "the facts", Necessity: "needed")));
        Assert.Contains("offence: name the offence under investigation (Budapest Art. 29(2)(b))", mla.Message);
        Assert.True(s.Decide(new SendRequest(Prosecutor, Id, ["subscriber"], Particulars: new Simulator.Core.Engine.RequestParticulars("extortion, CC s. 253", "the facts", "to identify the account holder"))).Accepted);
    }

    [Fact, Rule(Id, "refusal-grounds/immunities-privileges")]
    public void Art11_1_a_may_be_refused_for_immunities_privileges_or_press_freedom() => GroundFollowsFacts(Id, "immunities-privileges");

    [Fact, Rule(Id, "refusal-grounds/national-security")]
    public void Art11_1_b_may_be_refused_to_protect_essential_national_security_interests() => GroundFollowsFacts(Id, "national-security");

    [Fact, Rule(Id, "refusal-grounds/ne-bis-in-idem")]
    public void Art11_1_d_may_be_refused_for_ne_bis_in_idem() => GroundFollowsFacts(Id, "ne-bis-in-idem");

    [Fact, Rule(Id, "refusal-grounds/fundamental-rights")]
    public void Art11_1_f_may_be_refused_where_execution_breaches_the_Charter() => GroundFollowsFacts(Id, "fundamental-rights");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art11_1_g_may_be_refused_where_the_conduct_is_no_offence_in_the_executing_state_and_the_Directive_has_no_political_offence_ground()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        Assert.DoesNotContain(LawWorld.Catalogue[Id].RefusalGrounds, g => g.When == RefusalCondition.PoliticalOffence);
    }

    [Fact, Rule(Id, "refusal-grounds/dual-criminality/exceptions/eio-annex-d")]
    public void Art11_1_g_dual_criminality_does_not_reach_an_Annex_D_offence_of_at_least_three_years()
    {
        LawWorld Case(int years, string conduct) => Bound().Offence(years, conduct).DoesNotCriminalise(LawWorld.Requested, conduct);
        Assert.Contains("Annex D", Case(3, "extortion").GroundClosed(Id, "dual-criminality", LawWorld.Requested));
        Assert.True(Case(2, "extortion").GroundHolds(Id, "dual-criminality", LawWorld.Requested));
        Assert.True(Case(8, "hacktivism").GroundHolds(Id, "dual-criminality", LawWorld.Requested));
    }

    [Fact, Rule(Id, "refusal-grounds/territoriality")]
    public void Art11_1_e_may_be_refused_for_an_offence_committed_on_the_executing_states_territory_that_is_no_offence_there_whatever_Annex_D_says()
    {
        LawWorld Committed(params string[] places) => Bound().Offence(5, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .ChangeOffence(o => o with { CommittedIn = places.ToHashSet() });
        var there = Committed(LawWorld.Requested);
        Assert.True(there.GroundHolds(Id, "territoriality", LawWorld.Requested, DataCategory.Subscriber));
        // Point (g)'s exceptions do not reach (e): extortion of five years is an Annex D offence, and a subscriber is identified.
        Assert.NotNull(there.GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber));
        Assert.False(Committed(LawWorld.Issuing, LawWorld.Requested).GroundHolds(Id, "territoriality", LawWorld.Requested), "committed in the issuing state too");
        Assert.False(Committed(LawWorld.Issuing).GroundHolds(Id, "territoriality", LawWorld.Requested), "committed nowhere on the executing state's territory");
        Assert.False(Bound().Offence(5, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion").GroundHolds(Id, "territoriality", LawWorld.Requested), "where it was committed is not known");
        Assert.False(Bound().Offence(5, "extortion").ChangeOffence(o => o with { CommittedIn = new HashSet<string>([LawWorld.Requested]) })
            .GroundHolds(Id, "territoriality", LawWorld.Requested), "an offence there too");

        var s = Send(there, Prosecutor, Id, "subscriber");
        var refused = s.Settle(s.Last());
        Assert.Equal((RequestState.Refused, "territoriality"), (refused.State, refused.RefusalGround));
    }

    [Fact, Rule(Id, "refusal-grounds/measure-restricted")]
    public void Art11_1_h_may_be_refused_where_the_executing_states_law_allows_the_measure_only_for_graver_or_listed_offences()
    {
        LawWorld Restricted(int years, int? minimum, params string[] listed) => Bound().Offence(years, "extortion").Change(LawWorld.Requested, j => j with
        {
            MeasureRestrictions = [new Simulator.Core.World.MeasureRestriction([DataCategory.Content], "Code of Criminal Procedure s. 100 (content only for serious offences)", minimum, listed.Length == 0 ? null : listed)],
        });
        Assert.True(Restricted(4, 5).GroundHolds(Id, "measure-restricted", LawWorld.Requested, DataCategory.Content));
        Assert.False(Restricted(5, 5).GroundHolds(Id, "measure-restricted", LawWorld.Requested, DataCategory.Content));
        Assert.False(Restricted(4, 5).GroundHolds(Id, "measure-restricted", LawWorld.Requested, DataCategory.Traffic), "traffic data are not restricted");
        Assert.True(Restricted(8, null, "terrorism").GroundHolds(Id, "measure-restricted", LawWorld.Requested, DataCategory.Content), "extortion is not on the list");
        Assert.Contains("restricts none", Bound().GroundClosed(Id, "measure-restricted", LawWorld.Requested, DataCategory.Content));

        var s = Send(Restricted(4, 5), Prosecutor, Id, "content");
        var refused = s.Settle(s.Last());
        Assert.Equal((RequestState.Refused, "measure-restricted"), (refused.State, refused.RefusalGround));
        Assert.Contains("the law of BB: Code of Criminal Procedure s. 100", s.Events<Simulator.Core.Journal.RequestRefused>().Single().Source);
    }

    [Fact, Rule(Id, "refusal-grounds/measure-restricted/exceptions/categories")]
    public void Art11_2_a_restriction_of_the_measure_does_not_reach_identifying_the_holder_of_a_subscription()
    {
        var world = Bound().Offence(1, "extortion").Change(LawWorld.Requested, j => j with
        {
            MeasureRestrictions = [new Simulator.Core.World.MeasureRestriction([DataCategory.Subscriber, DataCategory.Content], "law", 5)],
        });
        Assert.Contains("a request for subscriber data only", world.GroundClosed(Id, "measure-restricted", LawWorld.Requested, DataCategory.Subscriber));
        Assert.True(world.GroundHolds(Id, "measure-restricted", LawWorld.Requested, DataCategory.Subscriber, DataCategory.Content));
    }

    [Fact, Rule(Id, "refusal-grounds/dual-criminality/exceptions/categories")]
    public void Art11_2_dual_criminality_does_not_reach_identifying_the_holder_of_a_subscription_a_measure_of_Art10_2_e()
    {
        var world = Bound().Offence(8, "hacktivism").DoesNotCriminalise(LawWorld.Requested, "hacktivism");
        Assert.Contains("a request for subscriber data only", world.GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber));
        Assert.True(world.GroundHolds(Id, "dual-criminality", LawWorld.Requested, DataCategory.Traffic));
        Assert.True(world.GroundHolds(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber, DataCategory.Traffic));

        // In play, the executing state the engine plays executes the order for subscriber data and refuses it for traffic data.
        var subscriber = Send(world, Prosecutor, Id, "subscriber");
        Assert.Equal(RequestState.Delivered, subscriber.Settle(subscriber.Last()).State);
        var traffic = Send(world, Prosecutor, Id, "traffic");
        var refused = traffic.Settle(traffic.Last());
        Assert.Equal((RequestState.Refused, "dual-criminality"), (refused.State, refused.RefusalGround));
    }
}
