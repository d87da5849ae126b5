using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Mutual assistance for stored data, central authority to central authority (Budapest Arts. 25, 27, 31).</summary>
public sealed class BudapestArt31MlaTests
{
    private const string Id = "budapest-art31-mla";

    [Fact, Rule(Id, "issuers")]
    public void Art31_is_issued_by_a_prosecutor_or_a_judge() =>
        OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Prosecutor, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art31_1_is_open_between_Parties() =>
        Condition(Id, AuthorityRole.Prosecutor, "content", LawWorld.Parties("budapest"), LawWorld.Parties("budapest").State(LawWorld.Requested), "BB is not party to budapest");

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art27_4_a_may_be_refused_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art27_4_b_may_be_refused_where_sovereignty_security_or_ordre_public_is_prejudiced() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art25_4_dual_criminality_binds_only_a_state_whose_law_requires_it_for_the_data_sought()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        LawWorld Requires(params DataCategory[] categories) => LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = categories.ToHashSet() });
        Assert.Contains("requires dual criminality for the data sought", Requires().GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Content));
        Assert.Null(Requires(DataCategory.Content).GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Content));
        Assert.NotNull(Requires(DataCategory.Content).GroundClosed(Id, "dual-criminality", LawWorld.Requested, DataCategory.Subscriber));
    }
}
