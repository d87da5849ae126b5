using Simulator.Core.Catalogue;
using Simulator.Core.Common;

namespace Simulator.Core.Tests.Catalogue;

/// <summary>The words a use limit and a validation rule are read in, and who validates what, from their fields alone.</summary>
public sealed class UseLimitAndValidationTests
{
    [Fact]
    public void A_use_limit_says_whether_consent_is_needed_on_whose_grounds_and_whether_a_case_may_attach_it()
    {
        Assert.Equal("needs the giving state's consent (ETS185 Art. 28(2))", new UseLimit(UseKind.OnwardTransfer, true, "ETS185 Art. 28(2)").Describe());
        Assert.Equal("needs no consent (CETS 224 Art. 14(2)); the giving state may make it need its consent in a particular case (Art. 9)",
            new UseLimit(UseKind.OtherInvestigation, false, "CETS 224 Art. 14(2)", ConditionSource: "Art. 9").Describe());
        Assert.Equal("needs the giving state's consent (Art. 13(10)(b)); consent may be withheld on the grounds of budapest-art31-mla",
            new UseLimit(UseKind.OtherInvestigation, true, "Art. 13(10)(b)", ConsentGroundsOf: "budapest-art31-mla").Describe());
        var limit = new CaseCondition(UseKind.OtherInvestigation, "BB/central-authority", "Art. 9").AsLimit();
        Assert.Equal((UseKind.OtherInvestigation, true), (limit.Use, limit.NeedsConsent));
        Assert.Equal("a condition BB/central-authority attached when it approved the request (Art. 9)", limit.Source);
    }

    private static readonly IssuingWithValidation Reg = new(
        [
            new([DataCategory.Subscriber, DataCategory.Identification], [AuthorityRole.Investigator], [AuthorityRole.Prosecutor, AuthorityRole.Judge], "Art. 4(1)(b)"),
            new([DataCategory.Traffic, DataCategory.Content], [AuthorityRole.Investigator, AuthorityRole.Prosecutor], [AuthorityRole.Judge], "Art. 4(2)(b)"),
        ],
        DurationRange.Parse("2h..2d~8h"), "assumption",
        new ValidationAfterwards([DataCategory.Subscriber, DataCategory.Identification], new LegalDuration(TimeSpan.FromHours(48), "Art. 4(5)"), "Art. 4(5)"));

    [Fact]
    public void Validators_are_those_every_categorys_rule_names_and_an_issuer_no_rule_names_needs_more_than_validation()
    {
        var subscriber = Reg.For(AuthorityRole.Investigator, [DataCategory.Subscriber], false, [DataCategory.Subscriber])!;
        Assert.Equal([AuthorityRole.Prosecutor, AuthorityRole.Judge], subscriber.Validators);
        Assert.Equal(("Art. 4(1)(b)", (ValidationAfterwards?)null), (subscriber.Source, subscriber.Afterwards));
        Assert.Equal("validated by the prosecutor or judge of AA before it is sent (Art. 4(1)(b))", subscriber.Describe("AA"));

        var both = Reg.For(AuthorityRole.Investigator, [DataCategory.Subscriber, DataCategory.Traffic, DataCategory.Content], false, [DataCategory.Subscriber, DataCategory.Traffic])!;
        Assert.Equal([AuthorityRole.Judge], both.Validators); // the only validator both rules name
        Assert.Equal("Art. 4(1)(b); Art. 4(2)(b)", both.Source); // each rule's source once
        Assert.Null(Reg.For(AuthorityRole.Prosecutor, [DataCategory.Subscriber], false, [DataCategory.Subscriber])); // no rule lets a prosecutor issue it with validation
        var disjoint = new IssuingWithValidation([new([DataCategory.Subscriber], [AuthorityRole.Investigator], [AuthorityRole.Prosecutor], "a"),
            new([DataCategory.Traffic], [AuthorityRole.Investigator], [AuthorityRole.Judge], "b")], DurationRange.Parse("1h"), "s", null);
        Assert.Null(disjoint.For(AuthorityRole.Investigator, [DataCategory.Subscriber, DataCategory.Traffic], false, [DataCategory.Subscriber, DataCategory.Traffic]));
    }

    [Fact]
    public void In_an_emergency_an_order_goes_first_only_where_the_exception_covers_every_category_it_asks_for()
    {
        var afterwards = Reg.For(AuthorityRole.Investigator, [DataCategory.Subscriber], true, [DataCategory.Subscriber, DataCategory.Identification])!;
        Assert.NotNull(afterwards.Afterwards);
        Assert.Equal("sent at once in this emergency; the prosecutor or judge of AA validates it within 2d (Art. 4(5)), or it is withdrawn and what it produced erased", afterwards.Describe("AA"));
        Assert.Null(Reg.For(AuthorityRole.Investigator, [DataCategory.Subscriber], true, [DataCategory.Subscriber, DataCategory.Traffic])!.Afterwards);
        Assert.Null(Reg.For(AuthorityRole.Investigator, [DataCategory.Subscriber], false, [DataCategory.Subscriber])!.Afterwards);
        Assert.Equal("prosecutor or judge", afterwards.DescribeValidators());
    }
}
