using Simulator.Core.Custody;
using Simulator.Core.World;

namespace Simulator.Core.Engine;

/// <summary>What has happened to one evidence item so far in a run.</summary>
public sealed class EvidenceState(EvidenceItem item)
{
    public EvidenceItem Item { get; } = item;
    public EvidenceStatus Status { get; set; } = EvidenceStatus.Available;
    public bool Created { get; set; }
    public bool Discovered { get; set; }
    public CustodyChain Custody { get; } = new(item.Id);
    public List<PreservationRecord> Preservations { get; } = [];
    public DateTimeOffset? FirstPreservedAt { get; set; }
    public DateTimeOffset? SecuredAt { get; set; }
    public string? SecuredBy { get; set; }
    public DateTimeOffset? LostAt { get; set; }
    public string? LostReason { get; set; }
    public string? LostStage { get; set; }
    public bool NothingFound { get; set; }
    public bool RetentionWarned { get; set; }

    public bool IsHeld => Preservations.Any(p => p.Lifecycle.Holds);
    public bool IsCopied => Status is EvidenceStatus.Produced or EvidenceStatus.Secured;
    public bool IsGone => Status == EvidenceStatus.Lost;
}
