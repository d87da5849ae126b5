using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A joint investigation team (2000 EU MLA Convention Art. 13; CETS 224 Art. 12).</summary>
public sealed class JointInvestigationTeamTests
{
    private const string Id = "joint-investigation-team";

    [Fact, Rule(Id, "issuers")]
    public void A_team_is_agreed_by_prosecutors_or_judges() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/common-framework")]
    public void A_team_needs_a_basis_both_states_share_the_2000_Convention_or_the_Second_Protocol()
    {
        Allowed(LawWorld.Parties("eu-mla-2000").Check(Id, AuthorityRole.Prosecutor, "content"));
        Allowed(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, "content"));
        Refused(LawWorld.Parties("budapest").Check(Id, AuthorityRole.Prosecutor, "content"), "AA and BB share none of eu-mla-2000, budapest-2ap");
    }
}
