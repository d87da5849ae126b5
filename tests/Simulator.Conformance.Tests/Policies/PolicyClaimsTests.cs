using Simulator.Core.Common;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;

namespace Simulator.Conformance.Tests.Policies;

/// <summary>
/// What docs/scenarios.md ("Designing for the policies") says each shipped policy does, one test per claim, on the
/// smallest world that shows it. A change to a policy that makes its description untrue fails here.
/// </summary>
public sealed class PolicyClaimsTests
{
    private static IInvestigationPolicy Policy(string name) => PolicyCatalogue.Get(name);

    private static List<string> Instruments(Simulation s) => [.. s.Requests.Select(r => r.Instrument.Id)];

    [Fact]
    public void Mla_only_preserves_nothing_and_asks_for_everything_abroad_by_mutual_assistance()
    {
        var s = LawWorld.Parties("budapest").Play(Policy("mla-only"));
        Assert.All(s.Requests, r => Assert.Equal("budapest-art31-mla", r.Instrument.Id));
        Assert.NotEmpty(s.Requests);
    }

    [Fact]
    public void Mla_only_never_escalates_while_the_others_escalate_a_request_whose_evidence_is_at_risk()
    {
        // Logs kept 20 days at a slow holder: an EU order's deadline and the retention both come under threat.
        LawWorld ShortLived() => LawWorld.Parties("budapest", "eu-e-evidence")
            .ChangeProvider(LawWorld.Host, p => p with { Retention = p.Retention.ToDictionary(kv => kv.Key, _ => TimeSpan.FromDays(20)), ResponseTime = DurationRange.Parse("30d") })
            .AllItemsAt(LawWorld.Host);
        Assert.Empty(ShortLived().Play(Policy("mla-only"), until: TimeSpan.FromDays(30)).Events<RequestEscalated>());
        Assert.NotEmpty(ShortLived().Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(30)).Events<RequestEscalated>());
    }

    [Fact]
    public void The_policies_that_escalate_mark_an_mla_request_urgent_where_the_data_would_be_gone_before_an_ordinary_answer()
    {
        // The host keeps its data 30 days, an ordinary Art. 31 answer takes about seven months: Art. 31(3) urgency is shown.
        var shortLived = LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(30));
        var mla = MlaRequests(shortLived.Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(3)));
        Assert.NotEmpty(mla);
        Assert.All(mla, r => Assert.True(r.Urgent, $"the MLA request for {string.Join(", ", r.Items.Select(i => i.Id))} was not marked urgent"));

        // mla-only never escalates, so it does not mark urgent either; neither does a policy playing rules older than 2026.12.6.
        var mlaOnly = MlaRequests(shortLived.Play(Policy("mla-only"), until: TimeSpan.FromDays(30)));
        Assert.NotEmpty(mlaOnly);
        Assert.All(mlaOnly, r => Assert.False(r.Urgent));
        var before = PolicyCatalogue.Get("direct-orders-first", "2026.12.5");
        var older = MlaRequests(shortLived.Play(before, until: TimeSpan.FromDays(3)));
        Assert.NotEmpty(older);
        Assert.All(older, r => Assert.False(r.Urgent));

        // Data its holder keeps for years is not vulnerable to loss: the request goes, but not as urgent.
        var kept = MlaRequests(LawWorld.Parties("budapest").HostKeeps(TimeSpan.FromDays(3 * 365)).Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(3)));
        Assert.NotEmpty(kept);
        Assert.All(kept, r => Assert.False(r.Urgent));

        static List<RequestRecord> MlaRequests(Simulation s) => [.. s.Requests.Where(r => r.Instrument.Id == "budapest-art31-mla")];
    }

    [Fact]
    public void Direct_orders_first_orders_apart_what_a_third_countrys_law_bars_so_the_objection_holds_up_only_that()
    {
        // The host is established in the United States, whose law bars disclosing content to a foreign authority (REG Art. 17).
        var world = LawWorld.Parties("eu-e-evidence").State("US", "budapest", "us-sca")
            .Change("US", j => j with { DisclosureBars = [new Simulator.Core.World.DisclosureBar(new HashSet<DataCategory> { DataCategory.Content }, "18 USC 2702(a)", "cloud-act", "18 USC 2523")] })
            .Provider(LawWorld.Host, "US", p => p with { OffersServicesIn = new HashSet<string>([LawWorld.Requested]), LegalRepresentativeIn = LawWorld.Requested })
            .AllItemsAt(LawWorld.Host);
        var s = world.Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(120));
        var orders = s.Requests.Where(r => r.Instrument.Id == "eu-epoc").ToList();
        var content = Assert.Single(orders, r => r.Items.Any(i => i.Category == DataCategory.Content));
        Assert.Equal(["content"], content.Items.Select(i => i.Id));
        var rest = Assert.Single(orders, r => r != content);
        Assert.DoesNotContain(rest.Items, i => i.Category == DataCategory.Content);
        Assert.DoesNotContain(s.Events<ConflictingObligationRaised>(), e => e.Request == rest.Id);
        Assert.True(rest.ClosedAt < content.ClosedAt, "the data the third country's law lets go waited for the court's review of the content");

        // A home state with two bars, under two laws: what either bar reaches is ordered apart from the rest.
        var twoBars = world.Change("US", j => j with { DisclosureBars = [.. j.Bars, new Simulator.Core.World.DisclosureBar(new HashSet<DataCategory> { DataCategory.Traffic }, "a second law on traffic data")] });
        var split = twoBars.Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(120)).Requests.Where(r => r.Instrument.Id == "eu-epoc").ToList();
        Assert.Contains(split, r => r.Items.All(i => i.Category is not (DataCategory.Content or DataCategory.Traffic)));
        Assert.Contains(split, r => r.Items.Any(i => i.Category == DataCategory.Traffic) && r.Items.All(i => i.Category is DataCategory.Content or DataCategory.Traffic));

        // Under rules before 2026.12.7 the policy ordered everything in one, and the objection held it all up.
        var before = world.Play(PolicyCatalogue.Get("direct-orders-first", "2026.12.6"), until: TimeSpan.FromDays(120));
        var all = Assert.Single(before.Requests, r => r.Instrument.Id == "eu-epoc");
        Assert.Contains(all.Items, i => i.Category == DataCategory.Content);
        Assert.Contains(all.Items, i => i.Category != DataCategory.Content);
    }

    [Fact]
    public void Preserve_then_mla_freezes_through_the_24_7_network_first_and_asks_by_mla_once_the_freeze_is_closed()
    {
        var s = LawWorld.Parties("budapest").Play(Policy("preserve-then-mla"), until: TimeSpan.FromDays(10));
        var preservation = s.Requests.First(r => r.Instrument.Id == "budapest-art29-preservation");
        var mla = s.Requests.First(r => r.Instrument.Id == "budapest-art31-mla");
        Assert.True(mla.DraftedAt >= preservation.ClosedAt, "the MLA request was drafted before the preservation closed");
    }

    [Fact]
    public void Direct_orders_first_sends_preservation_and_a_direct_order_at_once()
    {
        var s = LawWorld.Parties("budapest", "eu-e-evidence").Play(Policy("direct-orders-first"));
        var first = s.Requests.Where(r => r.DraftedAt == s.Requests[0].DraftedAt).Select(r => r.Instrument.Id).ToList();
        Assert.Contains("eu-epoc-pr", first);
        Assert.Contains("eu-epoc", first);
        Assert.DoesNotContain("budapest-art31-mla", Instruments(s));
    }

    [Fact]
    public void Emergency_aware_sends_the_emergency_channel_first_and_preserves_beside_it()
    {
        var world = LawWorld.UnitedStatesHost().ThreatToLife()
            .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = 1 } });
        var s = world.Play(Policy("emergency-aware"));
        Assert.Equal("us-2702-emergency-disclosure", s.Requests[0].Instrument.Id);
        var traffic = s.Requests.Where(r => r.Items.Any(i => i.Id == "traffic")).Select(r => r.Instrument.Id).ToList();
        Assert.Contains("us-2702-emergency-disclosure", traffic);
        Assert.Contains("budapest-art29-preservation", traffic);
    }

    [Fact]
    public void Emergency_aware_without_a_threat_to_life_acts_as_direct_orders_first()
    {
        var world = LawWorld.Parties("budapest", "eu-e-evidence");
        Assert.Equal(Instruments(world.Play(Policy("direct-orders-first"))), Instruments(world.Play(Policy("emergency-aware"))));
    }

    [Fact]
    public void Each_holder_gets_the_first_instrument_whose_conditions_are_met_and_a_refusal_sends_the_next()
    {
        // Not a Party to the Second Protocol, no EU orders: Art. 7 is out, so MLA; a political refusal then sends letters rogatory.
        var world = LawWorld.Parties("budapest").Change(LawWorld.Requested, j => j with { PoliticalOffences = new HashSet<string>(["illegal-access"]) });
        var s = world.Play(Policy("direct-orders-first"), until: TimeSpan.FromDays(730));
        var mla = s.Requests.First(r => r.Instrument.Id == "budapest-art31-mla");
        Assert.Equal(RequestState.Refused, mla.State);
        Assert.Contains(s.Requests, r => r.Instrument.Id == "letters-rogatory" && r.DraftedAt >= mla.ClosedAt);
    }

    [Fact]
    public void An_empty_or_partial_answer_is_followed_up_with_the_next_instrument_while_the_evidence_remains()
    {
        // Nothing frozen, and the holder finds each item with even odds: some seed answers the MLA request partly.
        for (var seed = 1; seed <= 40; seed++)
        {
            var world = LawWorld.Parties("budapest")
                .ChangeProvider(LawWorld.Host, p => p with { ProduceRate = 0.5, Retention = p.Retention.ToDictionary(kv => kv.Key, _ => TimeSpan.FromDays(1500)) })
                .AllItemsAt(LawWorld.Host);
            var s = world.Play(Policy("mla-only"), seed, TimeSpan.FromDays(730));
            var partial = s.Requests.FirstOrDefault(r => r.Instrument.Id == "budapest-art31-mla" && r.State == RequestState.Delivered && r.Found.Count < r.Items.Count);
            if (partial is null) continue;
            var missed = partial.Items.First(i => !partial.Found.Contains(i.Id));
            Assert.Contains(s.Requests, r => r != partial && r.Instrument.Purpose == Simulator.Core.Catalogue.InstrumentPurpose.Production
                && r.Items.Contains(missed) && r.DraftedAt >= partial.ClosedAt);
            return;
        }
        Assert.Fail("no seed gave a partial answer: the test world no longer shows the claim");
    }

    [Fact]
    public void An_instrument_that_reaches_only_some_of_a_holders_items_is_sent_for_those()
    {
        // The traffic log is public: Art. 32 reaches it at once, the rest go on to the treaty route.
        var world = LawWorld.Parties("budapest").Item("traffic", LawWorld.Host, DataCategory.Traffic, isPublic: true);
        var s = world.Play(Policy("direct-orders-first"));
        var access = s.Requests.Single(r => r.Instrument.Id == "budapest-art32-trans-border-access");
        Assert.Equal(["traffic"], access.Items.Select(i => i.Id));
        Assert.Contains(s.Requests, r => r.Instrument.Id == "budapest-art31-mla" && r.Items.Any(i => i.Id == "content"));
    }

    [Fact]
    public void Between_member_states_outside_Budapest_the_direct_policy_uses_the_EIO_and_its_provisional_measure_not_letters_rogatory()
    {
        var s = LawWorld.Parties("eu-eio").Play(Policy("direct-orders-first"));
        Assert.Contains("eu-eio-provisional-measure", Instruments(s));
        Assert.Contains("eu-eio", Instruments(s));
        Assert.DoesNotContain("letters-rogatory", Instruments(s));
    }

    [Fact]
    public void Where_Budapest_does_not_bind_both_states_a_bilateral_treaty_is_used_before_letters_rogatory()
    {
        var treaty = LawWorld.Parties().Agreement(LawWorld.Requested, LawWorld.Issuing, "mla-treaty");
        Assert.Contains("bilateral-mla-treaty", Instruments(treaty.Play(Policy("mla-only"))));
        Assert.DoesNotContain("letters-rogatory", Instruments(treaty.Play(Policy("mla-only"))));
        Assert.Contains("letters-rogatory", Instruments(LawWorld.Parties().Play(Policy("mla-only"))));
    }

    [Fact]
    public void A_US_led_case_preserves_by_2703f_not_by_a_generic_domestic_order()
    {
        var usLed = LawWorld.Parties("budapest", "us-sca").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host);
        var s = usLed.Play(Policy("direct-orders-first"));
        Assert.Contains(s.Requests, r => r.Instrument.Id == "us-2703f-preservation");
        Assert.DoesNotContain(s.Requests, r => r.Instrument.Id == "domestic-preservation");
    }

    [Fact]
    public void Exercises_stored_under_older_rules_replay_the_policies_as_they_played_then()
    {
        var usLed = LawWorld.Parties("budapest", "us-sca").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host);
        var then = usLed.Play(PolicyCatalogue.Get("direct-orders-first", "2026.12.2"));
        Assert.Contains(then.Requests, r => r.Instrument.Id == "domestic-preservation");
        Assert.DoesNotContain(then.Requests, r => r.Instrument.Id == "us-2703f-preservation");
    }

    [Fact]
    public void Everything_fastest_takes_the_routes_of_emergency_aware_but_asks_every_holder_for_every_record_it_keeps()
    {
        var world = LawWorld.Parties("budapest", "budapest-2ap", "eu-e-evidence").ThreatToLife().FactsSupport(["203.0.113.9"], from: -1, to: 0, records: 10, thirdParty: 2);
        var careful = world.Play(Policy("emergency-aware"));
        var broad = world.Play(Policy("everything-fastest"));
        Assert.Equal(Instruments(careful), Instruments(broad));
        Assert.All(careful.Events<RequestDrafted>(), d => Assert.Null(d.Scope));
        Assert.All(broad.Events<RequestDrafted>(), d => Assert.Equal(RequestScope.Everything, d.Scope));
        Assert.Contains(broad.Requests, r => r.AssessmentAsked.OverBroad);
        Assert.DoesNotContain(careful.Requests, r => r.AssessmentAsked.OverBroad);
    }
}
