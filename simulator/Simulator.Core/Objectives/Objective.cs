namespace Simulator.Core.Objectives;

public enum MeasureKind
{
    /// <summary>A preservation request covering <c>Evidence</c> was sent before <c>By</c>.</summary>
    PreservationRequested,
    /// <summary><c>Evidence</c> was preserved (frozen at the holder) before <c>By</c>.</summary>
    EvidencePreserved,
    /// <summary><c>Evidence</c> reached the requesting state, with custody, before <c>By</c>.</summary>
    EvidenceSecured,
    /// <summary>A request with <c>Instrument</c> was sent before <c>By</c>.</summary>
    InstrumentUsed,
    /// <summary>No evidence of the incident was lost to retention.</summary>
    NoEvidenceLost,
    /// <summary>A seat answered <c>Inject</c> (a status report, a press line, a decision) before <c>By</c>.</summary>
    InjectAnswered,
    /// <summary>No request for the incident's evidence asked beyond what its facts support (docs/safeguards.md).</summary>
    NoOverBroadRequest,
    /// <summary>The trial at the end admitted every secured item of the incident, none open to challenge or excluded.</summary>
    NoEvidenceExcluded,
    /// <summary>No item of the incident was used beyond its purpose without the consent its giving state's terms require (docs/safeguards.md).</summary>
    PurposeRespected,
}

/// <summary>A measure taken automatically from the journal. <see cref="By"/> is relative to the exercise start.</summary>
public sealed record Measure(MeasureKind Kind, string? Evidence, string? Instrument, string? Incident, TimeSpan? By, string? Inject = null);

/// <summary>
/// An exercise objective in the form of an Exercise Evaluation Guide (HSEEP): the capability it tests,
/// the critical task, and the measure that rates it.
/// </summary>
public sealed record Objective(string Id, string Capability, string Task, Measure Measure);
