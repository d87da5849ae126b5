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
}
