using Simulator.Core.Decisions;

namespace Simulator.Grains.Storage;

/// <summary>
/// An exercise as stored: what it was created from (the scenario's and the catalogue's text, and the engine's rules
/// version: null for exercises created before they were pinned), its keys, and where its clock stood.
/// </summary>
public sealed record StoredExercise(
    string Id,
    string Scenario,
    string ScenarioText,
    long Seed,
    string Policy,
    string TrainerKey,
    string ObserverCode,
    DateTimeOffset SimulatedNow,
    bool Running,
    double Speed,
    string? CatalogueText = null,
    string? RulesVersion = null);

/// <summary>A join code and what it opens: a seat ("STATE/role") or the observers' view ("observer").</summary>
public sealed record StoredCode(string Code, string ExerciseId, string Seat);

/// <summary>A decision the store already holds under this id: the same decision, taken twice (a retried call).</summary>
public sealed class DuplicateDecisionException(string exerciseId, string decisionId)
    : Exception($"exercise {exerciseId} already holds decision '{decisionId}'");

/// <summary>
/// The one small interface live exercises persist through. An exercise is its creation record plus the ordered
/// decisions applied to it (the core is deterministic, so replaying them rebuilds every state and the journal),
/// plus where its clock stood. Every write returns only once it is durable: callers acknowledge after it.
/// SQLite is the embedded default; cluster mode adds another implementation.
/// </summary>
public interface IExerciseStore
{
    Task CreateAsync(StoredExercise exercise, IReadOnlyList<StoredCode> codes, CancellationToken cancellationToken = default);
    Task<StoredExercise?> GetAsync(string exerciseId, CancellationToken cancellationToken = default);
    Task<StoredCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredCode>> CodesAsync(string exerciseId, CancellationToken cancellationToken = default);
    /// <summary>Adds a code to an existing exercise (the evaluator's, for exercises made before there was one).</summary>
    Task AddCodeAsync(StoredCode code, CancellationToken cancellationToken = default);
    /// <summary>Stores a decision after those before it; refuses (<see cref="DuplicateDecisionException"/>) an id the exercise already holds.</summary>
    Task AppendDecisionAsync(string exerciseId, RecordedDecision decision, CancellationToken cancellationToken = default);
    /// <summary>The exercise's decisions in order, whichever version stored them (<see cref="DecisionCodec"/>).</summary>
    Task<IReadOnlyList<RecordedDecision>> DecisionsAsync(string exerciseId, CancellationToken cancellationToken = default);
    Task SaveClockAsync(string exerciseId, DateTimeOffset simulatedNow, bool running, double speed, CancellationToken cancellationToken = default);
    /// <summary>Pins, for an exercise created before they were pinned, the catalogue and rules it goes on under.</summary>
    Task PinAsync(string exerciseId, string catalogueText, string rulesVersion, CancellationToken cancellationToken = default);
    /// <summary>The stored exercises' ids, or only those whose clock was running when last stored.</summary>
    Task<IReadOnlyList<string>> ExerciseIdsAsync(bool runningOnly = false, CancellationToken cancellationToken = default);
    /// <summary>Counts one more activation of the exercise's grain and returns the count: it orders the activations as writers of the entity states.</summary>
    Task<long> CountActivationAsync(string exerciseId, CancellationToken cancellationToken = default);
}
