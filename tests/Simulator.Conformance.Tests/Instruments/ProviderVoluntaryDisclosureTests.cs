using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A foreign provider's voluntary disclosure under its own policy (no treaty).</summary>
public sealed class ProviderVoluntaryDisclosureTests
{
    private const string Id = "provider-voluntary-disclosure";

    private static LawWorld Discloses(params DataCategory[] categories) => LawWorld.Parties()
        .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { VoluntaryDisclosure = categories.ToHashSet() } });

    [Fact, Rule(Id, "issuers")]
    public void Any_investigating_authority_may_ask_a_provider_for_non_content_data()
    {
        OnlyIssuedBy(Id, DataCategory.Subscriber, AuthorityRole.Investigator, AuthorityRole.Prosecutor, AuthorityRole.Judge);
        Refused(Discloses(DataCategory.Content).Check(Id, AuthorityRole.Investigator, "content"), "does not cover content data");
    }

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Voluntary_disclosure_is_asked_of_a_provider_abroad() =>
        Refused(Discloses(DataCategory.Subscriber).Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host)
            .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { VoluntaryDisclosure = new HashSet<DataCategory>([DataCategory.Subscriber]) } })
            .Check(Id, AuthorityRole.Investigator, "subscriber"), "no state can receive provider-voluntary-disclosure");

    [Fact, Rule(Id, "preconditions/provider-accepts"), Rule(Id, "refusal-grounds/provider-declines")]
    public void The_provider_discloses_only_what_its_policy_covers_and_nothing_obliges_it()
    {
        Condition(Id, AuthorityRole.Investigator, "subscriber", Discloses(DataCategory.Subscriber), Discloses(DataCategory.Traffic), "host's policy does not accept voluntary-disclosure");
        var ground = LawWorld.Catalogue[Id].RefusalGrounds.Single(g => g.Id == "provider-declines");
        Assert.Equal((Reviewer.Provider, RefusalCondition.ProviderPolicy), (ground.By, ground.When));
        var s = Send(Discloses(DataCategory.Subscriber), Investigator, Id, "subscriber");
        Assert.Equal(Simulator.Core.Procedures.RequestState.Delivered, s.Settle(s.Last()).State);
    }
}
