using Simulator.Core.Catalogue;
using Simulator.Core.Common;

namespace Simulator.Core.Tests.Catalogue;

/// <summary>
/// The words a player reads for each kind of precondition (the advisor's "met:" and "condition not met:" lines): each
/// is rendered from the precondition's fields, so each field must appear where the text says it does.
/// </summary>
public sealed class PreconditionTextTests
{
    private static string Text(PreconditionKind kind, string? framework = null, IReadOnlyList<string>? frameworks = null, string? agreement = null,
        int? years = null, IReadOnlyList<DataCategory>? categories = null, string? capability = null, string? instrument = null,
        IReadOnlyList<ExceptionToRule>? exceptions = null, bool withRequestedState = false, string? reservation = null, IReadOnlyList<DataCategory>? offering = null) =>
        new Precondition(kind, "the source", framework, frameworks, agreement, years, categories, capability, instrument, exceptions, withRequestedState, reservation, offering).Describe();

    [Fact]
    public void Each_kind_names_the_framework_agreement_capability_or_instrument_it_turns_on()
    {
        Assert.Equal("both states party to budapest", Text(PreconditionKind.BothParties, "budapest"));
        Assert.Equal("issuing state party to us-sca", Text(PreconditionKind.IssuerParty, "us-sca"));
        Assert.Equal("provider established in a state under us-sca", Text(PreconditionKind.ProviderStateParty, "us-sca"));
        Assert.Equal("provider offers services under eu-e-evidence", Text(PreconditionKind.ProviderOffersServicesIn, "eu-e-evidence"));
        Assert.Equal("provider or data in the issuing state", Text(PreconditionKind.ProviderDomestic));
        Assert.Equal("provider established abroad", Text(PreconditionKind.ProviderForeign));
        Assert.Equal("threat to life or serious injury", Text(PreconditionKind.Emergency));
        Assert.Equal("data public, or lawful voluntary consent", Text(PreconditionKind.PublicOrConsent));
        Assert.Equal("data public, or lawful voluntary consent for data located in a state party to budapest", Text(PreconditionKind.PublicOrConsent, "budapest"));
        Assert.Equal("provider accepts voluntary-disclosure", Text(PreconditionKind.ProviderAccepts, capability: "voluntary-disclosure"));
        Assert.Equal("data already preserved through budapest-art29-preservation", Text(PreconditionKind.PreservedThrough, instrument: "budapest-art29-preservation"));
        Assert.Equal("both states party to one of eu-mla-2000, untoc", Text(PreconditionKind.CommonFramework, frameworks: ["eu-mla-2000", "untoc"]));
        Assert.Equal("both states party to one of ", Text(PreconditionKind.CommonFramework));
        Assert.Equal("both states party to one of untoc, or bound to each other by an agreement of kind eu-us-mla", Text(PreconditionKind.CommonFramework, frameworks: ["untoc"], agreement: "eu-us-mla"));
        Assert.Equal("requested state has not made the reservation art8-traffic", Text(PreconditionKind.NotReserved, reservation: "art8-traffic"));
        Assert.Equal("the person whose data is sought is not a national or resident of, nor located in, the provider's state", Text(PreconditionKind.PersonNotOfProviderState));
    }

    [Fact]
    public void An_agreement_names_whose_state_it_must_bind()
    {
        Assert.Equal("cloud-act agreement between the issuing state and the provider's state", Text(PreconditionKind.Agreement, agreement: "cloud-act"));
        Assert.Equal("mla-treaty agreement between the issuing state and the requested state", Text(PreconditionKind.Agreement, agreement: "mla-treaty", withRequestedState: true));
    }

    [Fact]
    public void A_domestic_reach_by_services_offered_names_the_categories_it_reaches()
    {
        Assert.Equal("provider or data in the issuing state, or (for subscriber, identification data) a provider offering its services there",
            Text(PreconditionKind.ProviderDomestic, offering: [DataCategory.Subscriber, DataCategory.Identification]));
        Assert.Equal("provider or data in the issuing state", Text(PreconditionKind.ProviderDomestic, offering: []));
    }

    [Fact]
    public void A_condition_for_some_categories_says_which_and_the_minimum_penalty_says_them_in_its_own_words()
    {
        Assert.Equal("both states party to budapest (for content, traffic data)", Text(PreconditionKind.BothParties, "budapest", categories: [DataCategory.Content, DataCategory.Traffic]));
        Assert.Equal("both states party to budapest", Text(PreconditionKind.BothParties, "budapest", categories: []));
        Assert.Equal("offence punishable by at least 3 years", Text(PreconditionKind.MinimumPenalty, years: 3));
        Assert.Equal("offence punishable by at least 3 years (for traffic, content)", Text(PreconditionKind.MinimumPenalty, years: 3, categories: [DataCategory.Traffic, DataCategory.Content]));
        Assert.Equal("offence punishable by at least 3 years", Text(PreconditionKind.MinimumPenalty, years: 3, categories: []));
    }

    [Fact]
    public void A_minimum_penalty_lists_each_exception_the_law_gives_it()
    {
        var exceptions = new[]
        {
            new ExceptionToRule(["misuse-of-devices"], "REG Art. 5(4)(b)", OffenceListName: "the offences of Directive 2013/40/EU Arts. 3-8", ByInformationSystem: true),
            new ExceptionToRule(["terrorism"], "REG Art. 5(4)(c)"),
        };
        Assert.Equal("offence punishable by at least 3 years, or for the offences of Directive 2013/40/EU Arts. 3-8, committed by means of an information system (REG Art. 5(4)(b)), or for terrorism (REG Art. 5(4)(c))",
            Text(PreconditionKind.MinimumPenalty, years: 3, exceptions: exceptions));
    }

    [Fact]
    public void An_exception_is_rendered_from_its_fields()
    {
        Assert.Equal("not for illegal-access, extortion (src)", new ExceptionToRule(["illegal-access", "extortion"], "src").Describe());
        Assert.Equal("not for the Annex IV offences, punishable in the issuing state by at least 3 years (src)",
            new ExceptionToRule(["extortion"], "src", "reg-annex-iv", "the Annex IV offences", MinimumYears: 3).Describe());
        Assert.Equal("not for x, committed by means of an information system (src)", new ExceptionToRule(["x"], "src", ByInformationSystem: true).Describe());
    }

    [Fact]
    public void Exceptions_default_to_none()
    {
        Assert.Empty(new Precondition(PreconditionKind.Emergency, "s").ExceptionsToRule);
    }
}

/// <summary>When an exception the law gives a rule applies: the conduct, the penalty threshold (inclusive), the means.</summary>
public sealed class ExceptionToRuleTests
{
    private static Simulator.Core.World.Offence Offence(int years, bool byInformationSystem, params string[] conducts) =>
        new(conducts, years, false, false, false, new HashSet<string>(), byInformationSystem);

    [Fact]
    public void It_applies_to_a_listed_conduct_at_or_above_the_threshold_committed_by_the_means_it_names()
    {
        var exception = new ExceptionToRule(["extortion", "fraud"], "REG Art. 12(1)(d)", MinimumYears: 3, ByInformationSystem: true);
        Assert.True(exception.AppliesTo(Offence(3, true, "extortion")));
        Assert.True(exception.AppliesTo(Offence(10, true, "theft", "fraud")));
        Assert.False(exception.AppliesTo(Offence(2, true, "extortion")));
        Assert.False(exception.AppliesTo(Offence(5, false, "extortion")));
        Assert.False(exception.AppliesTo(Offence(5, true, "theft")));
    }

    [Fact]
    public void Without_a_threshold_or_means_only_the_conduct_counts()
    {
        var exception = new ExceptionToRule(["illegal-access"], "ETS185 Art. 29(4)");
        Assert.True(exception.AppliesTo(Offence(0, false, "illegal-access")));
        Assert.False(exception.AppliesTo(Offence(20, true, "extortion")));
    }

    [Fact]
    public void An_exception_for_a_measure_applies_to_a_request_for_its_categories_only_whatever_the_offence()
    {
        var exception = new ExceptionToRule([], "Directive 2014/41/EU Art. 11(2)", Categories: [DataCategory.Subscriber]);
        Assert.True(exception.AppliesTo(Offence(1, false, "theft"), [DataCategory.Subscriber]));
        Assert.False(exception.AppliesTo(Offence(1, false, "theft"), [DataCategory.Subscriber, DataCategory.Traffic]));
        Assert.False(exception.AppliesTo(Offence(1, false, "theft"), []));
        Assert.False(exception.AppliesTo(Offence(1, false, "theft")));
        Assert.Equal("not for a request for subscriber data only (Directive 2014/41/EU Art. 11(2))", exception.Describe());

        var both = new ExceptionToRule(["fraud"], "src", Categories: [DataCategory.Subscriber, DataCategory.Identification]);
        Assert.True(both.AppliesTo(Offence(1, false, "fraud"), [DataCategory.Identification]));
        Assert.False(both.AppliesTo(Offence(1, false, "theft"), [DataCategory.Identification]));
        Assert.Equal("not for a request for subscriber and identification data only, for fraud (src)", both.Describe());
        Assert.False(new ExceptionToRule([], "src").AppliesTo(Offence(1, false, "theft"), [DataCategory.Subscriber]));
    }
}
