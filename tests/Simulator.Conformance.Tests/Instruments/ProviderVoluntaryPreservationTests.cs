using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A foreign provider's voluntary preservation on a direct request (provider policy, no treaty).</summary>
public sealed class ProviderVoluntaryPreservationTests
{
    private const string Id = "provider-voluntary-preservation";

    private static LawWorld Willing(bool willing = true) => LawWorld.Parties("budapest")
        .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { VoluntaryPreservation = willing } });

    [Fact, Rule(Id, "issuers")]
    public void An_investigator_prosecutor_or_contact_point_may_ask() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Investigator, AuthorityRole.Prosecutor, AuthorityRole.ContactPoint);

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Voluntary_preservation_is_asked_of_a_provider_abroad() =>
        Refused(Willing().Provider(LawWorld.Host, LawWorld.Issuing, p => p with { Policy = p.Policy with { VoluntaryPreservation = true } }).AllItemsAt(LawWorld.Host)
            .Check(Id, AuthorityRole.Investigator, "traffic"), "no state can receive provider-voluntary-preservation");

    [Fact, Rule(Id, "preconditions/provider-accepts"), Rule(Id, "refusal-grounds/provider-declines")]
    public void The_provider_freezes_data_only_where_its_policy_does()
    {
        Condition(Id, AuthorityRole.Investigator, "traffic", Willing(), Willing(false), "host's policy does not accept voluntary-preservation");
        Assert.Equal("provider-declines", LawWorld.Catalogue[Id].RefusalGrounds.Single(g => g.By == Simulator.Core.Catalogue.Reviewer.Provider).Id);
    }

    [Fact, Rule(Id, "preservation/period")]
    public void A_provider_holds_the_data_up_to_90_days_pending_process() =>
        PreservationLasts(Willing(), Investigator, Id, "traffic", TimeSpan.FromDays(90));

    [Fact, Rule(Id, "preservation/continuation")]
    public void The_provider_keeps_holding_while_the_formal_request_is_pending() =>
        PreservationHoldsPendingProduction(Willing(), Investigator, Id, "traffic", Prosecutor, "budapest-art31-mla", "BB/central-authority");
}
