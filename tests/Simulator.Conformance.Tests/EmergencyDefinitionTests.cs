using Simulator.Core.Common;
using Simulator.Core.World;
using static Simulator.Conformance.Tests.Law;

namespace Simulator.Conformance.Tests;

/// <summary>
/// Each instrument judges an emergency by its own definition, written once in the catalogue: a threat to critical
/// infrastructure opens the EU's 8-hour order (REG Art. 3(18)) but not US voluntary disclosure (18 USC 2702: death or
/// serious physical injury) nor the Second Protocol's emergency routes (CETS 224 Art. 3(2)(c): life or safety).
/// </summary>
public sealed class EmergencyDefinitionTests
{
    private static LawWorld Eu(params Threat[] threats) => LawWorld.Parties("budapest", "budapest-2ap", "eu-e-evidence").Threatens(threats);

    private static LawWorld Us(params Threat[] threats) => LawWorld.UnitedStatesHost().Threatens(threats)
        .ChangeProvider(LawWorld.Host, p => p with { Policy = p.Policy with { EmergencyDisclosureRate = 1 } });

    [Fact, Rule("eu-epoc", "emergency-definition")]
    public void REG_Art3_18_a_threat_to_critical_infrastructure_opens_the_8_hour_procedure() =>
        Allowed(Eu(Threat.CriticalInfrastructure).Check("eu-epoc", AuthorityRole.Judge, true, "subscriber"));

    [Fact, Rule("us-2702-emergency-disclosure", "emergency-definition")]
    public void Section_2702_b_8_needs_danger_of_death_or_serious_physical_injury_not_a_threat_to_infrastructure()
    {
        Refused(Us(Threat.CriticalInfrastructure).Check("us-2702-emergency-disclosure", AuthorityRole.ContactPoint, true, "traffic"),
            "condition not met: an emergency: an emergency involving danger of death or serious physical injury to any person");
        Allowed(Us(Threat.SeriousPhysicalInjury).Check("us-2702-emergency-disclosure", AuthorityRole.ContactPoint, true, "traffic"));
        Refused(Us(Threat.Safety).Check("us-2702-emergency-disclosure", AuthorityRole.ContactPoint, true, "traffic"), "danger of death or serious physical injury");
    }

    [Fact, Rule("budapest-2ap-art9-emergency-disclosure", "emergency-definition")]
    public void CETS224_Art3_2_c_a_risk_to_a_persons_safety_opens_Art9_but_a_threat_to_infrastructure_does_not()
    {
        Allowed(Eu(Threat.Safety).Check("budapest-2ap-art9-emergency-disclosure", AuthorityRole.ContactPoint, true, "content"));
        Refused(Eu(Threat.CriticalInfrastructure).Check("budapest-2ap-art9-emergency-disclosure", AuthorityRole.ContactPoint, true, "content"), "life or safety of a person");
    }

    [Fact, Rule("budapest-2ap-art10-emergency-mla", "emergency-definition")]
    public void CETS224_Art3_2_c_the_same_definition_governs_Art10_emergency_mutual_assistance()
    {
        Allowed(Eu(Threat.Safety).Check("budapest-2ap-art10-emergency-mla", AuthorityRole.Prosecutor, true, "content"));
        Refused(Eu(Threat.CriticalInfrastructure).Check("budapest-2ap-art10-emergency-mla", AuthorityRole.Prosecutor, true, "content"), "life or safety of a person");
    }

    [Fact]
    public void A_threat_to_life_opens_every_emergency_route_and_no_threat_opens_none()
    {
        Allowed(Eu(Threat.Life).Check("eu-epoc", AuthorityRole.Judge, true, "subscriber"));
        Allowed(Us(Threat.Life).Check("us-2702-emergency-disclosure", AuthorityRole.ContactPoint, true, "traffic"));
        Refused(Eu().Check("eu-epoc", AuthorityRole.Judge, true, "subscriber"), "an emergency request under eu-epoc needs");
    }
}
