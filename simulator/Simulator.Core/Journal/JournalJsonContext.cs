using System.Text.Json.Serialization;

namespace Simulator.Core.Journal;

/// <summary>
/// Source-generated serializers for the journal events: writing the journal is the hot path of a headless run,
/// and reflection-based serialization was most of its cost. Names follow <see cref="JournalJson"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExerciseStarted))]
[JsonSerializable(typeof(ExerciseEnded))]
[JsonSerializable(typeof(IncidentStarted))]
[JsonSerializable(typeof(EvidenceCreated))]
[JsonSerializable(typeof(LeadDiscovered))]
[JsonSerializable(typeof(InjectDelivered))]
[JsonSerializable(typeof(InjectSkipped))]
[JsonSerializable(typeof(DecisionTaken))]
[JsonSerializable(typeof(RequestDrafted))]
[JsonSerializable(typeof(RequestStateChanged))]
[JsonSerializable(typeof(RequestRefused))]
[JsonSerializable(typeof(ClarificationRequested))]
[JsonSerializable(typeof(EnforcingStateNotified))]
[JsonSerializable(typeof(DataUseObjected))]
[JsonSerializable(typeof(ConflictingObligationRaised))]
[JsonSerializable(typeof(ConflictingObligationReviewed))]
[JsonSerializable(typeof(RetentionAtRisk))]
[JsonSerializable(typeof(DeadlineAtRisk))]
[JsonSerializable(typeof(RequestEscalated))]
[JsonSerializable(typeof(PreservationStateChanged))]
[JsonSerializable(typeof(PreservationExpiring))]
[JsonSerializable(typeof(EvidenceLost))]
[JsonSerializable(typeof(PathDisclosed))]
[JsonSerializable(typeof(EvidenceProduced))]
[JsonSerializable(typeof(CustodyRecorded))]
[JsonSerializable(typeof(EvidenceDelivered))]
[JsonSerializable(typeof(ObjectiveRated))]
[JsonSerializable(typeof(InjectEdited))]
[JsonSerializable(typeof(InjectAdded))]
[JsonSerializable(typeof(SeatHandedToEngine))]
[JsonSerializable(typeof(SeatTakenBack))]
[JsonSerializable(typeof(PolicyTookOver))]
[JsonSerializable(typeof(MessageSent))]
[JsonSerializable(typeof(MessageDelivered))]
[JsonSerializable(typeof(Referred))]
[JsonSerializable(typeof(InjectAnswered))]
[JsonSerializable(typeof(TaskRated))]
[JsonSerializable(typeof(ObservationRecorded))]
[JsonSerializable(typeof(HotWashRecorded))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
