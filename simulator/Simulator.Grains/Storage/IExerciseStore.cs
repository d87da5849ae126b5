namespace Simulator.Grains.Storage;

/// <summary>An exercise as stored: what it was created from, its keys, and where its clock stood.</summary>
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
    double Speed);

/// <summary>A join code and what it opens: a seat ("STATE/role") or the observers' view ("observer").</summary>
public sealed record StoredCode(string Code, string ExerciseId, string Seat);

/// <summary>One decision as it was applied: at which simulated time, of which kind, and its JSON.</summary>
public sealed record StoredCommand(long Sequence, DateTimeOffset At, string Kind, string Payload);

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
    Task AppendCommandAsync(string exerciseId, StoredCommand command, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredCommand>> CommandsAsync(string exerciseId, CancellationToken cancellationToken = default);
    Task SaveClockAsync(string exerciseId, DateTimeOffset simulatedNow, bool running, double speed, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<string>> ExerciseIdsAsync(CancellationToken cancellationToken = default);
    /// <summary>Counts one more activation of the exercise's grain and returns the count: it orders the activations as writers of the entity states.</summary>
    Task<long> CountActivationAsync(string exerciseId, CancellationToken cancellationToken = default);
}
