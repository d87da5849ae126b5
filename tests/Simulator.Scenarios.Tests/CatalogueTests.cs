using Simulator.Core.Catalogue;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Schema;

namespace Simulator.Scenarios.Tests;

public class CatalogueTests
{
    [Fact]
    public void The_shipped_catalogue_holds_every_instrument_the_engine_plays_by()
    {
        var ids = CatalogueLoader.Shipped.Instruments.Select(i => i.Id).ToHashSet();
        string[] expected =
        [
            "domestic-preservation", "budapest-art29-preservation", "budapest-art30-expedited-disclosure", "budapest-art31-mla",
            "budapest-art32-trans-border-access", "budapest-2ap-art7-subscriber-order", "budapest-2ap-art9-emergency-disclosure",
            "budapest-2ap-art10-emergency-mla", "eu-epoc", "eu-epoc-pr", "us-2703f-preservation", "us-2702-emergency-disclosure",
            "cloud-act-order", "joint-investigation-team", "letters-rogatory", "provider-voluntary-disclosure",
        ];
        Assert.All(expected, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Unsure_figures_are_marked_so_tools_can_list_them()
    {
        var art7 = CatalogueLoader.Shipped["budapest-2ap-art7-subscriber-order"];
        Assert.True(art7.ResponseDeadline!.Unsure);
        Assert.Contains("response-deadline", art7.UnsureFigures());
        Assert.DoesNotContain("response-deadline", CatalogueLoader.Shipped["eu-epoc"].UnsureFigures());
    }

    [Fact]
    public void A_broken_catalogue_names_every_problem_with_its_position()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml")
            .Replace("kind: both-parties, framework: budapest,", "kind: both-parties, framework: budapesd,")
            .Replace("channel: contact-points", "channel: carrier-pigeon");
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(text, "my-catalogue.yaml"));
        Assert.All(e.Problems, p => Assert.Equal("my-catalogue.yaml", p.File));
        Assert.Contains(e.Problems, p => p.Message.Contains("'channel' has a value that is not allowed"));
        Assert.All(e.Problems, p => Assert.True(p.Line > 1));
    }

    [Fact]
    public void A_scenario_override_changes_an_unsure_figure_for_that_scenario_only()
    {
        var changed = Scenario.WorldBuilder.ApplyOverrides(CatalogueLoader.Shipped,
            [new Scenario.OverrideFile { Instrument = "budapest-2ap-art7-subscriber-order", ResponseDeadline = "20d" }]);
        Assert.Equal(TimeSpan.FromDays(20), changed["budapest-2ap-art7-subscriber-order"].ResponseDeadline!.Value);
        Assert.Contains("scenario override", changed["budapest-2ap-art7-subscriber-order"].ResponseDeadline!.Source);
        Assert.Equal(TimeSpan.FromDays(30), CatalogueLoader.Shipped["budapest-2ap-art7-subscriber-order"].ResponseDeadline!.Value);
    }

    [Fact]
    public void A_preservation_instrument_without_a_period_is_refused()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        // Drop the preservation: block (its line and the deeper-indented lines under it) from eu-epoc-pr.
        var lines = text.Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("  - id: eu-epoc-pr", StringComparison.Ordinal));
        var block = lines.FindIndex(first, l => l.StartsWith("    preservation:", StringComparison.Ordinal));
        var end = block + 1;
        while (lines[end].StartsWith("      ", StringComparison.Ordinal)) end++;
        lines.RemoveRange(block, end - block);
        var broken = string.Join('\n', lines);
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(broken, "cat.yaml"));
        Assert.Contains(e.Problems, p => p.Message.Contains("eu-epoc-pr is a preservation instrument but states no preservation period"));
    }

    [Fact]
    public void One_mistake_in_the_catalogue_gives_one_error()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        var at = text.IndexOf("period: {value: 60d", StringComparison.Ordinal);
        var broken = text[..at] + "period: {value: 60days" + text[(at + "period: {value: 60d".Length)..];
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(broken, "cat.yaml"));
        var problem = Assert.Single(e.Problems);
        Assert.Contains("'value' is not in the expected form", problem.Message);
    }

    [Fact]
    public void Conflicting_obligations_need_an_addressee_and_a_court_review_that_is_a_range_each_reported_where_it_is()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        var badRange = text.Replace("court-review: 2w..3mo~1mo", "court-review: 3mo..2w");
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(badRange, "cat.yaml"));
        var problem = Assert.Single(e.Problems);
        Assert.Contains("'3mo..2w' is not a valid range", problem.Message);
        Assert.Equal(text[..text.IndexOf("court-review: 2w", StringComparison.Ordinal)].Count(c => c == '\n') + 1, problem.Line);

        // Moved onto an instrument that no provider receives (Art. 31 mutual assistance), no addressee could object.
        var block = text[text.IndexOf("    conflicting-obligations:", StringComparison.Ordinal)..];
        block = block[..(block.IndexOf("    timing:", StringComparison.Ordinal))];
        var moved = text.Replace(block, "");
        var mla = moved.IndexOf("  - id: budapest-art31-mla", StringComparison.Ordinal);
        var mlaTiming = moved.IndexOf("    timing:", mla, StringComparison.Ordinal);
        moved = moved[..mlaTiming] + block + moved[mlaTiming..];
        var wrong = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(moved, "cat.yaml"));
        Assert.Contains(wrong.Problems, p => p.Message == "budapest-art31-mla is not sent to a provider, so no addressee can object to it");
    }

    [Fact]
    public void Issuing_with_validation_names_validators_who_could_issue_it_an_issuer_who_needs_validation_and_an_exception_for_an_emergency_instrument()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        int LineOf(string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        // An investigator cannot validate: it may not issue the order itself (REG Art. 4(1)(b)).
        var validatorCannotIssue = text.Replace("issuers: [investigator], validators: [prosecutor, judge], source: \"REG Art. 4(1)(b)", "issuers: [investigator], validators: [investigator, judge], source: \"REG Art. 4(1)(b)");
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(validatorCannotIssue, "cat.yaml"));
        Assert.Contains(e.Problems, p => p.Message == "investigator validates eu-epoc for subscriber data but may not issue it" && p.Line == LineOf("issuers: [investigator], validators: [prosecutor, judge], source: \"REG Art. 4(1)(b)"));

        // A judge needs no validation for what it issues itself.
        var needless = text.Replace("issuers: [investigator, prosecutor], validators: [judge]", "issuers: [investigator, judge], validators: [judge]");
        e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(needless, "cat.yaml"));
        Assert.Contains(e.Problems, p => p.Message == "judge may already issue eu-epoc for traffic data without validation");

        // The emergency exception only on an instrument with an emergency procedure, and only for what a rule covers.
        var supported = text.IndexOf("    emergency: supported\n", text.IndexOf("  - id: eu-epoc\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var noEmergency = text[..supported] + "    emergency: none\n" + text[(supported + "    emergency: supported\n".Length)..];
        e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(noEmergency, "cat.yaml"));
        Assert.Contains(e.Problems, p => p.Message == "eu-epoc has no emergency procedure, so it is never sent without prior validation");
        var uncovered = text.Replace("categories: [subscriber, identification], issuers: [investigator], validators: [prosecutor, judge], source: \"REG Art. 4(1)(b)",
            "categories: [subscriber], issuers: [investigator], validators: [prosecutor, judge], source: \"REG Art. 4(1)(b)");
        e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(uncovered, "cat.yaml"));
        Assert.Contains(e.Problems, p => p.Message == "no validation rule of eu-epoc covers identification data, so there is nothing to validate afterwards");
    }

    [Fact]
    public void Only_an_instrument_a_requested_state_reviews_may_narrow_a_request_on_its_scope()
    {
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        Assert.NotNull(CatalogueLoader.Shipped["budapest-art31-mla"].ScopeReview);
        var epoc = text.IndexOf("  - id: eu-epoc\n", StringComparison.Ordinal);
        var timing = text.IndexOf("    timing:", epoc, StringComparison.Ordinal);
        var onProvider = text[..timing] + "    scope-review: {remedy: narrow, source: \"REG Art. 5(2)\"}\n" + text[timing..];
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(onProvider, "cat.yaml"));
        var d = Assert.Single(e.Problems);
        Assert.Equal("eu-epoc goes to direct-to-provider, where no requested state reviews it: nobody on the way could narrow it", d.Message);
        Assert.Equal(onProvider[..timing].Count(c => c == '\n') + 1, d.Line);
    }

    [Fact]
    public void An_instruments_use_limits_name_each_use_once_with_an_article_and_other_consent_grounds_only_where_consent_is_needed()
    {
        var text = CatalogueLoader.ShippedText;
        var jit = CatalogueLoader.Shipped["joint-investigation-team"];
        Assert.Equal([UseKind.OtherInvestigation, UseKind.OnwardTransfer], jit.UseLimits.Select(l => l.Use));
        Assert.Equal("budapest-art31-mla", jit.UseLimitFor(UseKind.OtherInvestigation)!.ConsentGroundsOf);
        Assert.Contains("use-limits.onward-transfer", jit.UnsureFigures());
        Assert.Empty(CatalogueLoader.Shipped["eu-epoc"].UseLimits);

        var epoc = text.IndexOf("  - id: eu-epoc\n", StringComparison.Ordinal);
        var timing = text.IndexOf("    timing:", epoc, StringComparison.Ordinal);
        static string With(string text, int at, string block) => text[..at] + block + text[at..];
        static Simulator.Scenarios.Diagnostics.Diagnostic Problem(string text) =>
            Assert.Single(Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(text, "cat.yaml")).Problems);
        var twice = With(text, timing, "    use-limits:\n      - {use: onward-transfer, needs-consent: true, source: a}\n      - {use: onward-transfer, needs-consent: false, source: b}\n");
        Assert.Equal("eu-epoc limits onward-transfer twice", Problem(twice).Message);
        Assert.Equal(twice[..timing].Count(c => c == '\n') + 3, Problem(twice).Line);
        var unknown = With(text, timing, "    use-limits:\n      - {use: onward-transfer, needs-consent: true, source: a, consent-grounds-of: nowhere}\n");
        Assert.Equal("unknown instrument 'nowhere'", Problem(unknown).Message);
        var nothingToWithhold = With(text, timing, "    use-limits:\n      - {use: other-investigation, needs-consent: false, source: a, consent-grounds-of: budapest-art31-mla}\n");
        Assert.StartsWith("eu-epoc needs no consent for other-investigation", Problem(nothingToWithhold).Message);
        // A condition attached case by case: only on a use needing no consent in general, and only where a requested state approves.
        var addsNothing = With(text, timing, "    use-limits:\n      - {use: onward-transfer, needs-consent: true, source: a, condition-source: b}\n");
        Assert.Equal("eu-epoc already needs consent for onward-transfer: a condition would add nothing", Problem(addsNothing).Message);
        var nobodyApproves = With(text, timing, "    use-limits:\n      - {use: other-investigation, needs-consent: false, source: a, condition-source: b}\n");
        Assert.StartsWith("eu-epoc goes to direct-to-provider, where no requested state approves it", Problem(nobodyApproves).Message);
        Assert.Equal(nobodyApproves[..timing].Count(c => c == '\n') + 2, Problem(nobodyApproves).Line);
        var noArticle = With(text, timing, "    use-limits:\n      - {use: other-investigation, needs-consent: true, source: \"\"}\n");
        Assert.Equal(noArticle[..timing].Count(c => c == '\n') + 2, Problem(noArticle).Line); // the limit with an empty source, refused by the schema
        var badFigure = text.Replace("consent-answer: 3d..6w~2w", "consent-answer: 6w..3d");
        Assert.StartsWith("'6w..3d' is not a duration range", Problem(badFigure).Message);
        Assert.Equal(new Simulator.Core.Common.DurationRange(TimeSpan.FromDays(3), TimeSpan.FromDays(14), TimeSpan.FromDays(42)), CatalogueLoader.Shipped.Figures.ConsentAnswerTime);
    }

    [Fact]
    public void An_exception_names_the_offences_or_the_measure_it_is_for_and_not_a_list_and_conducts_at_once()
    {
        var text = CatalogueLoader.ShippedText;
        var measure = Assert.Single(CatalogueLoader.Shipped["eu-eio"].RefusalGrounds.Single(g => g.Id == "dual-criminality").ExceptionsToRule, e => e.Categories is not null);
        Assert.Equal([Simulator.Core.Common.DataCategory.Subscriber], measure.Categories);
        Assert.Empty(measure.Conducts);

        const string shipped = "- {categories: [subscriber], source: \"Directive 2014/41/EU Arts. 10(2)(e), 11(2): Art. 11(1)(g)";
        Assert.Contains(shipped, text);
        static Simulator.Scenarios.Diagnostics.Diagnostic Problem(string text) =>
            Assert.Single(Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(text, "cat.yaml")).Problems);
        var neither = text.Replace(shipped, "- {source: \"Directive 2014/41/EU Arts. 10(2)(e), 11(2): Art. 11(1)(g)");
        Assert.Equal("an exception names the offences it is for (offences or conducts), or the measure (categories), or both", Problem(neither).Message);
        Assert.Equal(neither[..neither.IndexOf("- {source: \"Directive 2014/41/EU Arts. 10(2)(e)", StringComparison.Ordinal)].Count(c => c == '\n') + 1, Problem(neither).Line);
        var both = text.Replace(shipped, "- {offences: eio-annex-d, conducts: [fraud], source: \"Directive 2014/41/EU Arts. 10(2)(e), 11(2): Art. 11(1)(g)");
        Assert.Equal("an exception names either an offence list (offences) or conducts, not both", Problem(both).Message);
        var badCategory = text.Replace(shipped, "- {categories: [email], source: \"Directive 2014/41/EU Arts. 10(2)(e), 11(2): Art. 11(1)(g)");
        Assert.StartsWith("item 1 of 'categories' has a value that is not allowed", Problem(badCategory).Message);
    }

    [Fact]
    public void Enforcement_is_for_binding_orders_with_a_deadline_names_only_enforcing_state_grounds_and_a_penalty_that_is_a_share()
    {
        var text = CatalogueLoader.ShippedText;
        var epoc = CatalogueLoader.Shipped["eu-epoc"].Enforcement!;
        Assert.Equal((0.02, PeriodCounting.EuWorkingDays, TimeSpan.FromDays(5)), (epoc.PenaltyCeiling, epoc.Recognition.Counting, epoc.Recognition.Value));
        Assert.Equal(["immunities-privileges", "manifest-charter-breach"], epoc.Grounds);
        Assert.Contains("enforcement", CatalogueLoader.Shipped["eu-epoc"].UnsureFigures());
        Assert.NotNull(CatalogueLoader.Shipped["eu-epoc-pr"].Costs);
        Assert.Null(CatalogueLoader.Shipped["eu-epoc-pr"].Enforcement);

        static Simulator.Scenarios.Diagnostics.Diagnostic Problem(string text) =>
            Assert.Single(Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(text, "cat.yaml")).Problems);
        var block = text.IndexOf("    enforcement:\n", StringComparison.Ordinal);
        var badGround = text.Replace("      grounds: [immunities-privileges, manifest-charter-breach]", "      grounds: [immunities-privileges, dual-criminality-x]");
        var ground = Problem(badGround);
        Assert.StartsWith("'dual-criminality-x' is not one of eu-epoc's grounds for the enforcing state", ground.Message);
        Assert.Equal(badGround[..badGround.IndexOf("      grounds: [immunities", StringComparison.Ordinal)].Count(c => c == '\n') + 1, ground.Line);
        var share = Problem(text.Replace("      penalty-ceiling: 0.02", "      penalty-ceiling: 2"));
        Assert.Contains("penalty-ceiling", share.ToString());
        var range = Problem(text.Replace("      recognition-time: 1d..5d~2d", "      recognition-time: 5d..1d"));
        Assert.StartsWith("'5d..1d' is not a duration range", range.Message);

        // On an instrument without a response deadline, there is no default to enforce.
        var mla = text.IndexOf("  - id: budapest-art31-mla\n", StringComparison.Ordinal);
        var mlaTiming = text.IndexOf("    timing:", mla, StringComparison.Ordinal);
        var enforcement = string.Join('\n', text[block..text.IndexOf("    costs:", block, StringComparison.Ordinal)].Split('\n').Where(l => !l.StartsWith("      grounds", StringComparison.Ordinal)));
        var onMla = text[..mlaTiming] + enforcement + text[mlaTiming..];
        var notBinding = Problem(onMla);
        Assert.StartsWith("budapest-art31-mla sets no response deadline, so no addressee can be in default of it", notBinding.Message);
        Assert.Equal(onMla[..mlaTiming].Count(c => c == '\n') + 2, notBinding.Line); // the block's first field
    }

    [Fact]
    public void The_trial_gives_each_condition_one_verdict_and_a_second_rule_for_it_is_positioned()
    {
        Assert.Equal(Enum.GetValues<TrialCondition>(), CatalogueLoader.Shipped.TrialRules.Select(r => r.When).ToArray());
        var text = EmbeddedFiles.Read("catalogue/instruments.yaml");
        var second = text.IndexOf("  - when: beyond-need", StringComparison.Ordinal);
        var twice = text[..second] + "  - when: custody-unverified\n    verdict: admissible\n    source: \"x\"\n" + text[second..];
        var e = Assert.Throws<FileProblemsException>(() => CatalogueLoader.Parse(twice, "cat.yaml"));
        var d = Assert.Single(e.Problems);
        Assert.Equal("the trial has two rules for custody-unverified", d.Message);
        Assert.Equal(twice[..second].Count(c => c == '\n') + 1, d.Line);
    }
}
