using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Letters rogatory through diplomatic channels, where no treaty applies (comity, national law).</summary>
public sealed class LettersRogatoryTests
{
    private const string Id = "letters-rogatory";

    [Fact, Rule(Id, "issuers")]
    public void A_court_sends_letters_rogatory() => OnlyIssuedBy(Id, DataCategory.Content, AuthorityRole.Judge);

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Letters_go_to_the_state_where_the_data_or_provider_is() =>
        Refused(LawWorld.Parties().Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).Check(Id, AuthorityRole.Judge, "content"), "no state can receive letters-rogatory");

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void The_requested_state_may_refuse_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void The_requested_state_may_refuse_where_its_sovereignty_or_ordre_public_is_touched() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void The_requested_state_may_refuse_for_dual_criminality_where_its_law_requires_it()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        var noRequirement = LawWorld.Parties().Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Change(LawWorld.Requested, j => j with { DualCriminalityFor = new HashSet<DataCategory>() });
        Assert.NotNull(noRequirement.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
    }
}
