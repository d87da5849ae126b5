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
}
