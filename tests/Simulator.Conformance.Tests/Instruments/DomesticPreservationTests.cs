using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A national expedited preservation order (Budapest Arts. 16-17, in national law).</summary>
public sealed class DomesticPreservationTests
{
    private const string Id = "domestic-preservation";

    private static LawWorld AtHome() => LawWorld.Parties("budapest").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host);

    [Fact, Rule(Id, "issuers")]
    public void Any_national_authority_may_order_preservation_but_not_the_central_authority() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Investigator, AuthorityRole.Prosecutor, AuthorityRole.Judge, AuthorityRole.ContactPoint);

    [Fact, Rule(Id, "preconditions/provider-domestic")]
    public void Art16_1_reaches_data_in_the_territory_and_not_a_provider_abroad() =>
        Condition(Id, AuthorityRole.Prosecutor, "traffic", AtHome(), LawWorld.Parties("budapest"), "stores this data abroad");

    [Fact, Rule(Id, "preservation/period")]
    public void Art16_2_freezes_the_data_for_up_to_ninety_days() =>
        PreservationLasts(AtHome(), Prosecutor, Id, "traffic", TimeSpan.FromDays(90));

    [Fact, Rule(Id, "preservation/extension")]
    public void Art16_2_the_order_may_be_renewed_three_times_by_ninety_days() =>
        PreservationExtends(AtHome(), Prosecutor, Id, "traffic", TimeSpan.FromDays(90), 3);

    [Fact, Rule(Id, "preservation/continuation")]
    public void The_freeze_holds_while_a_domestic_production_order_is_executed() =>
        PreservationHoldsPendingProduction(AtHome().ChangeProvider(LawWorld.Host, p => p with { ResponseTime = DurationRange.Parse("300d") }),
            Prosecutor, Id, "traffic", Judge, "domestic-production-order");
}
