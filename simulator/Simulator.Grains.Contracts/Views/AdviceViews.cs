namespace Simulator.Grains.Contracts;

/// <summary>
/// One instrument as the advisor shows it to a seat for some evidence: whether it applies, whether this seat's role
/// may issue it, its deadline with source, and each condition met or missing (docs/hub.md "Advise"); <see cref="Urgent"/>:
/// for an instrument with urgent handling (Budapest Art. 31(3)), whether this evidence may be asked for urgently.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InstrumentAdviceView(
    [property: Id(0)] string Instrument,
    [property: Id(1)] string Name,
    [property: Id(2)] string LegalBasis,
    [property: Id(3)] string Summary,
    [property: Id(4)] string Purpose,
    [property: Id(5)] bool Applicable,
    [property: Id(6)] bool MayIssue,
    [property: Id(7)] IReadOnlyList<string> Issuers,
    [property: Id(8)] string? RequestedState,
    [property: Id(9)] string? Deadline,
    [property: Id(10)] string? DeadlineSource,
    [property: Id(11)] bool? DeadlineUnsure,
    [property: Id(12)] bool SupportsEmergency,
    [property: Id(13)] IReadOnlyList<ConditionView> Conditions,
    [property: Id(14)] IReadOnlyList<string> Problems,
    [property: Id(15)] IReadOnlyList<string> RefusalRisks,
    [property: Id(16)] ConditionView? Urgent = null,
    [property: Id(17)] string? Validation = null);

/// <summary>A drafted request checked as sending it would check it, without sending it.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestCheck(
    [property: Id(0)] bool CanSend,
    [property: Id(1)] string? RequestedState,
    [property: Id(2)] string? Provider,
    [property: Id(3)] IReadOnlyList<string> Problems,
    [property: Id(4)] IReadOnlyList<ConditionView> Conditions,
    [property: Id(5)] IReadOnlyList<string> RefusalRisks,
    [property: Id(6)] ScopeView? Scope = null);

/// <summary>A condition of an instrument: met or not, its source, and why not.</summary>
[GenerateSerializer, Immutable]
public sealed record ConditionView([property: Id(0)] string Condition, [property: Id(1)] bool Met, [property: Id(2)] string Source, [property: Id(3)] string? Why);
