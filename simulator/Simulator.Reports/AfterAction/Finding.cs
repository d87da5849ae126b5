namespace Simulator.Reports.AfterAction;

/// <summary>
/// A strength or an area for improvement (HSEEP AAR), with the journal events that show it. <see cref="Kind"/> says
/// what was observed (<see cref="FindingKinds"/>); <see cref="Cause"/> narrows it (for a loss: where the effort stood,
/// for a refusal: the kind of ground) and is the key of its corrective action in <see cref="CorrectiveActionTable"/>.
/// </summary>
public sealed record Finding(
    string Id,
    string Kind,
    string? Cause,
    string Capability,
    string Title,
    IReadOnlyList<string> Details,
    IReadOnlyList<EventReference> Events,
    string? CorrectiveAction = null);

public static class FindingKinds
{
    // Strengths
    public const string ObjectiveMet = "objective-met";
    public const string PreservedInTime = "preserved-in-time";
    public const string EvidenceSecuredQuickly = "evidence-secured-quickly";
    public const string EmergencyAnswered = "emergency-answered";
    public const string ConsequenceAverted = "consequence-averted";
    public const string ExpectedActionTaken = "expected-action-taken";

    // Areas for improvement
    public const string ObjectiveNotMet = "objective-not-met";
    public const string EvidenceLost = "evidence-lost";
    public const string RequestRefused = "request-refused";
    public const string DeadlineAtRisk = "deadline-at-risk";
    public const string ReviewUnsupported = "review-unsupported";
    public const string RequestOverBroad = "request-over-broad";
    public const string EvidenceNotAdmitted = "evidence-not-admitted";
    public const string ExpectedActionNotTaken = "expected-action-not-taken";
    public const string ConsequenceInject = "consequence-inject";
}
