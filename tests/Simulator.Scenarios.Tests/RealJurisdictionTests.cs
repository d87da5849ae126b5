using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;

namespace Simulator.Scenarios.Tests;

/// <summary>Real states from scenarios/catalogue/jurisdictions.yaml, taken into a scenario with `use`.</summary>
public class RealJurisdictionTests
{
    private static string Scenario(string realState) => $$"""
        scenario: mixed
        title: Mixed
        summary: A fictional investigating state and a real one holding the evidence.
        start: 2026-11-02T06:00:00Z
        duration: 1y
        jurisdictions:
          - id: AA
            name: Aland
            frameworks: [budapest]
            criminalises: [illegal-access]
            capability: high
            seats: [contact-point]
        {{realState}}
        providers:
          - id: host
            name: Host
            headquarters: US
            retention: {traffic: 90d}
        incidents:
          - id: inc
            title: Intrusion
            investigating: AA
            offence: {conducts: [illegal-access], max-penalty-years: 5}
        leads:
          - id: lead
            incident: inc
            title: A server
            known-at: 1h
            evidence:
              - {id: logs, holder: host, category: traffic, created: -1d}
        """;

    [Fact]
    public void Every_real_state_has_a_date_and_sources_and_loads_as_a_jurisdiction()
    {
        Assert.True(RealJurisdictions.Ids.Count >= 12);
        foreach (var id in RealJurisdictions.Ids)
        {
            var entry = RealJurisdictions.Find(id)!;
            Assert.True(DateOnly.TryParse((string?)entry["as-of"], out _), $"{id} has no as-of date");
            Assert.NotEmpty(entry["sources"]!.AsArray());
            var text = Scenario($"  - use: {id}").Replace("headquarters: US", $"headquarters: {id}");
            if (id == "AA") continue;
            var loaded = ScenarioLoader.Parse(text, $"{id}.yaml");
            var state = loaded.File.Jurisdictions.Single(j => j.Id == id);
            Assert.False(state.Fictional);
            Assert.Equal((string)entry["name"]!, state.Name);
        }
    }

    [Fact]
    public void A_scenario_takes_a_real_state_and_overrides_what_it_needs()
    {
        var loaded = ScenarioLoader.Parse(Scenario("  - {use: US, seats: [contact-point], capability: low}"), "mixed.yaml");
        var us = loaded.File.Jurisdictions.Single(j => j.Id == "US");
        Assert.Equal("United States", us.Name);
        Assert.Contains("budapest", us.Frameworks);
        Assert.Equal("low", us.Capability);
        Assert.Equal(["contact-point"], us.Seats);
        var world = WorldBuilder.Build(loaded, CatalogueLoader.Shipped, 1).World;
        Assert.True(world.Jurisdiction("US").ReachesDataAbroad);
    }

    [Fact]
    public void Japan_made_the_Art29_4_reservation_which_does_not_reach_illegal_access()
    {
        var text = Scenario("  - {use: JP}").Replace("headquarters: US", "headquarters: JP");
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, "mixed.yaml"), CatalogueLoader.Shipped, 1);
        var japan = built.World.Jurisdiction("JP");
        Assert.Contains("budapest-art29-4", japan.Reservations);
        var ground = built.Catalogue["budapest-art29-preservation"].RefusalGrounds.Single(g => g.Id == "dual-criminality");
        var offence = built.World.Incident("inc").Offence; // illegal access: an offence under Art. 2
        Assert.Contains("does not reach this offence", Core.Rules.RequestRules.GroundClosed(ground, japan, offence, [Core.Common.DataCategory.Traffic]));
        Assert.Null(Core.Rules.RequestRules.GroundClosed(ground, japan, offence with { Conducts = ["extortion"] }, [Core.Common.DataCategory.Traffic]));
    }

    [Fact]
    public void The_United_States_and_a_member_state_may_form_a_joint_team_under_the_EU_US_MLA_Agreement()
    {
        var text = Scenario("  - {use: US}\n  - {use: DE}").Replace("investigating: AA", "investigating: US").Replace("headquarters: US", "headquarters: DE");
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, "mixed.yaml"), CatalogueLoader.Shipped, 1);
        Assert.True(built.World.Jurisdiction("DE").HasAgreement("US", "eu-us-mla"));
        Assert.Empty(built.World.Jurisdiction("US").Frameworks.Intersect(built.World.Jurisdiction("DE").Frameworks).Except(["budapest"])); // no shared basis but the agreement
        var check = new Core.Rules.RequestRules(built.World, built.Catalogue)
            .Check(new Core.Rules.RequestDraft("joint-investigation-team", "US", Core.Common.AuthorityRole.Prosecutor, ["logs"], false));
        Assert.True(check.CanSend, string.Join("; ", check.Problems));
        Assert.Equal("DE", check.RequestedState);
    }

    [Fact]
    public void A_US_provider_may_not_give_content_to_a_member_states_order_and_the_addressee_objects_under_REG_Art_17()
    {
        // DE orders the content of a US provider with its legal representative in FR: US law bars it (18 USC 2702(a)).
        var text = Scenario("  - {use: US}\n  - {use: DE}\n  - {use: FR}").Replace("investigating: AA", "investigating: DE")
            .Replace("    retention: {traffic: 90d}", "    offers-services-in: [FR]\n    legal-representative-in: FR\n    retention: {traffic: 90d, content: 1y}")
            .Replace("{id: logs, holder: host, category: traffic, created: -1d}", "{id: logs, holder: host, category: traffic, created: -1d}\n      - {id: mail, holder: host, category: content, created: -1d}");
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, "mixed.yaml"), CatalogueLoader.Shipped, 1);
        var epoc = built.Catalogue["eu-epoc"];
        var host = built.World.Providers.Single();
        var content = Core.Rules.ConflictOfLaws.For(epoc, built.World, host, "DE", [Core.Common.DataCategory.Content]);
        Assert.NotNull(content);
        Assert.Equal("US", content.ThirdCountry);
        Assert.StartsWith("18 USC 2702(a)", content.Bar.Source);
        Assert.Null(Core.Rules.ConflictOfLaws.For(epoc, built.World, host, "DE", [Core.Common.DataCategory.Traffic])); // non-content may go (2702(c)(6))
        var check = new Core.Rules.RequestRules(built.World, built.Catalogue).Check(new Core.Rules.RequestDraft("eu-epoc", "DE", Core.Common.AuthorityRole.Judge, ["mail"], false));
        Assert.True(check.CanSend, string.Join("; ", check.Problems));
        Assert.Contains(check.RefusalRisks, r => r.StartsWith("conflicting-obligations:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_United_Kingdom_outside_the_EU_has_no_EU_US_instrument_for_a_joint_team()
    {
        var text = Scenario("  - {use: US}\n  - {use: GB}").Replace("investigating: AA", "investigating: US").Replace("headquarters: US", "headquarters: GB");
        var built = WorldBuilder.Build(ScenarioLoader.Parse(text, "mixed.yaml"), CatalogueLoader.Shipped, 1);
        var check = new Core.Rules.RequestRules(built.World, built.Catalogue)
            .Check(new Core.Rules.RequestDraft("joint-investigation-team", "US", Core.Common.AuthorityRole.Prosecutor, ["logs"], false));
        Assert.Contains(check.Problems, p => p.EndsWith("US and GB share none of eu-mla-2000, budapest-2ap, ets182, untoc and have no eu-us-mla agreement"));
    }

    [Fact]
    public void An_unknown_real_state_is_reported_at_its_use_with_the_states_on_offer()
    {
        var e = Assert.Throws<FileProblemsException>(() => ScenarioLoader.Parse(Scenario("  - use: XX"), "mixed.yaml"));
        var d = Assert.Single(e.Problems);
        Assert.Equal((13, 10), (d.Line, d.Column));
        Assert.Contains("no real state 'XX' in scenarios/catalogue/jurisdictions.yaml", d.Message);
        Assert.Contains("real states on offer: ", d.Hint);
        Assert.Contains("DE", d.Hint);
    }
}
