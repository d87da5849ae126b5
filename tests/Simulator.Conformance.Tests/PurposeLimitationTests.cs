using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Objectives;
using Simulator.Core.Policies;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Purpose limitation and speciality (issue 14 item 2, docs/safeguards.md): evidence a state gave is given for the
/// investigation the request stated. Using it in another investigation of the receiving state ("other"), or passing it
/// on to another state (CC), needs the giving state's consent where the instrument's terms say so; a use without it is a
/// violation with its article, and the other investigation's court examines it at the end.
/// </summary>
public sealed class PurposeLimitationTests
{
    private const string CentralAuthorityOfBb = "BB/central-authority";

    /// <summary>AA and BB party to Budapest, AA investigating a second case; CC a third Party.</summary>
    private static LawWorld Budapest() => LawWorld.Parties("budapest").OtherCase().State("CC", "budapest");

    /// <summary>AA's prosecutor obtains the traffic data from BB by mutual legal assistance (ETS185 Art. 31).</summary>
    private static Simulation SecuredByMla(LawWorld world, params string[] humanSeats)
    {
        var s = Send(world, Prosecutor, "budapest-art31-mla", "traffic", false, humanSeats);
        s.Settle(s.Last());
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("traffic").Status);
        return s;
    }

    private static void Accepted(DecisionResult result) => Assert.True(result.Accepted, result.Message);

    [Fact]
    [Rule("budapest-art31-mla", "use-limits/other-investigation")]
    public void Evidence_given_by_mutual_assistance_is_used_in_another_investigation_only_with_the_requested_partys_consent()
    {
        var source = LawWorld.Catalogue["budapest-art31-mla"].UseLimitFor(UseKind.OtherInvestigation)!.Source;
        Assert.StartsWith("ETS185 Art. 28(2)(b)", source);

        // Used without asking: a violation, with its article.
        var s = SecuredByMla(Budapest());
        var terms = s.UseTermsOf("traffic")!;
        Assert.Equal(("case", "BB"), (terms.Purpose, terms.Giver));
        var used = s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other", Note: "  the same suspects  "));
        Accepted(used);
        Assert.Contains("WITHOUT BB's consent", used.Message);
        var violation = s.Events<PurposeViolated>().Single();
        Assert.Equal(("traffic", "other-investigation", "other", "BB", "no consent was asked", source),
            (violation.Evidence, violation.Kind, violation.For, violation.Giver, violation.Why, violation.Source));
        Assert.True(s.Events<EvidenceUsed>().Single().NeededConsent);
        Assert.Equal("the same suspects", s.Events<EvidenceUsed>().Single().Note);

        // Asked first: BB's central authority grants it (nothing would have let it refuse assistance for that case), then the use is lawful.
        var careful = SecuredByMla(Budapest());
        Accepted(careful.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")));
        var consent = careful.Consents.Single();
        Assert.Equal((CentralAuthorityOfBb, source), (consent.AnswererSeat, careful.Events<UseConsentAsked>().Single().Source));
        careful.StepUntil(() => consent.Lifecycle.IsAnswered, "BB answered the request for consent");
        Assert.Equal(ConsentState.Granted, consent.State);
        Assert.True(consent.AnsweredAt - consent.AskedAt >= TimeSpan.FromDays(3) * 0.7, "the central authority took its time to answer");
        Accepted(careful.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        Assert.Equal(consent.Id, careful.Events<EvidenceUsed>().Single().Consent);
        Assert.Empty(careful.Events<PurposeViolated>());
    }

    [Fact]
    [Rule("budapest-art31-mla", "use-limits/onward-transfer")]
    public void Evidence_given_by_mutual_assistance_is_passed_on_to_a_third_state_only_with_the_requested_partys_consent()
    {
        var s = SecuredByMla(Budapest());
        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", To: "CC")));
        var violation = s.Events<PurposeViolated>().Single();
        Assert.Equal(("onward-transfer", "CC"), (violation.Kind, violation.For));
        Assert.StartsWith("ETS185 Art. 28(2)", violation.Source);

        // A state BB will not assist is refused the evidence too: consent to pass it on is refused on that ground.
        var sensitive = SecuredByMla(Budapest().Change(LawWorld.Requested, j => j with { SensitiveTowards = new HashSet<string>(["CC"]) }));
        Accepted(sensitive.Decide(new AskUseConsent(Prosecutor, "traffic", To: "CC")));
        var consent = sensitive.Consents.Single();
        sensitive.StepUntil(() => consent.Lifecycle.IsAnswered, "BB answered");
        Assert.Equal(ConsentState.Refused, consent.State);
        Assert.Contains("ETS185 Art. 27(4)(b)", consent.Reason);
    }

    [Fact]
    public void Consent_to_use_it_in_a_case_the_giving_state_regards_as_political_is_refused_and_using_it_anyway_is_a_violation()
    {
        var world = Budapest().OtherCase(o => o with { Conducts = ["espionage"] })
            .Change(LawWorld.Requested, j => j with { PoliticalOffences = new HashSet<string>(["espionage"]) });
        var s = SecuredByMla(world);
        Accepted(s.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")));
        var consent = s.Consents.Single();
        s.StepUntil(() => consent.Lifecycle.IsAnswered, "BB answered");
        Assert.Equal(ConsentState.Refused, consent.State);
        Assert.Contains("political", consent.Reason);
        Assert.Contains("ETS185 Art. 27(4)(a)", consent.Reason);
        Assert.False(s.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")).Accepted);

        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        Assert.StartsWith($"BB refused it ({consent.Id}", s.Events<PurposeViolated>().Single().Why);
    }

    [Fact]
    [Rule("trial", "used-without-consent")]
    public void The_other_investigations_court_admits_an_item_used_there_without_the_consent_it_needed_only_under_challenge_unless_its_law_excludes_it()
    {
        var rule = LawWorld.Catalogue.TrialRules.Single(r => r.When == TrialCondition.UsedWithoutConsent);
        Assert.Equal(Verdict.AdmissibleUnderChallenge, rule.Verdict);
        var s = SecuredByMla(Budapest());
        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        s.RunToEnd();
        var examined = s.Events<UseExamined>().Single();
        Assert.Equal(("traffic", "other", "AA", "admissible-under-challenge"), (examined.Evidence, examined.In, examined.Investigating, examined.Verdict));
        Assert.StartsWith("used-without-consent: it was given by BB for case and is relied on in other without BB's consent", examined.Findings.Single());
        Assert.Equal(rule.Source, examined.Sources.Single());
        // In its own case the item is untouched by the misuse elsewhere.
        Assert.Equal("admissible", s.Events<AdmissibilityExamined>().Single().Verdict);
        var rights = s.Outcome().Rights!;
        Assert.Equal((1, 0, 1, 1), (rights.UsesBeyondPurpose, rights.UsesWithConsent, rights.PurposeViolations, rights.UsesNotAdmitted));

        // A state whose law excludes such evidence says so.
        var strict = SecuredByMla(Budapest().TrialLaw(TrialCondition.UsedWithoutConsent, Verdict.Excluded));
        Accepted(strict.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        strict.RunToEnd();
        Assert.Equal("excluded", strict.Events<UseExamined>().Single().Verdict);
        Assert.Equal("the law of AA, for used-without-consent", strict.Events<UseExamined>().Single().Sources.Single());
        // With consent, the other case admits it.
        var careful = SecuredByMla(Budapest());
        Accepted(careful.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")));
        careful.StepUntil(() => careful.Consents[0].Lifecycle.IsAnswered, "BB answered");
        Accepted(careful.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        careful.RunToEnd();
        Assert.Equal("admissible", careful.Events<UseExamined>().Single().Verdict);
    }

    [Theory]
    [InlineData("budapest-2ap-art7-subscriber-order")]
    [InlineData("budapest-2ap-art8-giving-effect")]
    [InlineData("budapest-2ap-art9-emergency-disclosure")]
    [InlineData("budapest-2ap-art10-emergency-mla")]
    [Rule("budapest-2ap-art7-subscriber-order", "use-limits/other-investigation")]
    [Rule("budapest-2ap-art7-subscriber-order", "use-limits/onward-transfer")]
    [Rule("budapest-2ap-art8-giving-effect", "use-limits/other-investigation")]
    [Rule("budapest-2ap-art8-giving-effect", "use-limits/onward-transfer")]
    [Rule("budapest-2ap-art9-emergency-disclosure", "use-limits/other-investigation")]
    [Rule("budapest-2ap-art9-emergency-disclosure", "use-limits/onward-transfer")]
    [Rule("budapest-2ap-art10-emergency-mla", "use-limits/other-investigation")]
    [Rule("budapest-2ap-art10-emergency-mla", "use-limits/onward-transfer")]
    public void Under_the_Second_Protocol_another_criminal_investigation_needs_no_consent_but_an_onward_transfer_needs_prior_authorisation(string instrument)
    {
        var s = Budapest().Run(IssuingSeats);
        var terms = new UseTerms("traffic", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue[instrument]);
        Assert.Null(Simulation.ConsentNeededFor(terms, UseKind.OtherInvestigation));
        Assert.StartsWith("CETS 224 Art. 14(2)", terms.Instrument.UseLimitFor(UseKind.OtherInvestigation)!.Source);
        Assert.StartsWith("CETS 224 Art. 14(10)(a)", Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);
    }

    [Theory]
    [InlineData("cloud-act-order", "UK-US Data Access Agreement Art. 8")]
    [InlineData("cloud-act-order-us", "UK-US Data Access Agreement Art. 8")]
    [Rule("cloud-act-order", "use-limits/onward-transfer")]
    [Rule("cloud-act-order-us", "use-limits/onward-transfer")]
    public void Data_obtained_under_a_CLOUD_Act_agreement_goes_to_a_third_country_only_with_the_other_partys_consent(string instrument, string source)
    {
        var s = Budapest().Run(IssuingSeats);
        var terms = new UseTerms("traffic", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue[instrument]);
        Assert.StartsWith(source, Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);
        // The agreement sets no limit on another investigation of the issuing state: national law governs it.
        Assert.Null(Simulation.ConsentNeededFor(terms, UseKind.OtherInvestigation));
    }

    [Fact]
    [Rule("bilateral-mla-treaty", "use-limits/other-investigation")]
    [Rule("bilateral-mla-treaty", "use-limits/onward-transfer")]
    public void Under_the_EU_US_rule_the_requesting_state_uses_evidence_in_its_criminal_investigations_freely_and_elsewhere_with_consent()
    {
        var s = Budapest().Run(IssuingSeats);
        var terms = new UseTerms("traffic", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue["bilateral-mla-treaty"]);
        Assert.Null(Simulation.ConsentNeededFor(terms, UseKind.OtherInvestigation));
        Assert.StartsWith("EU-US MLA Agreement Art. 9(1)(a)", terms.Instrument.UseLimitFor(UseKind.OtherInvestigation)!.Source);
        Assert.StartsWith("EU-US MLA Agreement Art. 9(1)(e)", Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);
    }

    [Fact]
    [Rule("letters-rogatory", "use-limits/other-investigation")]
    [Rule("letters-rogatory", "use-limits/onward-transfer")]
    public void Evidence_given_on_letters_rogatory_stays_with_the_proceedings_named_unless_the_requested_state_consents()
    {
        var s = Budapest().Run(IssuingSeats);
        var terms = new UseTerms("traffic", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue["letters-rogatory"]);
        Assert.StartsWith("comity", Simulation.ConsentNeededFor(terms, UseKind.OtherInvestigation)!.Source);
        Assert.StartsWith("comity", Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);
    }

    [Fact]
    [Rule("joint-investigation-team", "use-limits/other-investigation")]
    [Rule("joint-investigation-team", "use-limits/other-investigation/consent-grounds")]
    [Rule("joint-investigation-team", "use-limits/onward-transfer")]
    public void What_a_joint_team_gathered_serves_other_offences_only_with_consent_which_may_be_withheld_where_assistance_could_be_refused()
    {
        var limit = LawWorld.Catalogue["joint-investigation-team"].UseLimitFor(UseKind.OtherInvestigation)!;
        Assert.StartsWith("2000 EU MLA Convention Art. 13(10)(b)", limit.Source);
        Assert.Equal("budapest-art31-mla", limit.ConsentGroundsOf);
        var terms = new UseTerms("content", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue["joint-investigation-team"]);
        Assert.StartsWith("2000 EU MLA Convention Art. 13(10)(d)", Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);

        // The team gathers BB's content; AA's other case is one BB regards as political: BB withholds consent on that
        // ground of mutual assistance, which the team's own instrument (refusable only by not agreeing to the team) lacks.
        var world = LawWorld.Parties("eu-mla-2000", "budapest").OtherCase(o => o with { Conducts = ["espionage"] })
            .Change(LawWorld.Requested, j => j with { PoliticalOffences = new HashSet<string>(["espionage"]) });
        var s = Send(world, Prosecutor, "joint-investigation-team", "content");
        s.Settle(s.Last());
        Assert.Equal(EvidenceStatus.Secured, s.Evidence("content").Status);
        Assert.Equal(limit, Simulation.ConsentNeededFor(s.UseTermsOf("content")!, UseKind.OtherInvestigation));
        Accepted(s.Decide(new AskUseConsent(Prosecutor, "content", In: "other")));
        var consent = s.Consents.Single();
        s.StepUntil(() => consent.Lifecycle.IsAnswered, "BB answered");
        Assert.Equal(ConsentState.Refused, consent.State);
        Assert.Contains("ETS185 Art. 27(4)(a)", consent.Reason);
    }

    [Fact]
    [Rule("eu-eio", "use-limits/onward-transfer")]
    public void Data_an_executing_state_gave_under_an_EIO_go_on_to_a_third_country_only_with_its_prior_authorisation()
    {
        var terms = new UseTerms("traffic", "case", LawWorld.Requested, "req-001", LawWorld.Catalogue["eu-eio"]);
        Assert.StartsWith("Directive (EU) 2016/680 Art. 35(1)(c)", Simulation.ConsentNeededFor(terms, UseKind.OnwardTransfer)!.Source);
        Assert.Null(Simulation.ConsentNeededFor(terms, UseKind.OtherInvestigation));
    }

    [Fact]
    public void What_no_state_gave_carries_no_states_conditions()
    {
        // Subscriber data ordered from a provider at home (ETS185 Art. 18): no state gave it, so no state's consent governs it.
        var s = Send(LawWorld.Parties("budapest").OtherCase().State("CC", "budapest").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host),
            Prosecutor, "domestic-production-order", "subscriber");
        s.Settle(s.Last());
        var terms = s.UseTermsOf("subscriber")!;
        Assert.Null(terms.Giver);
        Assert.Contains("no state's consent governs its other uses", terms.Describe());
        Assert.False(s.Decide(new AskUseConsent(Prosecutor, "subscriber", In: "other")).Accepted);
        Accepted(s.Decide(new UseEvidence(Prosecutor, "subscriber", To: "CC")));
        Assert.Empty(s.Events<PurposeViolated>());
        Assert.False(s.Events<EvidenceUsed>().Single().NeededConsent);
    }

    [Fact]
    public void A_trainee_at_the_giving_states_central_authority_answers_the_request_for_consent_and_must_say_why_it_refuses()
    {
        var s = Send(Budapest(), Prosecutor, "budapest-art31-mla", "traffic", false, CentralAuthorityOfBb);
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, "the request under BB's review");
        Accepted(s.Decide(new AnswerRequest(CentralAuthorityOfBb, r.Id, Answer.Approve)));
        s.Settle(r);
        Accepted(s.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")));
        var consent = s.Consents.Single();
        s.RunUntil(s.Now + TimeSpan.FromDays(60));
        Assert.False(consent.Lifecycle.IsAnswered); // the engine does not answer for the trainee
        Assert.Equal("consent: consent-001 is for BB/central-authority to answer", s.Decide(new AnswerUseConsent("BB/contact-point", consent.Id, true)).Message);
        Assert.Equal("reason: say why consent is refused: the receiving state is told", s.Decide(new AnswerUseConsent(CentralAuthorityOfBb, consent.Id, false)).Message);
        Accepted(s.Decide(new AnswerUseConsent(CentralAuthorityOfBb, consent.Id, false, "the other case concerns a matter we will not assist")));
        Assert.Equal(ConsentState.Refused, consent.State);
        Assert.Equal("the other case concerns a matter we will not assist", s.Events<UseConsentAnswered>().Single().Reason);
        Assert.Equal("consent: consent-001 is already refused", s.Decide(new AnswerUseConsent(CentralAuthorityOfBb, consent.Id, true)).Message);
    }

    [Fact]
    public void A_consent_left_with_a_trainee_is_answered_by_the_engine_once_the_trainer_hands_the_seat_over_and_only_once()
    {
        var world = Budapest();
        var s = new Simulation(world.Build(), LawWorld.Catalogue, new SimulationOptions(1, PolicyCatalogue.Get("direct-orders-first"), new HashSet<string>([.. IssuingSeats, CentralAuthorityOfBb])));
        s.Start();
        s.RunUntil(LawWorld.StartsAt);
        Send(s, Prosecutor, "budapest-art31-mla", "traffic");
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, "the request under BB's review");
        Accepted(s.Decide(new AnswerRequest(CentralAuthorityOfBb, r.Id, Answer.Approve)));
        s.Settle(r);
        Accepted(s.Decide(new AskUseConsent(Prosecutor, "traffic", In: "other")));
        var consent = s.Consents.Single();
        // Handed over, given back and handed over again: the engine answers once, on the last hand-over's schedule.
        Accepted(s.Decide(new HandSeatToEngine(CentralAuthorityOfBb)));
        Accepted(s.Decide(new GiveSeatBack(CentralAuthorityOfBb)));
        s.RunUntil(s.Now + TimeSpan.FromDays(1));
        Accepted(s.Decide(new HandSeatToEngine(CentralAuthorityOfBb)));
        s.StepUntil(() => consent.Lifecycle.IsAnswered, "the engine answered for BB");
        Assert.Equal(ConsentState.Granted, consent.State);
        s.RunUntil(s.Now + TimeSpan.FromDays(60));
        Assert.Single(s.Events<UseConsentAnswered>());
    }

    [Fact]
    public void The_purpose_objective_is_unable_when_every_use_lacked_the_consent_it_needed()
    {
        var s = SecuredByMla(Budapest().Objective("speciality", new Measure(MeasureKind.PurposeRespected, null, null, null, null)));
        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", To: "CC")));
        s.RunToEnd();
        var rated = s.Events<ObjectiveRated>().Single();
        Assert.Equal(Ratings.Unable, rated.Rating);
        Assert.Contains("traffic in other", rated.Evidence);
        Assert.Contains("traffic passed on to CC", rated.Evidence);
    }

    [Fact]
    public void A_use_names_exactly_one_target_another_case_of_the_state_or_another_state_and_only_what_the_state_holds()
    {
        var world = Budapest();
        var s = Send(world, Prosecutor, "budapest-art31-mla", "traffic");
        Assert.Equal("evidence: traffic has not been secured: there is nothing to use yet", s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")).Message);
        s.Settle(s.Last());
        Assert.Equal("in/to: give in (another incident of your state) or to (another state), one of the two", s.Decide(new UseEvidence(Prosecutor, "traffic")).Message);
        Assert.Equal("in/to: give in (another incident of your state) or to (another state), one of the two", s.Decide(new UseEvidence(Prosecutor, "traffic", "other", "CC")).Message);
        Assert.Equal("in: traffic was obtained for case: using it there is its purpose", s.Decide(new UseEvidence(Prosecutor, "traffic", In: "case")).Message);
        Assert.Equal("in: no incident 'nowhere' in this scenario", s.Decide(new UseEvidence(Prosecutor, "traffic", In: "nowhere")).Message);
        Assert.Equal("to: AA is your own state", s.Decide(new UseEvidence(Prosecutor, "traffic", To: "AA")).Message);
        Assert.Equal("to: BB gave traffic: returning it is not an onward transfer", s.Decide(new UseEvidence(Prosecutor, "traffic", To: "BB")).Message);
        Assert.Equal("to: no state 'ZZ' in this scenario", s.Decide(new UseEvidence(Prosecutor, "traffic", To: "ZZ")).Message);
        Assert.Equal("evidence: no evidence item 'ghost' in this scenario", s.Decide(new UseEvidence(Prosecutor, "ghost", In: "other")).Message);
        Assert.StartsWith("evidence: traffic was obtained for case, investigated by AA: BB does not hold it", s.Decide(new UseEvidence("BB/prosecutor", "traffic", To: "CC")).Message);
        Assert.Empty(s.Events<EvidenceUsed>());
        Accepted(s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")));
        Assert.Equal("evidence: traffic is already used in other", s.Decide(new UseEvidence(Prosecutor, "traffic", In: "other")).Message);
    }
}
