using Simulator.Core.Common;
using Simulator.Core.Rules;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Expedited disclosure of preserved traffic data, to follow the path (Budapest Art. 30).</summary>
public sealed class BudapestArt30ExpeditedDisclosureTests
{
    private const string Id = "budapest-art30-expedited-disclosure";

    [Fact, Rule(Id, "issuers")]
    public void Art30_is_asked_by_the_contact_point_or_a_prosecutor() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.ContactPoint, AuthorityRole.Prosecutor);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art30_1_is_open_only_between_Parties() =>
        Condition(Id, AuthorityRole.ContactPoint, "traffic", LawWorld.Parties("budapest"), LawWorld.Parties("budapest").State(LawWorld.Requested), "BB is not party to budapest");

    [Fact, Rule(Id, "preconditions/preserved-through")]
    public void Art30_1_arises_only_in_executing_an_Art29_preservation()
    {
        var s = LawWorld.Parties("budapest").Run(IssuingSeats);
        var draft = new RequestDraft(Id, LawWorld.Issuing, AuthorityRole.ContactPoint, ["traffic"], false);
        Refused(s.Rules.Check(draft), "not yet preserved through budapest-art29-preservation");
        Send(s, ContactPoint, "budapest-art29-preservation", "traffic");
        s.StepUntil(() => s.Preservations.Any(p => p.Lifecycle.Holds), "the Art. 29 preservation holds");
        Allowed(s.Rules.Check(draft));
    }

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art30_2_a_may_be_refused_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art30_2_b_may_be_refused_where_sovereignty_security_or_ordre_public_is_prejudiced() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");
}
