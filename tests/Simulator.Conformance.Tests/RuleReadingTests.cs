using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using Simulator.Core.Rules;
using Simulator.Core.World;

namespace Simulator.Conformance.Tests;

/// <summary>
/// How the rules read a draft beyond any one article: the words a player is shown for each problem, and each rule
/// applied over several items at once (one item frozen and one not, one stored at home and one abroad).
/// </summary>
public sealed class RuleReadingTests
{
    private const string Mla = "budapest-art31-mla";
    private const AuthorityRole Prosecutor = AuthorityRole.Prosecutor;
    private const AuthorityRole Judge = AuthorityRole.Judge;

    /// <param name="unfrozen">what a running simulation would say is still at its holder (default: everything).</param>
    /// <param name="preserved">what it would say is preserved through an instrument (default: nothing).</param>
    private static RequestCheckResult Check(LawWorld world, RequestDraft draft, bool detailed = true, InstrumentCatalogue? catalogue = null,
        Func<string, bool>? unfrozen = null, Func<string, string, bool>? preserved = null) =>
        new RequestRules(world.Build(), catalogue ?? LawWorld.Catalogue)
        {
            IsUnfrozenAtHolder = unfrozen ?? (_ => true),
            IsPreservedThrough = preserved ?? ((_, _) => false),
        }.Check(draft, detailed);

    private static RequestDraft Draft(string instrument, AuthorityRole role, params string[] items) => new(instrument, LawWorld.Issuing, role, items, false);

    private static string Source(string instrument, PreconditionKind kind) => LawWorld.Catalogue[instrument].Preconditions.First(p => p.Kind == kind).Source;

    private static ConditionCheck Condition(RequestCheckResult check, string startsWith) => check.Conditions.Single(c => c.Condition.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void A_draft_naming_no_known_state_instrument_or_item_is_stopped_with_what_is_wrong()
    {
        var world = LawWorld.Parties("budapest").Provider("other", LawWorld.Requested).Item("elsewhere", "other", DataCategory.Content);
        Assert.Equal(["unknown instrument 'nope' (see `simulator instruments`)"], Check(world, Draft("nope", Prosecutor, "content")).Problems);
        Assert.Equal(["unknown issuing state 'ZZ'"], Check(world, new RequestDraft(Mla, "ZZ", Prosecutor, ["content"], false)).Problems);
        Assert.Equal(["a request must name at least one evidence item"], Check(world, Draft(Mla, Prosecutor)).Problems);
        Assert.Equal(["unknown evidence item(s): nope, gone"], Check(world, Draft(Mla, Prosecutor, "content", "nope", "gone")).Problems);
        Assert.Equal(["one request goes to one holder, but these items are held by host, other"], Check(world, Draft(Mla, Prosecutor, "content", "elsewhere")).Problems);
        Assert.Null(Check(world, Draft("nope", Prosecutor, "content")).RequestedState);
    }

    [Fact]
    public void An_office_that_may_not_issue_is_told_who_may()
    {
        var world = LawWorld.Parties("budapest");
        Assert.Contains("an investigator may not issue budapest-art31-mla for content data; allowed: prosecutor, judge (ETS185 Arts. 25, 27, 31)",
            Check(world, Draft(Mla, AuthorityRole.Investigator, "content")).Problems);
        Assert.Contains("a contact-point may not issue budapest-art31-mla for content data; allowed: prosecutor, judge (ETS185 Arts. 25, 27, 31)",
            Check(world, Draft(Mla, AuthorityRole.ContactPoint, "content")).Problems);
    }

    [Fact]
    public void An_emergency_the_instrument_or_the_facts_do_not_allow_is_named_once()
    {
        var world = LawWorld.Parties("budapest", "budapest-2ap", "eu-e-evidence");
        var mla = Check(world, Draft(Mla, Prosecutor, "content") with { Emergency = true }).Problems;
        Assert.Contains("budapest-art31-mla has no emergency procedure", mla);
        Assert.Contains("an emergency request needs a threat to life or of serious injury, which incident case does not show", mla);

        var definition = LawWorld.Catalogue["eu-epoc"].EmergencyDefinition!;
        Assert.Contains($"an emergency request under eu-epoc needs {definition.Name} ({definition.Source}), which incident case does not show",
            Check(world.Provider(LawWorld.Host, LawWorld.Requested).AllItemsAt(LawWorld.Host), Draft("eu-epoc", Judge, "subscriber") with { Emergency = true }).Problems);

        // An instrument whose precondition is the emergency says so in that condition alone.
        var art9 = Check(world, Draft("budapest-2ap-art9-emergency-disclosure", Prosecutor, "content") with { Emergency = true });
        Assert.DoesNotContain(art9.Problems, p => p.StartsWith("an emergency request", StringComparison.Ordinal));
        var emergency = Condition(art9, "an emergency:");
        Assert.False(emergency.Met);
        Assert.Equal("incident case shows no such threat", emergency.Why);
        var undefined = LawWorld.Catalogue.With([LawWorld.Catalogue["budapest-2ap-art9-emergency-disclosure"] with { EmergencyDefinition = null }]);
        var plain = Condition(Check(world, Draft("budapest-2ap-art9-emergency-disclosure", Prosecutor, "content") with { Emergency = true }, catalogue: undefined), "threat to life");
        Assert.Equal("no threat to life or serious injury", plain.Why);
    }

    [Fact]
    public void An_urgent_request_is_urgent_while_any_item_sought_may_still_be_lost()
    {
        var world = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30));
        var urgent = Draft(Mla, Prosecutor, "traffic", "content") with { Urgent = true };
        Assert.Contains("mark the request as an emergency or as urgent, not both: an emergency is handled at least as fast",
            Check(world, urgent with { Emergency = true }).Problems);
        var one = Condition(Check(world, urgent, unfrozen: id => id == "content"), "urgent:");
        Assert.True(one.Met);
        Assert.Null(one.Why);
        var none = Condition(Check(world, urgent, unfrozen: _ => false), "urgent:");
        Assert.False(none.Met);
        Assert.Equal("no item sought is at risk before an ordinary answer could come (about 217d): each is frozen, copied, gone, or kept by its holder beyond then, so the request is not urgent", none.Why);
        // Rules without a running simulation take every item as unfrozen, judged at the scenario's start.
        Assert.True(Condition(new RequestRules(world.Build(), LawWorld.Catalogue).Check(urgent), "urgent:").Met);
    }

    [Fact]
    public void A_request_goes_where_the_data_is_or_where_the_providers_state_reaches_it()
    {
        var world = LawWorld.Parties("budapest").State("CC", "budapest").Provider(LawWorld.Host, "CC").Item("content", LawWorld.Host, DataCategory.Content, storedIn: LawWorld.Requested);
        Assert.Contains("budapest-art31-mla for data held by host goes to BB, not CC", Check(world, Draft(Mla, Prosecutor, "content") with { RequestedState = "CC" }).Problems);
        var reaching = world.Change("CC", j => j with { ReachesDataAbroad = true });
        var check = Check(reaching, Draft(Mla, Prosecutor, "content") with { RequestedState = "CC" });
        Assert.True(check.CanSend, string.Join("; ", check.Problems));
        Assert.Equal("CC", Check(reaching, Draft(Mla, Prosecutor, "content")).RequestedState);
    }

    [Fact]
    public void An_unmet_condition_is_shown_with_its_source_and_why()
    {
        var world = LawWorld.Parties("budapest").State(LawWorld.Requested);
        Assert.Contains($"condition not met: both states party to budapest ({Source(Mla, PreconditionKind.BothParties)}): BB is not party to budapest",
            Check(world, Draft(Mla, Prosecutor, "content")).Problems);
    }

    [Fact]
    public void A_quick_check_skips_what_only_people_read()
    {
        var world = LawWorld.Parties("budapest").Change(LawWorld.Requested, j => j with { PoliticalOffences = new HashSet<string> { "extortion" } }).Offence(5, "illegal-access", "extortion");
        var full = Check(world, Draft(Mla, Prosecutor, "content"));
        var ground = LawWorld.Catalogue[Mla].RefusalGrounds.Single(g => g.Id == "political-offence");
        Assert.Equal([$"political-offence: {ground.Describe()} ({ground.Source})"], full.RefusalRisks);
        Assert.All(full.Conditions, c => Assert.Null(c.Why));
        Assert.NotEmpty(full.Conditions);
        var quick = Check(world, Draft(Mla, Prosecutor, "content"), detailed: false);
        Assert.Empty(quick.RefusalRisks);
        Assert.Empty(quick.Conditions);
        Assert.True(quick.CanSend);
        // No ground the facts support, no risk shown.
        Assert.Empty(Check(LawWorld.Parties("budapest"), Draft(Mla, Prosecutor, "content")).RefusalRisks);
    }

    [Fact]
    public void An_order_for_a_provider_at_home_is_sent_to_a_domestic_order()
    {
        var home = LawWorld.Parties("budapest", "budapest-2ap").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host);
        Assert.Contains("no state can receive budapest-2ap-art7-subscriber-order from AA for data held by host: host is established in AA; use a domestic order",
            Check(home, Draft("budapest-2ap-art7-subscriber-order", Prosecutor, "subscriber")).Problems);
        Assert.Contains("no state can receive budapest-art31-mla from AA for data held by host", Check(home, Draft(Mla, Prosecutor, "content")).Problems);
    }

    [Fact]
    public void An_EU_order_goes_to_the_providers_legal_representative_before_its_seat()
    {
        var world = LawWorld.Parties("eu-e-evidence").State("DD", "eu-e-evidence")
            .Provider(LawWorld.Host, "DD", p => p with { LegalRepresentativeIn = LawWorld.Requested }).AllItemsAt(LawWorld.Host);
        Assert.Equal(LawWorld.Requested, Check(world, Draft("eu-epoc", Judge, "subscriber")).RequestedState);
    }

    [Fact]
    public void The_conditions_on_the_providers_state_and_services_name_the_provider()
    {
        var us = LawWorld.Parties("budapest").ThreatToLife();
        Assert.Equal("host is established in BB, not under us-sca",
            Condition(Check(us, Draft("us-2702-emergency-disclosure", Prosecutor, "subscriber") with { Emergency = true }), "provider established in a state under us-sca").Why);

        // Offering services in a state of the world that is not under the Regulation is not offering them in the Union,
        // even with a legal representative there.
        var outside = LawWorld.Parties("budapest").State(LawWorld.Issuing, "eu-e-evidence").State("DD", "eu-e-evidence")
            .ChangeProvider(LawWorld.Host, p => p with { LegalRepresentativeIn = "DD" });
        var services = Condition(Check(outside, Draft("eu-epoc", Judge, "subscriber")), "provider offers services under");
        Assert.False(services.Met);
        Assert.Equal("host offers no services in a state under eu-e-evidence", services.Why);

        // Established at home, represented abroad: the order has an addressee, but the provider is not foreign.
        var home = LawWorld.Parties("eu-e-evidence").Provider(LawWorld.Host, LawWorld.Issuing, p => p with { LegalRepresentativeIn = LawWorld.Requested }).AllItemsAt(LawWorld.Host);
        Assert.Equal("host is established in AA: use a domestic order", Condition(Check(home, Draft("eu-epoc", Judge, "subscriber")), "provider established abroad").Why);
    }

    [Fact]
    public void A_condition_for_some_categories_binds_a_request_that_includes_any_of_them()
    {
        var us = LawWorld.UnitedStatesHost().ThreatToLife();
        var both = Check(us, Draft("us-2702-emergency-disclosure", Prosecutor, "subscriber", "content") with { Emergency = true });
        Assert.False(Condition(both, "issuing state party to us-sca (for content data)").Met);
        var subscriber = Check(us, Draft("us-2702-emergency-disclosure", Prosecutor, "subscriber") with { Emergency = true });
        Assert.DoesNotContain(subscriber.Conditions, c => c.Condition.StartsWith("issuing state party to us-sca", StringComparison.Ordinal));

        // REG Art. 5(4): three years for traffic or content, however little else the order asks for.
        var eu = LawWorld.Parties("eu-e-evidence").Offence(2, "extortion"); // not among the REG Art. 5(4)(b)-(c) exceptions
        Assert.False(Condition(Check(eu, Draft("eu-epoc", Judge, "subscriber", "traffic")), "offence punishable").Met);
        Assert.True(Check(eu, Draft("eu-epoc", Judge, "subscriber")).CanSend);
    }

    [Fact]
    public void A_domestic_order_reaches_data_only_when_all_of_it_is_at_home()
    {
        var world = LawWorld.Parties("budapest").Item("t-home", LawWorld.Host, DataCategory.Traffic, storedIn: LawWorld.Issuing)
            .Item("t-abroad", LawWorld.Host, DataCategory.Traffic, storedIn: LawWorld.Requested);
        Assert.True(Check(world, Draft("domestic-production-order", Judge, "t-home")).CanSend);
        var mixed = Condition(Check(world, Draft("domestic-production-order", Judge, "t-home", "t-abroad")), "provider or data in the issuing state");
        Assert.False(mixed.Met);
        Assert.Equal("host is established in BB and stores this data abroad", mixed.Why);

        var serving = LawWorld.Parties("budapest").ChangeProvider(LawWorld.Host, p => p with { OffersServicesIn = new HashSet<string> { LawWorld.Requested, LawWorld.Issuing } });
        Assert.Equal("host only offers its services in AA: a domestic order reaches its subscriber data, not traffic data",
            Condition(Check(serving, Draft("domestic-production-order", Judge, "subscriber", "traffic")), "provider or data in the issuing state").Why);
    }

    [Fact]
    public void Expedited_disclosure_needs_every_item_preserved_first()
    {
        var world = LawWorld.Parties("budapest").Item("t2", LawWorld.Host, DataCategory.Traffic);
        var onePreserved = Check(world, Draft("budapest-art30-expedited-disclosure", AuthorityRole.ContactPoint, "traffic", "t2"), preserved: (id, _) => id == "traffic");
        Assert.False(Condition(onePreserved, "data already preserved through").Met);
        Assert.True(Check(world, Draft("budapest-art30-expedited-disclosure", AuthorityRole.ContactPoint, "traffic", "t2"), preserved: (_, _) => true).CanSend);
        // Rules without a running simulation know of no preservation.
        Assert.False(Condition(Check(world, Draft("budapest-art30-expedited-disclosure", AuthorityRole.ContactPoint, "traffic")), "data already preserved through").Met);
    }

    [Fact]
    public void A_reservation_for_some_data_is_named_with_them()
    {
        var reserved = LawWorld.Catalogue["budapest-2ap-art8-giving-effect"].Preconditions.Single(p => p.Kind == PreconditionKind.NotReserved);
        var world = LawWorld.Parties("budapest", "budapest-2ap").Reserves(LawWorld.Requested, reserved.Reservation!);
        var category = reserved.Categories![0];
        var check = Check(world, Draft("budapest-2ap-art8-giving-effect", Prosecutor, Names.Kebab(category)));
        Assert.Equal($"BB made the reservation {reserved.Reservation} for {string.Join(", ", reserved.Categories.Select(Names.Kebab))} data",
            Condition(check, "requested state has not made the reservation").Why);
    }

    [Fact]
    public void Dual_criminality_required_for_any_of_the_data_sought_opens_the_ground()
    {
        var world = LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = new HashSet<DataCategory> { DataCategory.Content } });
        Assert.Null(world.GroundClosed(Mla, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber, DataCategory.Content));
    }

    [Fact]
    public void Consent_outside_a_Party_is_named_with_where_the_data_is()
    {
        var world = LawWorld.Parties("budapest").State("CC").Item("mailbox", LawWorld.Host, DataCategory.Content, storedIn: "CC", consent: true);
        Assert.Equal("mailbox is available with consent but located in CC, which is not party to budapest: consent reaches only data located in a Party",
            Condition(Check(world, Draft("budapest-art32-trans-border-access", AuthorityRole.Investigator, "mailbox")), "data public, or lawful voluntary consent").Why);
        Assert.Equal("the data is neither public nor available with consent",
            Condition(Check(world, Draft("budapest-art32-trans-border-access", AuthorityRole.Investigator, "content")), "data public, or lawful voluntary consent").Why);
    }

    [Fact]
    public void A_provider_discloses_voluntarily_only_the_categories_its_policy_names()
    {
        var world = LawWorld.Parties("budapest").ChangeProvider(LawWorld.Host, p => p with { Headquarters = "CC", Policy = p.Policy with { VoluntaryDisclosure = new HashSet<DataCategory> { DataCategory.Subscriber } } })
            .State("CC", "budapest").AllItemsAt(LawWorld.Host);
        Assert.True(Condition(Check(world, Draft("provider-voluntary-disclosure", AuthorityRole.Investigator, "subscriber")), "provider accepts voluntary-disclosure").Met);
        Assert.False(Condition(Check(world, Draft("provider-voluntary-disclosure", AuthorityRole.Investigator, "subscriber", "traffic")), "provider accepts voluntary-disclosure").Met);
    }

    [Fact]
    public void The_catalogue_says_which_instrument_it_lacks_and_knows_its_frameworks()
    {
        var missing = Assert.Throws<KeyNotFoundException>(() => LawWorld.Catalogue["nope"]);
        Assert.Equal("No instrument 'nope' in the catalogue.", missing.Message);
        Assert.True(LawWorld.Catalogue.HasFramework("budapest"));
        Assert.False(LawWorld.Catalogue.HasFramework("nope"));
        var bare = new InstrumentCatalogue("2026-01-01", [], [], LawWorld.Catalogue.Figures);
        Assert.Empty(bare.OffenceLists);
        Assert.Empty(bare.Emergencies);
    }

    [Fact]
    public void A_ground_reads_with_the_conditions_its_data_encodes()
    {
        var plain = new RefusalGround("g", "The offence is political.", RefusalCondition.PoliticalOffence, Reviewer.RequestedState, "s");
        Assert.Equal("The offence is political.", plain.Describe());
        Assert.Equal("Dual criminality. (only for a state that made the reservation r; only where the state's law requires dual criminality for the data sought)",
            (plain with { Description = "Dual criminality.", RequiresReservation = "r", WhereStateRequiresDualCriminality = true }).Describe());
        Assert.Equal("D. (not for x (src))", (plain with { Description = "D.", Exceptions = [new ExceptionToRule(["x"], "src")] }).Describe());
    }

    [Fact]
    public void The_advisor_says_when_an_instrument_may_be_marked_urgent_and_only_then()
    {
        var world = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30));
        var built = world.Build();
        var rules = new RequestRules(built, LawWorld.Catalogue);
        var advisor = new InstrumentAdvisor(built, LawWorld.Catalogue, rules);
        var mla = advisor.Advise(LawWorld.Catalogue[Mla], LawWorld.Issuing, ["content"], emergency: false);
        Assert.True(mla.Applicable);
        Assert.True(mla.Urgency!.Met);
        Assert.StartsWith("ETS185 Art. 31(3)(a)", mla.Urgency.Source);
        // Not for an instrument without urgent handling, nor in an emergency, nor when the instrument cannot be sent,
        // nor in the quick advice the policies take.
        Assert.Null(advisor.Advise(LawWorld.Catalogue["budapest-art29-preservation"], LawWorld.Issuing, ["content"], emergency: false).Urgency);
        Assert.Null(advisor.Advise(LawWorld.Catalogue[Mla], LawWorld.Issuing, ["content"], emergency: true).Urgency);
        Assert.Null(advisor.Advise(LawWorld.Catalogue[Mla], LawWorld.Issuing, ["content"], emergency: false, urgent: true).Urgency);
        Assert.Null(advisor.Advise(LawWorld.Catalogue[Mla], LawWorld.Issuing, ["content"], emergency: false, detailed: false).Urgency);
        var apart = LawWorld.Parties("budapest").State(LawWorld.Requested).HostKeeps(TimeSpan.FromDays(30)).Build();
        Assert.Null(new InstrumentAdvisor(apart, LawWorld.Catalogue, new RequestRules(apart, LawWorld.Catalogue)).Advise(LawWorld.Catalogue[Mla], LawWorld.Issuing, ["content"], emergency: false).Urgency);
        // The whole advice lists the same instrument the same way, the first office that may issue it judged.
        var all = advisor.Advise(LawWorld.Issuing, ["content"], emergency: false);
        Assert.Equal(LawWorld.Catalogue.Instruments.Count, all.Count);
        Assert.Equal([AuthorityRole.Prosecutor, AuthorityRole.Judge], all.Single(a => a.Instrument.Id == Mla).Issuers);
        Assert.NotNull(all.Single(a => a.Instrument.Id == Mla).Urgency);
        Assert.Null(rules.UrgencyFor(LawWorld.Catalogue[Mla], []));
        Assert.Null(rules.UrgencyFor(LawWorld.Catalogue[Mla], ["nope"]));
    }
}
