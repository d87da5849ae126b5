namespace Simulator.Core.Engine;

/// <summary>What the issuing state's court decided on an addressee's objection under REG Art. 17.</summary>
public enum CourtDecision
{
    /// <summary>No conflict, or the issuing state's interest prevails: the addressee executes the order.</summary>
    Upheld,
    /// <summary>The third country's interest prevails: the order is refused.</summary>
    Lifted,
    /// <summary>Lifted as to the data the third country's law bars; for the rest no conflict exists and the order stands.</summary>
    LiftedInPart,
}
