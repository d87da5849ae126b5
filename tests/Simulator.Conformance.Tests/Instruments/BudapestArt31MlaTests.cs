using Simulator.Core.Common;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.World;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Mutual assistance for stored data, central authority to central authority (Budapest Arts. 25, 27, 31).</summary>
public sealed class BudapestArt31MlaTests
{
    private const string Id = "budapest-art31-mla";

    [Fact, Rule(Id, "issuers")]
    public void Art31_is_issued_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art31_1_is_open_between_Parties() =>
        Condition(Id, AuthorityRole.Prosecutor, "content", LawWorld.Parties("budapest"), LawWorld.Parties("budapest").State(LawWorld.Requested), "BB is not party to budapest");

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art27_4_a_may_be_refused_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art27_4_b_may_be_refused_where_sovereignty_security_or_ordre_public_is_prejudiced() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art25_4_dual_criminality_binds_only_a_state_whose_law_requires_it_for_the_data_sought()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        LawWorld Requires(params DataCategory[] categories) => LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = categories.ToHashSet() });
        Assert.Contains("requires dual criminality for the data sought", Requires().GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Content));
        Assert.Null(Requires(DataCategory.Content).GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Content));
        Assert.NotNull(Requires(DataCategory.Content).GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber));
    }

    [Fact, Rule(Id, "urgent")]
    public void Art31_3_a_an_urgent_request_needs_data_still_vulnerable_to_loss()
    {
        // The host keeps its data for 30 days: an ordinary answer (about seven months) would come too late.
        var s = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30)).Run(IssuingSeats);
        var urgent = s.CheckDraft(new SendRequest(Prosecutor, Id, ["content"], Urgent: true));
        Assert.True(urgent.CanSend, string.Join("; ", urgent.Problems));
        Assert.Contains(urgent.Conditions, c => c.Condition == "urgent: data particularly vulnerable to loss or modification" && c.Met && c.Source.StartsWith("ETS185 Art. 31(3)(a)"));

        // Once the holder has frozen the data, it is no longer vulnerable: the request may still go, but not as urgent.
        Send(s, ContactPoint, "budapest-art29-preservation", "content");
        s.StepUntil(() => s.Evidence("content").Status == EvidenceStatus.Preserved, "the content was frozen");
        Refused(s.CheckDraft(new SendRequest(Prosecutor, Id, ["content"], Urgent: true)), "each is frozen, copied, gone, or kept by its holder beyond then");
        Allowed(s.CheckDraft(new SendRequest(Prosecutor, Id, ["content"])));

        // Data its holder keeps for years is not particularly vulnerable, frozen or not.
        var kept = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(3 * 365)).Run(IssuingSeats);
        Refused(kept.CheckDraft(new SendRequest(Prosecutor, Id, ["content"], Urgent: true)), "no item sought is at risk before an ordinary answer could come (about 217d");
    }

    [Fact, Rule(Id, "urgent/means")]
    public void Art25_3_and_Art31_3_an_urgent_request_travels_by_expedited_means_and_skips_the_backlog()
    {
        // Behind a central authority with a 300-day backlog, the ordinary request waits; the urgent one is reviewed within a week.
        var backlogged = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30)).Change(LawWorld.Requested, j => j with { CentralAuthority = new CentralAuthorityOffice(1, DurationRange.Parse("300d")) });
        var ordinary = Taken(backlogged, urgent: false);
        var urgent = Taken(backlogged, urgent: true);
        Assert.True(ordinary.CaseStartsAt - ordinary.ReceivedAt > TimeSpan.FromDays(100), $"the ordinary request waited only {ordinary.CaseStartsAt - ordinary.ReceivedAt}");
        Assert.True(urgent.CaseStartsAt - urgent.ReceivedAt < TimeSpan.FromDays(7), $"the urgent request waited {urgent.CaseStartsAt - urgent.ReceivedAt}");
        Assert.True(urgent.ReceivedAt - urgent.SentAt < ordinary.ReceivedAt - ordinary.SentAt, "expedited means were no faster than the ordinary channel");

        static RequestRecord Taken(LawWorld world, bool urgent)
        {
            var s = world.Run(IssuingSeats);
            var sent = s.Decide(new SendRequest(Prosecutor, Id, ["content"], Urgent: urgent,
                Particulars: new RequestParticulars("illegal access", "intrusion into the hospital's network", "the logs show the intruder", urgent ? "the holder deletes these logs within weeks" : null)));
            Assert.True(sent.Accepted, sent.Message);
            var r = s.Last();
            Assert.Equal(urgent, r.Urgent);
            s.StepUntil(() => r.CaseStartsAt is not null && r.ReceivedAt is not null, $"{r.Id}'s review was taken up");
            return r;
        }
    }

    [Fact, Rule(Id, "urgent")]
    public void Art31_3_a_an_urgent_request_states_its_grounds_in_the_template()
    {
        // Art. 31(3)(a) turns on "grounds to believe": a request sent with the template must state them.
        var s = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30)).Run(IssuingSeats);
        Refused(s.CheckDraft(new SendRequest(Prosecutor, Id, ["content"], Urgent: true, Particulars: new RequestParticulars("illegal access", "intrusion", "the logs"))),
            "urgency: an urgent request must give its grounds: data particularly vulnerable to loss or modification (ETS185 Art. 31(3)(a))");
        // Instruments without urgent handling refuse the mark.
        Refused(s.CheckDraft(new SendRequest(Prosecutor, "budapest-art29-preservation", ["content"], Urgent: true)), "budapest-art29-preservation has no urgent handling");
    }

    [Fact]
    public void A_request_is_marked_an_emergency_or_urgent_not_both_since_an_emergency_is_handled_at_least_as_fast()
    {
        // Under a catalogue where Art. 31 also had an emergency procedure, the two marks together are still refused.
        var both = LawWorld.Catalogue.With([LawWorld.Catalogue[Id] with { SupportsEmergency = true }]);
        var world = LawWorld.Parties("budapest").ThreatToLife().HostKeeps(TimeSpan.FromDays(30)).Build();
        var check = new Simulator.Core.Rules.RequestRules(world, both).Check(new Simulator.Core.Rules.RequestDraft(Id, LawWorld.Issuing, AuthorityRole.Prosecutor, ["content"], Emergency: true, Urgent: true));
        Assert.Equal(["mark the request as an emergency or as urgent, not both: an emergency is handled at least as fast"], check.Problems);
    }

    [Fact]
    public void An_urgent_request_is_never_faster_than_an_emergency_whatever_its_speed_factor()
    {
        // The catalogue's emergency speed factor is 0.25; an urgent factor of 0.1 is taken as 0.25.
        var world = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30));
        DateTimeOffset? Received(double factor)
        {
            var catalogue = LawWorld.Catalogue.With([LawWorld.Catalogue[Id] with { Urgent = LawWorld.Catalogue[Id].Urgent! with { SpeedFactor = factor } }]);
            var s = new Simulation(world.Build(), catalogue, new SimulationOptions(1, new Simulator.Core.Policies.NoPolicy(), IssuingSeats.ToHashSet()));
            s.Start();
            s.RunUntil(s.Now);
            Assert.True(s.Decide(new SendRequest(Prosecutor, Id, ["content"], Urgent: true)).Accepted);
            var r = s.Last();
            s.StepUntil(() => r.ReceivedAt is not null, "the urgent request received");
            return r.ReceivedAt - r.SentAt is { } took ? r.SentAt + took : null;
        }
        Assert.Equal(0.25, LawWorld.Catalogue.Figures.EmergencySpeedFactor);
        Assert.Equal(Received(0.25), Received(0.1));
        Assert.NotEqual(Received(0.25), Received(1));
    }
}
