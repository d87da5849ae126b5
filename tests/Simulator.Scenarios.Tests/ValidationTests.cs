using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;

namespace Simulator.Scenarios.Tests;

/// <summary>Broken scenario files: every problem reported with file:line:column, and nothing half-loaded.</summary>
public class ValidationTests
{
    private const string Valid = """
        scenario: tiny
        title: Tiny
        summary: The smallest valid scenario.
        start: 2026-09-07T06:00:00Z
        duration: 30d
        jurisdictions:
          - id: AA
            name: Aland
            frameworks: [budapest]
            criminalises: [illegal-access]
            capability: high
          - id: BB
            name: Bland
            frameworks: [budapest]
            criminalises: [illegal-access]
            capability: low
        providers:
          - id: host
            name: Host
            headquarters: BB
            retention: {traffic: 14d}
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

    private static IReadOnlyList<Diagnostic> Problems(string text)
    {
        var e = Assert.Throws<FileProblemsException>(() => ScenarioLoader.Parse(text, "broken.yaml"));
        Assert.All(e.Problems, p => Assert.Equal("broken.yaml", p.File));
        return e.Problems;
    }

    private static Diagnostic Single(string text) => Assert.Single(Problems(text));

    [Fact]
    public void The_valid_base_loads()
    {
        var loaded = ScenarioLoader.Parse(Valid, "tiny.yaml");
        var built = WorldBuilder.Build(loaded, CatalogueLoader.Shipped, 1);
        Assert.Single(built.World.Evidence);
    }

    [Fact]
    public void What_the_facts_support_loads_into_the_lead_and_its_items_and_a_backwards_period_or_more_third_party_than_records_is_positioned()
    {
        var facts = Valid.Replace("    known-at: 1h\n", "    known-at: 1h\n    identifiers: [203.0.113.9]\n    period: {from: -2d, to: 1h}\n")
            .Replace("created: -1d}", "created: -1d, data: {kind: ip-log, records: 30, third-party: 12}}");
        var world = WorldBuilder.Build(ScenarioLoader.Parse(facts, "facts.yaml"), CatalogueLoader.Shipped, 1).World;
        var lead = Assert.Single(world.Leads);
        Assert.Equal(["203.0.113.9"], lead.Identifiers);
        Assert.Equal(world.Start - TimeSpan.FromDays(2), lead.Period!.From);
        Assert.Equal((30, 12), (world.Evidence[0].RecordCount, world.Evidence[0].ThirdPartyRecords));

        static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var backwards = Single(facts.Replace("period: {from: -2d, to: 1h}", "period: {from: 1h, to: -2d}"));
        Assert.Equal("the period the facts support ends (-2d) before it starts (1h)", backwards.Message);
        Assert.Equal(LineOf(facts, "period:"), backwards.Line);
        var tooMany = Single(facts.Replace("third-party: 12", "third-party: 31"));
        Assert.Equal("31 third-party records is more than the item's 30 records", tooMany.Message);
        Assert.Equal(LineOf(facts, "third-party:"), tooMany.Line);
    }

    [Fact]
    public void When_a_threat_ends_loads_into_the_offence_and_an_end_without_a_threat_or_before_discovery_is_positioned()
    {
        const string plain = "offence: {conducts: [illegal-access], max-penalty-years: 5}";
        var ends = Valid.Replace(plain, "offence: {conducts: [illegal-access], max-penalty-years: 5, threat-to-life: true,\n              threat-ends: {at: 30h, found: unfounded, note: \"a bluff\"}}");
        var offence = WorldBuilder.Build(ScenarioLoader.Parse(ends, "ends.yaml"), CatalogueLoader.Shipped, 1).World.Incidents[0].Offence;
        Assert.Equal(Simulator.Core.World.ThreatFinding.Unfounded, offence.ThreatEnds!.Found);
        Assert.Equal("a bluff", offence.ThreatEnds.Note);
        Assert.Empty(offence.AfterThreatEnded.Faces);

        static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var noThreat = Single(ends.Replace("threat-to-life: true,", ""));
        Assert.Equal("the offence shows no threat that could end", noThreat.Message);
        Assert.Equal(LineOf(ends, "threat-ends:"), noThreat.Line);
        var early = Single(ends.Replace("at: 30h", "at: 0h"));
        Assert.StartsWith("the threat ends (0h) before the incident is discovered (0h)", early.Message);
        var unknown = Single(ends.Replace("found: unfounded", "found: maybe"));
        Assert.Equal("use one of: ended, unfounded", unknown.Hint);
    }

    [Fact]
    public void A_wanted_use_loads_with_its_time_and_a_use_without_one_target_or_for_the_items_own_case_or_a_foreign_case_is_positioned()
    {
        const string others = "  - {id: other, title: Fraud, investigating: AA, offence: {conducts: [illegal-access], max-penalty-years: 3}}\n"
            + "  - {id: theirs, title: Their case, investigating: BB, offence: {conducts: [illegal-access], max-penalty-years: 3}}\n";
        var withUse = Valid.Replace("leads:\n", others + "leads:\n")
            + "\nuses:\n  - {id: want, evidence: logs, in: other, at: 2d, note: \"the fraud squad wants the logs\"}\n";
        var world = WorldBuilder.Build(ScenarioLoader.Parse(withUse, "uses.yaml"), CatalogueLoader.Shipped, 1).World;
        var use = Assert.Single(world.Uses);
        Assert.Equal(("logs", "other", world.Start + TimeSpan.FromDays(2), "the fraud squad wants the logs"), (use.Evidence, use.For, use.At, use.Note));
        Assert.Equal(Simulator.Core.Catalogue.UseKind.OtherInvestigation, use.Kind);

        static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var both = Single(withUse.Replace("in: other,", "in: other, to: BB,"));
        Assert.Equal("a use names in (another incident of the same state) or to (another state), one of the two", both.Message);
        Assert.Equal(LineOf(withUse, "{id: want"), both.Line);
        Assert.StartsWith("logs belongs to inc: using it there is its purpose", Single(withUse.Replace("in: other", "in: inc")).Message);
        Assert.StartsWith("theirs is investigated by BB, not by AA", Single(withUse.Replace("in: other", "in: theirs")).Message);
        Assert.StartsWith("AA investigates inc", Single(withUse.Replace("in: other", "to: AA")).Message);
        Assert.Contains("ghost", Single(withUse.Replace("evidence: logs", "evidence: ghost")).Message);
        Assert.Contains("falls after the end of the exercise", Single(withUse.Replace("at: 2d", "at: 40d")).Message);
        // Wanted at 0h, before the lead is known (1h): the state is told only once it knows the item.
        var early = WorldBuilder.Build(ScenarioLoader.Parse(withUse.Replace("at: 2d", "at: 0h"), "uses.yaml"), CatalogueLoader.Shipped, 1).World;
        var run = new Simulator.Core.Engine.Simulation(early, CatalogueLoader.Shipped, new Simulator.Core.Engine.SimulationOptions(1, new Simulator.Core.Policies.NoPolicy()));
        run.RunUntil(early.Start + TimeSpan.FromHours(2));
        var told = run.Journal.Entries.Single(e => e.Event is Simulator.Core.Journal.UseWanted);
        Assert.Equal(early.Start + TimeSpan.FromHours(1), told.At);
        Assert.True(told.Sequence > run.Journal.Entries.Single(e => e.Event is Simulator.Core.Journal.LeadDiscovered).Sequence);
        Assert.Equal(Simulator.Core.Catalogue.UseKind.OnwardTransfer,
            WorldBuilder.Build(ScenarioLoader.Parse(withUse.Replace("in: other", "to: BB"), "uses.yaml"), CatalogueLoader.Shipped, 1).World.Uses[0].Kind);
    }

    [Fact]
    public void A_states_own_verdicts_at_trial_load_and_a_condition_the_trial_does_not_know_is_positioned()
    {
        var own = Valid.Replace("    capability: high\n", "    capability: high\n    admissibility: {beyond-need: excluded}\n");
        var world = WorldBuilder.Build(ScenarioLoader.Parse(own, "own.yaml"), CatalogueLoader.Shipped, 1).World;
        Assert.Equal(Simulator.Core.Catalogue.Verdict.Excluded, world.Jurisdiction("AA").Admissibility![Simulator.Core.Catalogue.TrialCondition.BeyondNeed]);
        var unknown = Single(own.Replace("beyond-need: excluded", "hearsay: excluded"));
        Assert.Contains("hearsay", unknown.Message);
        Assert.Equal(own[..own.IndexOf("admissibility:", StringComparison.Ordinal)].Count(c => c == '\n') + 1, unknown.Line);
    }

    [Fact]
    public void An_unknown_field_is_named_at_its_key_with_the_closest_known_one()
    {
        var problems = Problems(Valid.Replace("retention: {traffic: 14d}", "retension: {traffic: 14d}"));
        Assert.Equal(2, problems.Count); // the misspelt field, and the required one now missing
        Assert.Contains(problems, p => p.Message == "item 1 of 'providers' is missing required field 'retention'");
        var d = problems.Single(p => p.Message.StartsWith("unknown", StringComparison.Ordinal));
        Assert.Equal((21, 5), (d.Line, d.Column));
        Assert.Equal("unknown field 'retension'", d.Message);
        Assert.Contains("did you mean 'retention'?", d.Hint);
        Assert.StartsWith("broken.yaml:21:5: unknown field 'retension'", d.ToString());
    }

    [Fact]
    public void A_value_outside_its_list_names_the_allowed_values()
    {
        var d = Single(Valid.Replace("capability: low", "capability: poor"));
        Assert.Equal(16, d.Line);
        Assert.Contains("'capability' has a value that is not allowed", d.Message);
        Assert.Contains("high, medium, low", d.Hint);
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_its_object()
    {
        var d = Single(Valid.Replace("    title: Intrusion\n", ""));
        Assert.Equal(23, d.Line);
        Assert.Equal("item 1 of 'incidents' is missing required field 'title'", d.Message);
    }

    [Fact]
    public void A_reference_to_an_undefined_provider_is_positioned_and_suggests_the_right_one()
    {
        var d = Single(Valid.Replace("holder: host", "holder: hots"));
        Assert.True(d.Line == 33, d.ToString());
        Assert.Equal(33, d.Line);
        Assert.Equal(28, d.Column);
        Assert.Equal("unknown provider 'hots'", d.Message);
        Assert.Equal("did you mean 'host'?", d.Hint);
    }

    [Fact]
    public void A_provider_in_an_undefined_state_is_an_error()
    {
        var d = Single(Valid.Replace("headquarters: BB", "headquarters: CC"));
        Assert.Equal((20, 19), (d.Line, d.Column));
        Assert.Contains("unknown state 'CC'", d.Message);
    }

    [Fact]
    public void The_person_the_data_concern_is_tied_to_states_the_scenario_defines_and_the_world_carries_them()
    {
        var d = Single(Valid.Replace("max-penalty-years: 5}", "max-penalty-years: 5, person-connected-to: [BB, CC]}"));
        Assert.Equal(26, d.Line); // the offence's line, at the list item naming CC
        Assert.Contains("unknown state 'CC'", d.Message);

        var built = WorldBuilder.Build(ScenarioLoader.Parse(Valid.Replace("max-penalty-years: 5}", "max-penalty-years: 5, person-connected-to: [BB]}"), "tiny.yaml"), CatalogueLoader.Shipped, 1);
        var offence = Assert.Single(built.World.Incidents).Offence;
        Assert.True(offence.PersonIsOf("BB"));
        Assert.False(offence.PersonIsOf("AA"));
    }

    [Fact]
    public void A_measure_a_states_law_restricts_names_a_threshold_or_a_list_and_its_law_and_the_world_carries_it()
    {
        const string bland = "    criminalises: [illegal-access]\n    capability: low\n";
        Assert.Contains(bland, Valid);
        var withoutLimit = Single(Valid.Replace(bland, bland + "    restricts-measures: [{categories: [content], law: CCP s. 100}]\n"));
        Assert.Equal(17, withoutLimit.Line);
        var unnamedLaw = Single(Valid.Replace(bland, bland + "    restricts-measures: [{categories: [content], minimum-years: 5}]\n"));
        Assert.Contains("law", unnamedLaw.Message);

        var built = WorldBuilder.Build(ScenarioLoader.Parse(Valid.Replace(bland, bland + "    restricts-measures: [{categories: [content], minimum-years: 6, law: CCP s. 100}]\n"), "tiny.yaml"), CatalogueLoader.Shipped, 1);
        var restriction = Assert.Single(built.World.Jurisdiction("BB").MeasureRestrictions!);
        Assert.Equal([Simulator.Core.Common.DataCategory.Content], restriction.Categories);
        Assert.Equal((6, "CCP s. 100"), (restriction.MinimumYears, restriction.Law));
        var offence = Assert.Single(built.World.Incidents).Offence; // five years: below the threshold
        Assert.NotNull(built.World.Jurisdiction("BB").RestrictionOn(offence, [Simulator.Core.Common.DataCategory.Content]));
        Assert.Null(built.World.Jurisdiction("BB").RestrictionOn(offence, [Simulator.Core.Common.DataCategory.Traffic]));
        Assert.Null(built.World.Jurisdiction("AA").RestrictionOn(offence, [Simulator.Core.Common.DataCategory.Content]));
    }

    [Fact]
    public void Where_the_offence_was_committed_and_where_the_person_resides_name_states_the_scenario_defines()
    {
        var committed = Single(Valid.Replace("max-penalty-years: 5}", "max-penalty-years: 5, committed-in: [AA, CC]}"));
        Assert.Equal(26, committed.Line);
        Assert.Contains("unknown state 'CC'", committed.Message);
        var residence = Single(Valid.Replace("max-penalty-years: 5}", "max-penalty-years: 5, person-resides-in: CC}"));
        Assert.Equal(26, residence.Line);
        Assert.Contains("unknown state 'CC'", residence.Message);

        var built = WorldBuilder.Build(ScenarioLoader.Parse(Valid.Replace("max-penalty-years: 5}", "max-penalty-years: 5, committed-in: [AA], person-resides-in: AA}"), "tiny.yaml"), CatalogueLoader.Shipped, 1);
        var offence = Assert.Single(built.World.Incidents).Offence;
        Assert.True(offence.IsDomesticTo("AA"));
        Assert.False(offence.IsDomesticTo("BB"));
        Assert.False(Assert.Single(WorldBuilder.Build(ScenarioLoader.Parse(Valid, "tiny.yaml"), CatalogueLoader.Shipped, 1).World.Incidents).Offence.IsDomesticTo("AA"));
    }

    [Fact]
    public void A_malformed_duration_shows_the_expected_form()
    {
        var d = Single(Valid.Replace("created: -1d", "created: yesterday"));
        Assert.Equal(33, d.Line);
        Assert.Contains("'created' is not in the expected form", d.Message);
        Assert.Contains("negative for 'before'", d.Hint);
    }

    [Fact]
    public void A_range_whose_mode_lies_outside_it_is_explained()
    {
        var d = Single(Valid.Replace("retention: {traffic: 14d}", "retention: {traffic: 14d}\n    response-time: 2d..10d~20d"));
        Assert.Contains("'2d..10d~20d' is not a valid range", d.Message);
        Assert.Equal(22, d.Line);
    }

    [Fact]
    public void A_lead_that_can_never_be_discovered_is_an_error()
    {
        var d = Single(Valid.Replace("    known-at: 1h\n", ""));
        Assert.Contains("lead 'lead' can never be discovered", d.Message);
        Assert.Contains("known-at", d.Hint);
    }

    [Fact]
    public void Evidence_without_a_known_retention_is_an_error()
    {
        var d = Single(Valid.Replace("category: traffic", "category: content"));
        Assert.Contains("host states no retention for content data", d.Message);
    }

    [Fact]
    public void An_inject_to_an_unknown_state_and_an_unknown_framework_are_both_reported()
    {
        var text = Valid.Replace("frameworks: [budapest]\n    criminalises: [illegal-access]\n    capability: high", "frameworks: [budapset]\n    criminalises: [illegal-access]\n    capability: high")
            + "\ninjects:\n  - {id: i1, at: 1h, to: [ZZ/investigator], title: Hello}\n";
        var problems = Problems(text);
        Assert.True(problems.Count == 2, string.Join("\n", problems));
        Assert.Contains(problems, p => p.Message == "unknown framework 'budapset'" && p.Hint == "did you mean 'budapest'?" && p.Line == 9);
        Assert.Contains(problems, p => p.Message.Contains("no state 'ZZ'") && p.Line == 35);
    }

    [Fact]
    public void Duplicate_keys_and_duplicate_ids_are_errors()
    {
        Assert.Contains("appears twice", Single(Valid.Replace("    name: Host\n", "    name: Host\n    name: Other\n")).Message);
        var dup = Single(Valid.Replace("  - id: BB\n    name: Bland", "  - id: AA\n    name: Bland").Replace("headquarters: BB", "headquarters: AA"));
        Assert.Contains("state id 'AA' is used twice", dup.Message);
    }

    [Fact]
    public void Broken_YAML_is_reported_where_the_parser_stopped()
    {
        var d = Single(Valid.Replace("title: A server", "title: [A server"));
        Assert.StartsWith("not valid YAML", d.Message);
        Assert.InRange(d.Line, 30, 34);
    }

    [Fact]
    public void An_empty_file_and_a_missing_file_are_clear()
    {
        Assert.Contains("empty", Single("").Message);
        var missing = ScenarioLoader.Validate("no/such/file.yaml");
        Assert.Contains("cannot read the file", Assert.Single(missing).Message);
    }

    [Fact]
    public void An_inject_expecting_an_unknown_instrument_is_reported_at_its_place()
    {
        var text = Valid + "\ninjects:\n  - {id: i1, at: 1h, to: [AA], title: T, expects: [budapest-art29-preservation, eu-epc]}\n";
        var d = Single(text);
        Assert.Contains("unknown instrument 'eu-epc'", d.Message);
        Assert.Equal("did you mean 'eu-epoc'?", d.Hint);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("eu-epc", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, d.Line);
        Assert.Equal(text.Split('\n')[line - 1].IndexOf("eu-epc", StringComparison.Ordinal) + 1, d.Column);
        // A known one loads, and is kept for setup.
        var ok = ScenarioLoader.Parse(text.Replace(", eu-epc]", "]"), "tiny.yaml");
        Assert.Equal(["budapest-art29-preservation"], ok.File.Injects.Single().Expects);
    }

    [Fact]
    public void An_objective_on_an_unknown_instrument_is_reported()
    {
        var d = Single(Valid + "\nobjectives:\n  - {id: o1, capability: c, task: t, measure: {kind: instrument-used, instrument: eu-epc}}\n");
        Assert.Contains("unknown instrument 'eu-epc'", d.Message);
        Assert.Equal("did you mean 'eu-epoc'?", d.Hint);
    }

    [Theory]
    [InlineData("max-penalty-years: 5}", "max-penalty-years: 1e400}", "'max-penalty-years' should be a whole number")]
    [InlineData("duration: 30d", "duration: 99999999999y", "too long a duration")]
    [InlineData("retention: {traffic: 14d}", "retention: {traffic: -14d}", "'traffic' is not in the expected form")]
    [InlineData("known-at: 1h", "known-at: 40d", "known-at (40d) falls after the end of the exercise (30d)")]
    [InlineData("    capability: low", "    capability: low\n    calendar: {working-days: []}", "'working-days' needs at least 1 item(s)")]
    [InlineData("duration: 30d", "duration: 30d\nas-if-in-force: [budapest-3ap]", "unknown framework 'budapest-3ap'")]
    [InlineData("duration: 30d", "duration: 30d\nas-if-in-force: [budapest]", "budapest is in force: there is nothing to play as if it were")]
    public void Values_no_exercise_can_hold_are_explained_not_crashed_on(string from, string to, string expected)
    {
        var d = Single(Valid.Replace(from, to));
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Holidays_that_close_an_office_for_over_a_month_are_reported_at_the_holidays()
    {
        var august = string.Join(", ", Enumerable.Range(1, 31).Select(d => $"2026-08-{d:00}").Prepend("2026-07-31"));
        var text = Valid.Replace("    capability: low", $"    capability: low\n    calendar: {{holidays: [{august}]}}");
        var d = Single(text);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("calendar:")) + 1, d.Line);
        Assert.Contains("closed for 32 days in a row from 2026-07-31", d.Message); // Friday 31 July to Monday 31 August
        Assert.Contains("could not end", d.Message);

        // Four weeks off (Monday 6 to Friday 31 July, 30 days with the weekends around them) is a long summer, not an error.
        var july = string.Join(", ", Enumerable.Range(6, 26).Select(d => $"2026-07-{d:00}"));
        ScenarioLoader.Parse(Valid.Replace("    capability: low", $"    capability: low\n    calendar: {{holidays: [{july}]}}"), "tiny.yaml");
    }
}

/// <summary>Objectives no team could meet: found on the built world, reported at the measure with a hint.</summary>
public class ObjectiveReachabilityTests
{
    private static string With(string objective, string tweak = "") => """
        scenario: tiny
        title: Tiny
        summary: Objectives that cannot be met.
        start: 2026-09-07T06:00:00Z
        duration: 60d
        jurisdictions:
          - id: AA
            name: Aland
            frameworks: [budapest]
            criminalises: [illegal-access]
            capability: high
          - id: BB
            name: Bland
            frameworks: [budapest]
            criminalises: [illegal-access]
            capability: low
          - id: CC
            name: Cland
            frameworks: []
            criminalises: [illegal-access]
            capability: low
        providers:
          - id: host
            name: Host
            headquarters: BB
            retention: {traffic: 14d}
          - id: island
            name: Island Host
            headquarters: CC
            retention: {traffic: 14d}
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
          - id: late
            incident: inc
            title: Found late
            known-at: 20d
            evidence:
              - {id: old-logs, holder: host, category: traffic, created: -1d}
              - {id: island-logs, holder: island, category: traffic, created: 10d}
              - {id: later-logs, holder: host, category: traffic, created: 10d}
        objectives:
        """ + "\n  " + objective.Replace("\n", "\n  ") + tweak;

    private static Diagnostic Single(string text) =>
        Assert.Single(Assert.Throws<FileProblemsException>(() => ScenarioLoader.Parse(text, "objectives.yaml")).Problems);

    [Fact]
    public void A_reachable_objective_loads()
    {
        ScenarioLoader.Parse(With("- {id: ok, capability: C, task: T, measure: {kind: preservation-requested, evidence: logs, by: 2d}}"), "ok.yaml");
    }

    [Fact]
    public void Evidence_deleted_before_its_lead_can_be_known_makes_the_objective_unreachable()
    {
        var d = Single(With("- {id: too-late, capability: C, task: T, measure: {kind: evidence-secured, evidence: old-logs}}"));
        Assert.Contains("objective 'too-late' cannot be met: old-logs is deleted on day 14", d.Message);
        Assert.Contains("before its lead 'late' can be known (from day 21", d.Message);
        Assert.Contains("reveal the lead earlier", d.Hint);
        Assert.True(d.Line > 1);
    }

    [Fact]
    public void A_deadline_before_anyone_can_know_of_the_evidence_is_reported_at_by()
    {
        var d = Single(With("- {id: early, capability: C, task: T, measure: {kind: preservation-requested, evidence: later-logs, by: 2d}}"));
        Assert.Contains("cannot be met on time: it is due on day 3", d.Message);
        Assert.Contains("make 'by' at least 20d", d.Hint);
    }

    [Fact]
    public void An_instrument_that_cannot_apply_between_the_states_is_named()
    {
        var d = Single(With("- {id: treaty, capability: C, task: T, measure: {kind: instrument-used, instrument: eu-epoc}}"));
        Assert.Contains("objective 'treaty' cannot be met: eu-epoc cannot apply between the investigating state and any holder", d.Message);
    }

    [Fact]
    public void Evidence_no_instrument_reaches_from_the_investigating_state_is_named()
    {
        // Cland is party to no treaty and its host preserves nothing on request: letters rogatory may still
        // obtain the data, but nothing can freeze it.
        ScenarioLoader.Parse(With("- {id: island, capability: C, task: T, measure: {kind: evidence-secured, evidence: island-logs}}"), "ok.yaml");
        var d = Single(With("- {id: island, capability: C, task: T, measure: {kind: evidence-preserved, evidence: island-logs}}"));
        Assert.Contains("no preservation instrument reaches island-logs (island, stored in CC) from AA", d.Message);
    }
}
