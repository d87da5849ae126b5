using System.Text.Json.Serialization;

namespace Simulator.Core.Decisions;

/// <summary>
/// One thing a person (or a policy playing a seat) decides in an exercise: the one type that the hub builds, the
/// exercise grain checks and applies, the store and the exercise record keep, and replay applies again. A seat's
/// decisions are taken by <see cref="Actor"/> "STATE/role"; the trainer's by <see cref="Trainer"/>. The kebab-case
/// name in <c>type</c> is the decision's one name outside C#: in the store, the record and docs/hub.md.
/// A new kind of decision is one record here, one case in <c>Simulation.Decide</c>, one hub method (docs/architecture.md).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendRequest), "send-request")]
[JsonDerivedType(typeof(AnswerRequest), "answer-request")]
[JsonDerivedType(typeof(ProvideClarification), "clarify")]
[JsonDerivedType(typeof(ValidateRequest), "validate-request")]
[JsonDerivedType(typeof(ReviewConflict), "review-conflict")]
[JsonDerivedType(typeof(ReviewNotification), "review-notification")]
[JsonDerivedType(typeof(ExtendPreservation), "extend-preservation")]
[JsonDerivedType(typeof(EscalateRequest), "escalate")]
[JsonDerivedType(typeof(WithdrawRequest), "withdraw")]
[JsonDerivedType(typeof(SendMessage), "send-message")]
[JsonDerivedType(typeof(Refer), "refer")]
[JsonDerivedType(typeof(RespondToInject), "respond-to-inject")]
[JsonDerivedType(typeof(FireInject), "fire-inject")]
[JsonDerivedType(typeof(EditInject), "edit-inject")]
[JsonDerivedType(typeof(EndExercise), "end-exercise")]
[JsonDerivedType(typeof(AddInject), "add-inject")]
[JsonDerivedType(typeof(HandSeatToEngine), "hand-seat-to-engine")]
[JsonDerivedType(typeof(GiveSeatBack), "give-seat-back")]
[JsonDerivedType(typeof(SendMessageAs), "send-message-as")]
[JsonDerivedType(typeof(RateTask), "rate-task")]
[JsonDerivedType(typeof(RecordObservation), "record-observation")]
[JsonDerivedType(typeof(HotWash), "hot-wash")]
[JsonDerivedType(typeof(UseEvidence), "use-evidence")]
[JsonDerivedType(typeof(AskUseConsent), "ask-use-consent")]
[JsonDerivedType(typeof(EnforceOrder), "enforce-order")]
[JsonDerivedType(typeof(InformPerson), "inform-person")]
[JsonDerivedType(typeof(AnswerUseConsent), "answer-use-consent")]
public abstract record Decision(string Actor)
{
    /// <summary>The actor of the trainer's decisions (the exercise controller), which no seat can be.</summary>
    public const string Trainer = "trainer";

    /// <summary>The actor of the evaluator's decisions, which no seat can be.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>The decision in a few words, for timelines and logs.</summary>
    public abstract string Describe();
}

/// <summary>The result of a decision: accepted (and, live, durable) or refused with the reason; a refusal changes nothing.</summary>
public sealed record DecisionResult(bool Accepted, string Message, string? Request = null)
{
    public static DecisionResult Rejected(string message) => new(false, message);
}
