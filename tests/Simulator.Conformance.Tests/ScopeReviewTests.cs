using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Procedures;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// The scope of a request against what the facts support (issue 14 item 1): the lead names one address and one day of
/// records, 10 records of which 2 are other persons'. A request for every record the holder keeps (a year) asks 364 days
/// beyond the need. A requested state that reviews it executes it for what the facts support only; an order a provider
/// executes brings all it asked, the records beyond the need counted as third-party data.
/// </summary>
public sealed class ScopeReviewTests
{
    private const string Reviewer = "BB/central-authority";
    private static readonly string[] Address = ["203.0.113.9"];

    private static LawWorld Facts(LawWorld world) => world.FactsSupport(Address, from: -1, to: 0, records: 10, thirdParty: 2);

    private static LawWorld WorldFor(string instrument) => Facts(instrument switch
    {
        "budapest-art31-mla" => LawWorld.Parties("budapest"),
        "eu-eio" => LawWorld.Parties("eu-eio"),
        "bilateral-mla-treaty" => LawWorld.Parties().Agreement(LawWorld.Requested, LawWorld.Issuing, "mla-treaty"),
        "letters-rogatory" => LawWorld.Parties().HostKeeps(TimeSpan.FromDays(3 * 365)), // letters rogatory can outlast a year's retention
        "eu-epoc" => LawWorld.Parties("eu-e-evidence"),
        _ => throw new ArgumentException(instrument),
    });

    private static string IssuerFor(string instrument) => instrument is "letters-rogatory" or "eu-epoc" ? Judge : Prosecutor;

    private static Simulation SendScoped(string instrument, RequestScope scope, params string[] humanSeats)
    {
        var s = WorldFor(instrument).Run([.. IssuingSeats, .. humanSeats]);
        var sent = s.Decide(new SendRequest(IssuerFor(instrument), instrument, ["traffic"], Scope: scope));
        Assert.True(sent.Accepted, sent.Message);
        return s;
    }

    /// <summary>Runs the request to its end, the issuing trainee answering any question the reviewer asks.</summary>
    private static RequestRecord SettleAnswering(Simulation s, RequestRecord r)
    {
        s.StepUntil(() => r.Lifecycle.IsClosed || r.State == RequestState.AwaitingClarification, $"{r.Id} closed or awaiting clarification");
        if (r.State != RequestState.AwaitingClarification) return r;
        Assert.True(s.Decide(new ProvideClarification(r.IssuerSeat, r.Id, "the address and day are those of the intrusion")).Accepted);
        return SettleAnswering(s, r);
    }

    [Theory]
    [Rule("budapest-art31-mla", "scope-review")]
    [Rule("eu-eio", "scope-review")]
    [Rule("bilateral-mla-treaty", "scope-review")]
    [Rule("letters-rogatory", "scope-review")]
    [InlineData("budapest-art31-mla")]
    [InlineData("eu-eio")]
    [InlineData("bilateral-mla-treaty")]
    [InlineData("letters-rogatory")]
    public void A_requested_state_executes_a_request_for_every_record_held_for_what_the_facts_support_only(string instrument)
    {
        var s = SendScoped(instrument, RequestScope.Everything);
        var r = s.Last();
        var asked = s.Events<RequestScopeAssessed>().Single();
        var beyondDays = (int)r.Items[0].Retention.TotalDays - 1; // every record held: the retention back from the day of asking
        Assert.Contains(asked.Excess, e => e.StartsWith($"window: it starts {beyondDays}d before the period the facts support for lead", StringComparison.Ordinal));
        Assert.Equal((10 + 10 * beyondDays, 10 * beyondDays, 2 + 10 * beyondDays), (asked.Records, asked.BeyondNeed, asked.ThirdParty));

        SettleAnswering(s, r);
        Assert.Equal(RequestState.Delivered, r.State);
        var narrowed = s.Events<RequestNarrowed>().Single();
        Assert.Equal(LawWorld.Catalogue[instrument].ScopeReview!.Source, narrowed.Source);
        Assert.Equal(asked.Excess, narrowed.Cut);
        Assert.Equal((10, 2), (narrowed.Records, narrowed.ThirdParty));
        Assert.Equal(new RightsSummary(1, 1, 10, 0, 2), s.Outcome().Rights);
    }

    [Fact]
    public void An_order_the_provider_executes_is_not_narrowed_on_its_way_and_brings_every_record_it_asked_for()
    {
        Assert.Null(LawWorld.Catalogue["eu-epoc"].ScopeReview); // REG Art. 5(2): necessity and proportionality are the issuing authority's to judge
        var s = SendScoped("eu-epoc", RequestScope.Everything);
        var r = s.Settle(s.Last());
        Assert.Equal(RequestState.Delivered, r.State);
        Assert.Empty(s.Events<RequestNarrowed>());
        Assert.Equal(new RightsSummary(1, 0, 3650, 3640, 3642, AdmissibleUnderChallenge: 1, PersonsToInform: 1, PersonsNotInformed: 1), s.Outcome().Rights);
    }

    [Fact]
    public void A_request_for_the_named_address_over_the_supported_day_is_not_over_broad_and_is_executed_as_asked()
    {
        var scope = new RequestScope(Address, LawWorld.StartsAt - TimeSpan.FromDays(1), LawWorld.StartsAt);
        var s = SendScoped("budapest-art31-mla", scope);
        var asked = s.Events<RequestScopeAssessed>().Single();
        Assert.Empty(asked.Excess);
        Assert.Empty(asked.Shortfall);
        SettleAnswering(s, s.Last());
        Assert.Empty(s.Events<RequestNarrowed>());
        Assert.Equal(new RightsSummary(0, 0, 10, 0, 2), s.Outcome().Rights);
    }

    [Fact]
    public void An_address_the_facts_do_not_name_is_over_broad_and_all_its_records_are_other_persons()
    {
        var scope = new RequestScope(["203.0.113.9", "203.0.113.10"], LawWorld.StartsAt - TimeSpan.FromDays(1), LawWorld.StartsAt);
        var s = SendScoped("eu-epoc", scope);
        var asked = s.Events<RequestScopeAssessed>().Single();
        Assert.Equal(["identifiers 203.0.113.10: the facts name only 203.0.113.9"], asked.Excess);
        Assert.Equal((20, 10, 12), (asked.Records, asked.BeyondNeed, asked.ThirdParty));
    }

    private static (Simulation, RequestRecord) UnderTraineeReview(RequestScope? scope)
    {
        var s = SendScoped("budapest-art31-mla", scope ?? new RequestScope(Address, LawWorld.StartsAt - TimeSpan.FromDays(1), LawWorld.StartsAt), Reviewer);
        var r = s.Last();
        s.StepUntil(() => r.State == RequestState.UnderReview, $"{r.Id} reached review");
        return (s, r);
    }

    [Fact]
    [Rule("budapest-art31-mla", "scope-review")]
    public void A_reviewing_trainee_narrows_an_over_broad_request_and_it_is_executed_for_what_the_facts_support()
    {
        var (s, r) = UnderTraineeReview(RequestScope.Everything);
        var checks = s.ChecksFor(r).Where(c => c != ReviewCheck.Proportionate).ToList();
        var narrowed = s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Narrow, Note: "one day of the address is what the facts support", Confirmed: checks));
        Assert.True(narrowed.Accepted, narrowed.Message);
        Assert.Equal(Reviewer, s.Events<RequestNarrowed>().Single().By);
        Assert.Equal("narrow", s.Events<ReviewRecorded>().Single().Answer);
        s.Settle(r);
        Assert.Equal(new RightsSummary(1, 1, 10, 0, 2), s.Outcome().Rights);
    }

    [Fact]
    public void A_request_within_what_the_facts_support_cannot_be_narrowed_and_narrowing_needs_every_other_check()
    {
        var (within, r) = UnderTraineeReview(null);
        var nothing = within.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Narrow));
        Assert.False(nothing.Accepted);
        Assert.Contains("asks only for what its facts support: there is nothing to narrow", nothing.Message);

        var (broad, b) = UnderTraineeReview(RequestScope.Everything);
        var unconfirmed = broad.Decide(new AnswerRequest(Reviewer, b.Id, Answer.Narrow, Confirmed: [ReviewCheck.Complete]));
        Assert.False(unconfirmed.Accepted);
        Assert.Contains("no-ground: confirm each check but proportionality before narrowing", unconfirmed.Message);
        Assert.Empty(broad.Events<RequestNarrowed>());
    }

    [Fact]
    public void Confirming_that_an_over_broad_request_is_proportionate_is_recorded_as_unsupported_by_the_facts()
    {
        var (s, r) = UnderTraineeReview(RequestScope.Everything);
        Assert.True(s.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Approve, Confirmed: s.ChecksFor(r))).Accepted);
        var review = s.Events<ReviewRecorded>().Single();
        Assert.Contains(review.Unsupported, u => u.StartsWith("proportionate: it asks beyond what the facts support (window: it starts 364d before", StringComparison.Ordinal));
        s.Settle(r);
        Assert.Equal(new RightsSummary(1, 0, 3650, 3640, 3642, AdmissibleUnderChallenge: 1), s.Outcome().Rights);
    }

    /// <summary>BB's law refuses a fishing expedition rather than narrowing it (a scenario's refuses-over-broad).</summary>
    private const string NoFishing = "BB Mutual Assistance Act s. 4: no assistance for data the facts do not link to the offence";

    private static Simulation SendScopedTo(string instrument, RequestScope? scope, bool refusesOverBroad, params string[] humanSeats)
    {
        var world = WorldFor(instrument);
        if (refusesOverBroad) world.Change(LawWorld.Requested, j => j with { RefusesOverBroad = NoFishing });
        var s = world.Run([.. IssuingSeats, .. humanSeats]);
        var sent = s.Decide(new SendRequest(IssuerFor(instrument), instrument, ["traffic"], Scope: scope));
        Assert.True(sent.Accepted, sent.Message);
        return s;
    }

    [Theory]
    [Rule("budapest-art31-mla", "refusal-grounds/fishing-expedition")]
    [Rule("bilateral-mla-treaty", "refusal-grounds/fishing-expedition")]
    [Rule("letters-rogatory", "refusal-grounds/fishing-expedition")]
    [InlineData("budapest-art31-mla")]
    [InlineData("bilateral-mla-treaty")]
    [InlineData("letters-rogatory")]
    public void A_state_whose_law_refuses_a_fishing_expedition_refuses_the_request_for_everything_and_executes_the_one_for_the_need(string instrument)
    {
        var broad = SendScopedTo(instrument, RequestScope.Everything, refusesOverBroad: true);
        var r = SettleAnswering(broad, broad.Last());
        Assert.Equal((RequestState.Refused, "fishing-expedition"), (r.State, r.RefusalGround));
        Assert.Contains("ETS185 Art. 25(4)", r.RefusalSource);
        Assert.EndsWith($"the law of BB: {NoFishing}", r.RefusalSource);
        Assert.Empty(broad.Events<RequestNarrowed>());

        var narrow = SendScopedTo(instrument, null, refusesOverBroad: true);
        Assert.NotEqual(RequestState.Refused, SettleAnswering(narrow, narrow.Last()).State);

        // A state whose law says nothing of it narrows the request instead (the instrument's scope review).
        var elsewhere = SendScopedTo(instrument, RequestScope.Everything, refusesOverBroad: false);
        var narrowed = SettleAnswering(elsewhere, elsewhere.Last());
        Assert.NotEqual(RequestState.Refused, narrowed.State);
        Assert.True(narrowed.Narrowed);
    }

    [Fact]
    public void A_reviewing_trainee_may_refuse_a_fishing_expedition_only_where_its_law_says_so_and_only_an_over_broad_request()
    {
        static RequestRecord UnderReview(Simulation s)
        {
            var r = s.Last();
            s.StepUntil(() => r.State == RequestState.UnderReview, $"{r.Id} under review");
            return r;
        }
        var broad = SendScopedTo("budapest-art31-mla", RequestScope.Everything, refusesOverBroad: true, Reviewer);
        var r = UnderReview(broad);
        Assert.Contains(broad.GroundsOpenToReviewer(r), g => g.Id == "fishing-expedition");
        var contradicted = broad.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "fishing-expedition", Confirmed: [ReviewCheck.Complete, ReviewCheck.Proportionate]));
        Assert.Equal($"you confirmed it proportionate: untick it to refuse {r.Id} as beyond what its facts support", contradicted.Message);
        Assert.True(broad.Decide(new AnswerRequest(Reviewer, r.Id, Answer.Refuse, "fishing-expedition")).Accepted);
        Assert.Equal(RequestState.Refused, r.State);

        var asked = SendScopedTo("budapest-art31-mla", null, refusesOverBroad: true, Reviewer);
        var fine = UnderReview(asked);
        Assert.DoesNotContain(asked.GroundsOpenToReviewer(fine), g => g.Id == "fishing-expedition");
        Assert.StartsWith($"'fishing-expedition' does not apply: {fine.Id} asks only for what its facts support",
            asked.Decide(new AnswerRequest(Reviewer, fine.Id, Answer.Refuse, "fishing-expedition")).Message);

        var lawless = SendScopedTo("budapest-art31-mla", RequestScope.Everything, refusesOverBroad: false, Reviewer);
        var open = UnderReview(lawless);
        Assert.StartsWith("'fishing-expedition' is open only to a state whose law refuses a request beyond what its facts support, and BB's narrows or executes it",
            lawless.Decide(new AnswerRequest(Reviewer, open.Id, Answer.Refuse, "fishing-expedition")).Message);
    }
}
