namespace Simulator.Core.Engine;

public enum EvidenceStatus
{
    /// <summary>At the holder, inside its retention window, not frozen.</summary>
    Available,
    /// <summary>Frozen at the holder by a preservation.</summary>
    Preserved,
    /// <summary>Copied by the holder for production; on its way.</summary>
    Produced,
    /// <summary>Received by the requesting state, with custody.</summary>
    Secured,
    /// <summary>Gone: deleted by the holder's retention or a purge before anyone froze or copied it.</summary>
    Lost,
}
