using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>Expedited preservation of stored data through the 24/7 network (Budapest Arts. 29, 35).</summary>
public sealed class BudapestArt29PreservationTests
{
    private const string Id = "budapest-art29-preservation";

    [Fact, Rule(Id, "issuers")]
    public void Art29_is_asked_by_the_contact_point_or_a_prosecutor() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.ContactPoint, AuthorityRole.Prosecutor);

    [Fact, Rule(Id, "preconditions/both-parties")]
    public void Art29_1_is_open_only_between_Parties() =>
        Condition(Id, AuthorityRole.ContactPoint, "traffic", LawWorld.Parties("budapest"), LawWorld.Parties("budapest").State(LawWorld.Requested), "BB is not party to budapest");

    [Fact, Rule(Id, "preconditions/provider-foreign")]
    public void Art29_1_asks_for_data_in_the_other_Party_not_at_home() =>
        Condition(Id, AuthorityRole.ContactPoint, "traffic", LawWorld.Parties("budapest"),
            LawWorld.Parties("budapest").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host), "no state can receive budapest-art29-preservation from AA");

    [Fact, Rule(Id, "refusal-grounds/political-offence")]
    public void Art29_5_a_may_be_refused_for_a_political_offence() => GroundFollowsFacts(Id, "political-offence");

    [Fact, Rule(Id, "refusal-grounds/sovereignty-security-ordre-public")]
    public void Art29_5_b_may_be_refused_where_sovereignty_security_or_ordre_public_is_prejudiced() => GroundFollowsFacts(Id, "sovereignty-security-ordre-public");

    [Fact, Rule(Id, "refusal-grounds/dual-criminality")]
    public void Art29_3_and_4_dual_criminality_is_a_ground_only_for_a_Party_that_reserved_it_and_requires_it_for_mutual_assistance()
    {
        GroundFollowsFacts(Id, "dual-criminality");
        var noReservation = LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion");
        Assert.Contains("open only to a state that made the reservation 'budapest-art29-4'", noReservation.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
        var noDualCriminalityForMla = LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion")
            .Reserves(LawWorld.Requested, "budapest-art29-4").Change(LawWorld.Requested, j => j with { DualCriminalityFor = new HashSet<DataCategory>() });
        Assert.Contains("requires dual criminality for the data sought", noDualCriminalityForMla.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
    }

    [Fact, Rule(Id, "refusal-grounds/dual-criminality/exceptions/budapest-arts-2-11")]
    public void Art29_4_reservation_does_not_reach_offences_under_Arts_2_to_11()
    {
        foreach (var conduct in new[] { "illegal-access", "illegal-system-interference", "misuse-of-devices", "computer-related-fraud", "child-sexual-abuse-material" })
        {
            var world = LawWorld.Parties("budapest").Offence(2, conduct).DoesNotCriminalise(LawWorld.Requested, conduct).Reserves(LawWorld.Requested, "budapest-art29-4");
            Assert.Contains("does not reach this offence: not for the offences established under ETS185 Arts. 2-11", world.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
        }
        var extortion = LawWorld.Parties("budapest").Offence(2, "extortion").DoesNotCriminalise(LawWorld.Requested, "extortion").Reserves(LawWorld.Requested, "budapest-art29-4");
        Assert.Null(extortion.GroundClosed(Id, "dual-criminality", LawWorld.Requested));
    }

    [Fact, Rule(Id, "preservation/period")]
    public void Art29_7_preservation_lasts_not_less_than_sixty_days() =>
        PreservationLasts(LawWorld.Parties("budapest"), ContactPoint, Id, "traffic", TimeSpan.FromDays(60));

    [Fact, Rule(Id, "preservation/continuation")]
    public void Art29_7_once_the_MLA_request_is_received_the_data_stay_preserved_until_it_is_decided() =>
        PreservationHoldsPendingProduction(LawWorld.Parties("budapest"), ContactPoint, Id, "traffic", Prosecutor, "budapest-art31-mla", "BB/central-authority");
}
