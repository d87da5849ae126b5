using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Trans-border access to public data, or to data with consent, without asking anyone (Budapest Art. 32).</summary>
public sealed class BudapestArt32TransBorderAccessTests
{
    private const string Id = "budapest-art32-trans-border-access";

    private static LawWorld World(string storedIn, bool isPublic, bool consent) => LawWorld.Parties("budapest").State("NP")
        .Item("traffic", LawWorld.Host, DataCategory.Traffic, storedIn: storedIn, isPublic: isPublic, consent: consent);

    [Fact, Rule(Id, "issuers")]
    public void Art32_access_is_taken_by_an_investigator_or_a_prosecutor() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Investigator, AuthorityRole.Prosecutor);

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void Art32_is_a_power_of_a_Party() =>
        Condition(Id, AuthorityRole.Investigator, "traffic", World(LawWorld.Requested, true, false), World(LawWorld.Requested, true, false).State(LawWorld.Issuing), "AA is not party to budapest");

    [Fact, Rule(Id, "preconditions/public-or-consent")]
    public void Art32_a_reaches_public_data_anywhere_and_Art32_b_consented_data_only_located_in_another_Party()
    {
        Allowed(World("NP", isPublic: true, consent: false).Check(Id, AuthorityRole.Investigator, "traffic"));
        Allowed(World(LawWorld.Requested, isPublic: false, consent: true).Check(Id, AuthorityRole.Investigator, "traffic"));
        Refused(World("NP", isPublic: false, consent: true).Check(Id, AuthorityRole.Investigator, "traffic"), "consent reaches only data located in a Party");
        Refused(World(LawWorld.Requested, isPublic: false, consent: false).Check(Id, AuthorityRole.Investigator, "traffic"), "neither public nor available with consent");
    }
}
