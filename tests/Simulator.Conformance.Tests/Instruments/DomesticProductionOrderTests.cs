using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A national production order (Budapest Art. 18, in national law).</summary>
public sealed class DomesticProductionOrderTests
{
    private const string Id = "domestic-production-order";

    [Fact, Rule(Id, "issuers")]
    public void A_prosecutor_may_order_subscriber_data_and_only_a_judge_traffic_or_content()
    {
        OnlyIssuedBy(Id, DataCategory.Subscriber, AuthorityRole.Prosecutor, AuthorityRole.Judge);
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Judge);
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Judge);
    }

    [Fact, Rule(Id, "preconditions/provider-domestic")]
    public void Art18_1_reaches_a_provider_in_the_territory_or_data_stored_there()
    {
        var abroadButStoredHere = LawWorld.Parties("budapest").Item("traffic", LawWorld.Host, DataCategory.Traffic, storedIn: LawWorld.Issuing);
        Condition(Id, AuthorityRole.Judge, "traffic", abroadButStoredHere, LawWorld.Parties("budapest"), "stores this data abroad");
    }

    [Fact, Rule(Id, "preconditions/provider-domestic")]
    public void Art18_1_b_reaches_a_provider_that_only_offers_its_services_here_for_subscriber_information_only()
    {
        LawWorld OffersServicesHere(DataCategory category) => LawWorld.Parties("budapest")
            .Provider(LawWorld.Host, LawWorld.Requested, p => p with { OffersServicesIn = new HashSet<string> { LawWorld.Requested, LawWorld.Issuing } })
            .Item("data", LawWorld.Host, category);
        Allowed(OffersServicesHere(DataCategory.Subscriber).Check(Id, AuthorityRole.Prosecutor, "data"));
        Refused(OffersServicesHere(DataCategory.Traffic).Check(Id, AuthorityRole.Judge, "data"),
            "host only offers its services in AA: a domestic order reaches its subscriber data, not traffic data");
        // A provider established abroad that offers no services here is out of reach, even for subscriber information.
        var elsewhere = LawWorld.Parties("budapest").Provider(LawWorld.Host, LawWorld.Requested).Item("data", LawWorld.Host, DataCategory.Subscriber);
        Refused(elsewhere.Check(Id, AuthorityRole.Prosecutor, "data"), "stores this data abroad");
    }
}
