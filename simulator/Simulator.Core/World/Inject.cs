namespace Simulator.Core.World;

public enum InjectConditionKind
{
    /// <summary>Fires only if no preservation or production request has reached <c>Provider</c> yet.</summary>
    NoRequestReachedProvider,
    /// <summary>Fires only if <c>Evidence</c> is not preserved or secured yet.</summary>
    EvidenceNotSecured,
    /// <summary>Fires only if <c>Evidence</c> has been secured.</summary>
    EvidenceSecured,
}

public sealed record InjectCondition(InjectConditionKind Kind, string? Provider, string? Evidence);

/// <summary>What an inject does to the world besides informing its recipients.</summary>
public sealed record InjectEffects(IReadOnlyList<string> RevealsLeads, string? PurgeProvider, IReadOnlyList<string> PurgeEvidence);

/// <summary>
/// One row of the MSEL: at a time (and, if conditional, only when its condition holds) a message reaches its
/// recipients, and possibly changes the world. <see cref="ExpectedAction"/> is for the trainer and the debrief.
/// </summary>
public sealed record Inject(
    string Id,
    DateTimeOffset At,
    IReadOnlyList<string> To,
    string Title,
    string Text,
    string? ExpectedAction,
    InjectCondition? Condition,
    InjectEffects Effects);
