using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Rules;

namespace Simulator.Core.Tests.Rules;

/// <summary>Each rule of the catalogue as the engine applies it, named after the article that defines it.</summary>
public class InstrumentRuleTests
{
    private static readonly InstrumentCatalogue Catalogue = TestWorlds.Catalogue;
    private static RequestRules Rules() => new(TestWorlds.ThreeStates().World, TestWorlds.ThreeStates().Catalogue);

    private static RequestCheckResult Check(string instrument, AuthorityRole role, bool emergency = false, params string[] evidence) =>
        Rules().Check(new RequestDraft(instrument, "HO", role, evidence, emergency));

    [Fact]
    public void Budapest_Art29_1_preservation_goes_to_a_party_through_the_24_7_network()
    {
        var ok = Check("budapest-art29-preservation", AuthorityRole.ContactPoint, false, "c2-logs");
        Assert.True(ok.CanSend, string.Join("; ", ok.Problems));
        Assert.Equal("FA", ok.RequestedState);
    }

    [Fact]
    public void Budapest_Art29_7_preservation_lasts_at_least_60_days_and_continues_pending_MLA()
    {
        var p = Catalogue["budapest-art29-preservation"].Preservation!;
        Assert.Equal(TimeSpan.FromDays(60), p.Period.Value);
        Assert.True(p.ContinuesPendingProduction);
        Assert.Contains("29(7)", p.ContinuationSource);
    }

    [Fact]
    public void Budapest_Art29_4_dual_criminality_ground_needs_the_reservation()
    {
        var ground = Catalogue["budapest-art29-preservation"].RefusalGrounds.Single(g => g.When == RefusalCondition.OffenceNotCriminalised);
        Assert.Equal("budapest-art29-4", ground.RequiresReservation);
        var world = TestWorlds.ThreeStates().World;
        var extortionOnly = new World.Offence(["extortion"], 8, false, false, false, new HashSet<string>());
        // FA made the reservation and does not criminalise extortion; EU2 made none.
        Assert.True(RequestRules.GroundHolds(ground, world.Jurisdiction("HO"), world.Jurisdiction("FA"), extortionOnly, [DataCategory.Traffic]));
        Assert.False(RequestRules.GroundHolds(ground, world.Jurisdiction("HO"), world.Jurisdiction("EU2"), extortionOnly with { Conducts = ["unknown-conduct"] }, [DataCategory.Traffic]));
    }

    [Fact]
    public void Budapest_Art29_5_a_political_offence_may_be_refused()
    {
        var ground = Catalogue["budapest-art29-preservation"].RefusalGrounds.Single(g => g.When == RefusalCondition.PoliticalOffence);
        var world = TestWorlds.ThreeStates().World;
        var hacktivism = new World.Offence(["hacktivism"], 3, false, false, false, new HashSet<string>());
        Assert.True(RequestRules.GroundHolds(ground, world.Jurisdiction("HO"), world.Jurisdiction("FA"), hacktivism, [DataCategory.Traffic]));
        Assert.False(RequestRules.GroundHolds(ground, world.Jurisdiction("HO"), world.Jurisdiction("EU2"), hacktivism, [DataCategory.Traffic]));
    }

    [Fact]
    public void Budapest_Art31_MLA_goes_central_authority_to_central_authority()
    {
        var mla = Catalogue["budapest-art31-mla"];
        Assert.Equal(Channel.CentralAuthorities, mla.Channel);
        Assert.DoesNotContain(AuthorityRole.Investigator, mla.IssuersFor(DataCategory.Content));
        Assert.False(Check("budapest-art31-mla", AuthorityRole.Investigator, false, "c2-logs").CanSend);
        Assert.True(Check("budapest-art31-mla", AuthorityRole.Prosecutor, false, "c2-logs").CanSend);
    }

    [Fact]
    public void Budapest_Art32_reaches_only_public_or_consented_data()
    {
        var result = Check("budapest-art32-trans-border-access", AuthorityRole.Investigator, false, "c2-logs");
        Assert.False(result.CanSend);
        Assert.Contains(result.Problems, p => p.Contains("public", StringComparison.Ordinal));
    }

    [Fact]
    public void Second_Protocol_Art7_orders_cover_subscriber_information_only_between_parties()
    {
        Assert.Equal([DataCategory.Subscriber], Catalogue["budapest-2ap-art7-subscriber-order"].Categories);
        // US is not party to the Second Protocol in the test world.
        var toUs = Check("budapest-2ap-art7-subscriber-order", AuthorityRole.Prosecutor, false, "cloud-subscriber");
        Assert.False(toUs.CanSend);
        Assert.Contains(toUs.Problems, p => p.Contains("budapest-2ap", StringComparison.Ordinal));
        Assert.False(Check("budapest-2ap-art7-subscriber-order", AuthorityRole.Prosecutor, false, "cloud-logs").CanSend);
    }

    [Fact]
    public void Second_Protocol_Art9_emergency_disclosure_needs_a_threat_to_life()
    {
        var result = Check("budapest-2ap-art9-emergency-disclosure", AuthorityRole.ContactPoint, true, "mail-logins");
        Assert.False(result.CanSend);
        Assert.Contains(result.Problems, p => p.Contains("an emergency: a significant and imminent risk to the life or safety of a person", StringComparison.Ordinal));
        Assert.True(Catalogue["budapest-2ap-art9-emergency-disclosure"].EmergencyOnly);
    }

    [Fact]
    public void EU_REG_Art4_traffic_and_content_orders_are_for_judges_and_others_need_a_judges_validation()
    {
        var prosecutor = Check("eu-epoc", AuthorityRole.Prosecutor, false, "cloud-logs");
        Assert.True(prosecutor.CanSend);
        Assert.Contains(prosecutor.Conditions, c => c.Condition.Contains("validated by the judge of", StringComparison.Ordinal));
        var contactPoint = Check("eu-epoc", AuthorityRole.ContactPoint, false, "cloud-logs");
        Assert.Contains(contactPoint.Problems, p => p.Contains("may not issue eu-epoc for traffic", StringComparison.Ordinal) && p.Contains("with validation by a judge: investigator, prosecutor", StringComparison.Ordinal));
        Assert.True(Check("eu-epoc", AuthorityRole.Judge, false, "cloud-logs").CanSend);
        Assert.DoesNotContain(Check("eu-epoc", AuthorityRole.Judge, false, "cloud-logs").Conditions, c => c.Condition.Contains("validated", StringComparison.Ordinal));
        Assert.True(Check("eu-epoc", AuthorityRole.Prosecutor, false, "cloud-subscriber").CanSend);
    }

    [Fact]
    public void EU_REG_Art10_production_within_10_days_or_8_hours_in_an_emergency()
    {
        var epoc = Catalogue["eu-epoc"];
        Assert.Equal(TimeSpan.FromDays(10), epoc.ResponseDeadline!.Value);
        Assert.Equal(TimeSpan.FromHours(8), epoc.EmergencyDeadline!.Value);
    }

    [Fact]
    public void EU_REG_Art5_4_traffic_orders_need_a_3_year_offence_unless_listed()
    {
        var world = TestWorlds.ThreeStates().World;
        var rules = new RequestRules(world, Catalogue);
        var epoc = Catalogue["eu-epoc"];
        var items = new[] { world.Item("cloud-logs") };
        var minor = new World.Incident("x", "x", "HO", world.Start, world.Start, new World.Offence(["extortion"], 2, false, false, false, new HashSet<string>()));
        var listed = minor with { Offence = minor.Offence with { Conducts = ["illegal-access"] } };
        bool Met(World.Incident i) => rules.Conditions(epoc, world.Jurisdiction("HO"), world.Jurisdiction("US"), world.Provider("us-cloud"), items, i, false)
            .Single(c => c.Condition.Contains("3 years", StringComparison.Ordinal)).Met;
        Assert.False(Met(minor));
        Assert.True(Met(listed));
    }

    [Fact]
    public void EU_REG_Art8_and_12_traffic_orders_are_notified_and_may_be_objected_to()
    {
        var n = Catalogue["eu-epoc"].Notification!;
        Assert.Contains(DataCategory.Traffic, n.Categories);
        Assert.DoesNotContain(DataCategory.Subscriber, n.Categories);
        Assert.Equal(TimeSpan.FromDays(10), n.ObjectionWindow.Value);
        Assert.Equal(TimeSpan.FromHours(96), n.EmergencyObjectionWindow.Value);
        Assert.Contains(Catalogue["eu-epoc"].RefusalGrounds, g => g.By == Reviewer.EnforcingState && g.When == RefusalCondition.PrivilegedData);
    }

    [Fact]
    public void EU_REG_Art11_preservation_orders_hold_60_days_plus_30()
    {
        var p = Catalogue["eu-epoc-pr"].Preservation!;
        Assert.Equal(TimeSpan.FromDays(60), p.Period.Value);
        Assert.Equal(TimeSpan.FromDays(30), p.Extension!.Value);
        Assert.Equal(1, p.MaxExtensions);
    }

    [Fact]
    public void US_18_USC_2703f_preservation_holds_90_days_plus_one_90_day_extension()
    {
        var p = Catalogue["us-2703f-preservation"].Preservation!;
        Assert.Equal(TimeSpan.FromDays(90), p.Period.Value);
        Assert.Equal(TimeSpan.FromDays(90), p.Extension!.Value);
        Assert.Equal(1, p.MaxExtensions);
        // Only US authorities issue it: Homeland cannot.
        Assert.False(Check("us-2703f-preservation", AuthorityRole.Prosecutor, false, "cloud-logs").CanSend);
    }

    [Fact]
    public void CLOUD_Act_orders_need_an_executive_agreement()
    {
        var result = Check("cloud-act-order", AuthorityRole.Judge, false, "cloud-logs");
        Assert.False(result.CanSend);
        Assert.Contains(result.Problems, p => p.Contains("cloud-act agreement", StringComparison.Ordinal));
    }

    [Fact]
    public void Joint_investigation_teams_need_a_common_framework()
    {
        Assert.True(Check("joint-investigation-team", AuthorityRole.Prosecutor, false, "mail-logins").CanSend);
        Assert.False(Check("joint-investigation-team", AuthorityRole.Prosecutor, false, "c2-logs").CanSend);
    }

    [Fact]
    public void Requests_to_the_data_abroad_go_to_the_storage_state_or_a_state_whose_law_reaches_it()
    {
        var rules = Rules();
        var world = TestWorlds.ThreeStates().World;
        var mla = Catalogue["budapest-art31-mla"];
        Assert.Equal(["US"], rules.CandidateStates(mla, world.Jurisdiction("HO"), world.Provider("us-cloud"), [world.Item("cloud-logs")]));
        var wrong = Rules().Check(new RequestDraft("budapest-art31-mla", "HO", AuthorityRole.Prosecutor, ["c2-logs"], false, "EU2"));
        Assert.Contains(wrong.Problems, p => p.Contains("goes to FA, not EU2", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_instrument_states_its_legal_basis_and_every_rule_its_source()
    {
        foreach (var i in Catalogue.Instruments)
        {
            Assert.False(string.IsNullOrWhiteSpace(i.LegalBasis), i.Id);
            Assert.All(i.Preconditions, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{i.Id} {p.Kind}"));
            Assert.All(i.RefusalGrounds, g => Assert.False(string.IsNullOrWhiteSpace(g.Source), $"{i.Id} {g.Id}"));
            Assert.All(i.Categories, c => Assert.NotEmpty(i.IssuersFor(c)));
        }
    }

    [Fact]
    public void Every_instrument_a_policy_reaches_for_is_in_the_catalogue()
    {
        var ids = Catalogue.Instruments.Select(i => i.Id).ToHashSet();
        foreach (var policy in new[] { "mla-only", "preserve-then-mla", "direct-orders-first", "emergency-aware" })
        {
            var p = Policies.PolicyCatalogue.Get(policy);
            var lists = p.GetType().GetProperties(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .Where(x => x.PropertyType == typeof(IReadOnlyList<string>)).SelectMany(x => (IReadOnlyList<string>)x.GetValue(p)!);
            Assert.All(lists, id => Assert.Contains(id, ids));
        }
    }
}
