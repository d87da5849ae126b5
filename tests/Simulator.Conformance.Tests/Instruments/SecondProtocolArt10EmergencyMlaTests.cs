using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Emergency mutual assistance (CETS 224 Art. 10).</summary>
public sealed class SecondProtocolArt10EmergencyMlaTests
{
    private const string Id = "budapest-2ap-art10-emergency-mla";

    private static LawWorld Parties() => LawWorld.Parties("budapest", "budapest-2ap").ThreatToLife();

    [Fact, Rule(Id, "issuers")]
    public void Art10_is_issued_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art10_1_is_open_only_between_Parties_to_the_Protocol() =>
        Condition(Id, AuthorityRole.Prosecutor, "content", Parties(), Parties().State(LawWorld.Requested, "budapest"), "BB is not party to budapest-2ap", emergency: true);

    [Fact, Rule(Id, "preconditions/emergency")]
    public void Art10_needs_an_emergency_as_Art3_2_c_defines_it()
    {
        Refused(Parties().Check(Id, AuthorityRole.Prosecutor, false, "content"), "is for emergencies only");
        Refused(LawWorld.Parties("budapest", "budapest-2ap").Check(Id, AuthorityRole.Prosecutor, true, "content"), "shows no such threat");
        Allowed(Parties().Check(Id, AuthorityRole.Prosecutor, true, "content"));
    }

    [Fact, Rule(Id, "waits-in-backlog")]
    public void Art10_an_emergency_request_is_answered_on_a_rapidly_expedited_basis_not_behind_the_backlog() =>
        SkipsTheBacklog(Parties(), Prosecutor, Id, "content", emergency: true);

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art10_may_be_refused_on_the_political_offence_ground() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art10_may_be_refused_on_the_sovereignty_ground() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");
}
