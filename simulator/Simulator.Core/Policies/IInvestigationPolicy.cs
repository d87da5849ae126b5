using Simulator.Core.Engine;
using Simulator.Core.World;

namespace Simulator.Core.Policies;

/// <summary>
/// How an investigating state that no trainee plays chooses its instruments. The engine calls these hooks
/// after the event is in the journal; the policy answers with commands through the context, exactly as a
/// trainee would over the console.
/// </summary>
public interface IInvestigationPolicy
{
    string Name { get; }
    string Description { get; }
    void OnLeadDiscovered(PolicyContext context, Lead lead);
    void OnRequestClosed(PolicyContext context, RequestRecord request);
    void OnPreservationExpiring(PolicyContext context, PreservationRecord preservation);
    void OnDeadlineAtRisk(PolicyContext context, RequestRecord request);
    void OnRetentionAtRisk(PolicyContext context, EvidenceState evidence);
    /// <summary>The incident's threat has ended or been found unfounded (docs/safeguards.md, oversight of emergencies).</summary>
    void OnThreatEnded(PolicyContext context, Incident incident) { }
    /// <summary>A use of an item beyond its purpose is wanted (a scenario's <c>uses</c>): ask the giving state's consent, use it, or leave it.</summary>
    void OnUseWanted(PolicyContext context, WantedUse use) { }
    /// <summary>The giving state answered a request for consent to another use.</summary>
    void OnUseConsentAnswered(PolicyContext context, ConsentRecord consent) { }
    /// <summary>The addressee of an order let its deadline pass without answering (REG Art. 16(1)): ask for enforcement, or wait.</summary>
    void OnOrderInDefault(PolicyContext context, RequestRecord request) { }
    /// <summary>An order produced data: tell the person whose data they are, or record why telling them is delayed (REG Art. 13).</summary>
    void OnPersonToBeInformed(PolicyContext context, RequestRecord request) { }
}
