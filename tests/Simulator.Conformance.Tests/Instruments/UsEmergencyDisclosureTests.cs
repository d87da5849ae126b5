using Simulator.Core.Catalogue;
using Simulator.Core.Common;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests.Instruments;

/// <summary>A US provider's voluntary disclosure in an emergency (18 USC 2702(b)(8), (c)(4)).</summary>
public sealed class UsEmergencyDisclosureTests
{
    private const string Id = "us-2702-emergency-disclosure";

    private static LawWorld Willing(double rate = 1) => LawWorld.UnitedStatesHost().ThreatToLife()
        .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = rate } });

    [Fact, Rule(Id, "issuers")]
    public void An_investigator_prosecutor_or_contact_point_may_ask() =>
        OnlyIssuedBy(Id, DataCategory.Traffic, AuthorityRole.Investigator, AuthorityRole.Prosecutor, AuthorityRole.ContactPoint);

    [Fact, Rule(Id, "preconditions/provider-state-party")]
    public void Section_2702_speaks_to_providers_subject_to_US_law() =>
        Condition(Id, AuthorityRole.ContactPoint, "traffic", Willing(), LawWorld.Parties("budapest").ThreatToLife(), "host is established in BB, not under us-sca", emergency: true);

    [Fact, Rule(Id, "preconditions/issuer-party")]
    public void Section_2702_b_8_and_2711_4_content_goes_only_to_a_US_governmental_entity_non_content_to_anyone_under_c_6()
    {
        Refused(Willing().Check(Id, AuthorityRole.ContactPoint, true, "content"), "AA is not party to us-sca");
        Allowed(Willing().Check(Id, AuthorityRole.ContactPoint, true, "traffic"));
        var usLed = LawWorld.Parties("budapest", "us-sca").Provider(LawWorld.Host, LawWorld.Issuing).AllItemsAt(LawWorld.Host).ThreatToLife()
            .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = 1 } });
        Assert.DoesNotContain(usLed.Check(Id, AuthorityRole.ContactPoint, true, "content").Problems, p => p.Contains("us-sca", StringComparison.Ordinal));
    }

    [Fact, Rule(Id, "preconditions/emergency")]
    public void Section_2702_b_8_and_c_4_need_danger_of_death_or_serious_physical_injury()
    {
        Refused(LawWorld.UnitedStatesHost().ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = 1 } })
            .Check(Id, AuthorityRole.ContactPoint, true, "traffic"), "shows no such threat");
        Refused(Willing().Check(Id, AuthorityRole.ContactPoint, false, "traffic"), "is for emergencies only");
    }

    [Fact, Rule(Id, "preconditions/provider-accepts")]
    public void Section_2702_lets_the_provider_disclose_it_does_not_oblige_it() =>
        Condition(Id, AuthorityRole.ContactPoint, "traffic", Willing(), Willing(0), "host's policy does not accept emergency-disclosure", emergency: true);

    [Fact, Rule(Id, "refusal-grounds/provider-declines")]
    public void Section_2702_b_8_a_provider_that_sees_no_emergency_declines() =>
        ProviderMayDecline(Willing(1e-9), ContactPoint, Id, "traffic", emergency: true);

    [Fact, Rule(Id, "emergency-deadline")]
    public void Providers_answer_emergency_requests_within_hours_in_practice() =>
        DeadlineRuns(Willing(), ContactPoint, Id, "traffic", true, TimeSpan.FromHours(12), CountedFrom.Sending);
}
