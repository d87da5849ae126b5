using Simulator.Core.Decisions;
using Simulator.Grains.Access;

namespace Simulator.Grains.Storage;

/// <summary>
/// An exercise as stored: what it was created from (the scenario's and the catalogue's text, and the engine's rules
/// version: null for exercises created before they were pinned), where its clock stood, and how many trainees may
/// share one seat (null: the server's default). Its codes and keys are stored apart, hashed (<see cref="StoredCode"/>).
/// </summary>
public sealed record StoredExercise(
    string Id,
    string Scenario,
    string ScenarioText,
    long Seed,
    string Policy,
    DateTimeOffset SimulatedNow,
    bool Running,
    double Speed,
    string? CatalogueText = null,
    string? RulesVersion = null,
    int? TraineesPerSeat = null,
    string? Organiser = null);

/// <summary>
/// An organiser's account: their name, their password as a salted, slow hash (never the password), and when they
/// last signed out (a sign-in given before then is ended, on every browser).
/// </summary>
public sealed record StoredOrganiser(string Name, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset? SignedOutAt = null);

/// <summary>An organiser of that name exists already.</summary>
public sealed class DuplicateOrganiserException(string name) : Exception($"there is already an organiser '{name}'");

/// <summary>One of an organiser's exercises, as listed to them.</summary>
public sealed record OrganisedExercise(string Id, string Scenario, DateTimeOffset SimulatedNow, bool Running);

/// <summary>
/// One line of the audit log (docs/security.md): when (real time), what (sign-in, sign-in-refused, exercise-created,
/// code-reissued, tokens-revoked, trainer-key-reissued, organiser-added), by which organiser, in which exercise, from
/// which address, and a short detail. Never a secret.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Kind, string? Organiser = null, string? ExerciseId = null, string? Address = null, string? Detail = null);

/// <summary>
/// A join code or key as stored, only as its keyed hash (<see cref="SecretHasher"/>), and what it opens: a seat
/// ("STATE/role"), the trainer ("trainer"), the observers ("observer") or the evaluator ("evaluator").
/// </summary>
public sealed record StoredCode(CredentialHash Hash, string ExerciseId, string Seat);

/// <summary>
/// A token given to one person who joined with a code, as stored (its keyed hash): what it opens, under which name,
/// and until when; a revoked token opens nothing. <see cref="Id"/> is public, for the trainer to name it by.
/// </summary>
public sealed record StoredToken(CredentialHash Hash, string Id, string ExerciseId, string Seat, string? Name,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt = null)
{
    public bool OpensAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

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
    Task<StoredCode?> FindCodeAsync(CredentialHash hash, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StoredCode>> CodesAsync(string exerciseId, CancellationToken cancellationToken = default);
    /// <summary>Gives <paramref name="code"/>'s seat this code in place of the one it had (a reissue; also the evaluator's first, for exercises made before there was one).</summary>
    Task ReplaceCodeAsync(StoredCode code, CancellationToken cancellationToken = default);
    Task AddTokenAsync(StoredToken token, CancellationToken cancellationToken = default);
    Task<StoredToken?> FindTokenAsync(CredentialHash hash, CancellationToken cancellationToken = default);
    /// <summary>The exercise's tokens, in the order they were issued.</summary>
    Task<IReadOnlyList<StoredToken>> TokensAsync(string exerciseId, CancellationToken cancellationToken = default);
    /// <summary>Marks tokens revoked at <paramref name="at"/> (those not revoked before); returns how many were.</summary>
    Task<int> RevokeTokensAsync(string exerciseId, IReadOnlyList<string> tokenIds, DateTimeOffset at, CancellationToken cancellationToken = default);
    /// <summary>Forgets the exercise's tokens that stopped opening it before <paramref name="before"/>, so that joining and leaving do not grow the store.</summary>
    Task PruneTokensAsync(string exerciseId, DateTimeOffset before, CancellationToken cancellationToken = default);
    Task SetTraineesPerSeatAsync(string exerciseId, int traineesPerSeat, CancellationToken cancellationToken = default);
    /// <summary>Stores a decision after those before it; refuses (<see cref="DuplicateDecisionException"/>) an id the exercise already holds.</summary>
    Task AppendDecisionAsync(string exerciseId, RecordedDecision decision, CancellationToken cancellationToken = default);
    /// <summary>The exercise's decisions in order, whichever version stored them (<see cref="DecisionCodec"/>).</summary>
    Task<IReadOnlyList<RecordedDecision>> DecisionsAsync(string exerciseId, CancellationToken cancellationToken = default);
    Task SaveClockAsync(string exerciseId, DateTimeOffset simulatedNow, bool running, double speed, CancellationToken cancellationToken = default);
    /// <summary>Pins, for an exercise created before they were pinned, the catalogue and rules it goes on under.</summary>
    Task PinAsync(string exerciseId, string catalogueText, string rulesVersion, CancellationToken cancellationToken = default);
    /// <summary>The stored exercises' ids, or only those whose clock was running when last stored.</summary>
    Task<IReadOnlyList<string>> ExerciseIdsAsync(bool runningOnly = false, CancellationToken cancellationToken = default);
    /// <summary>Adds an organiser; refuses (<see cref="DuplicateOrganiserException"/>) a name taken, or (with <paramref name="replace"/>) sets a new password for it.</summary>
    Task AddOrganiserAsync(StoredOrganiser organiser, bool replace = false, CancellationToken cancellationToken = default);
    Task<StoredOrganiser?> FindOrganiserAsync(string name, CancellationToken cancellationToken = default);
    /// <summary>Removes an organiser's account (their exercises stay, listed to nobody); false when there was none.</summary>
    Task<bool> RemoveOrganiserAsync(string name, CancellationToken cancellationToken = default);
    /// <summary>The organiser signed out at <paramref name="at"/>: every sign-in of theirs given before ends.</summary>
    Task SignOutOrganiserAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default);
    /// <summary>The exercises <paramref name="organiser"/> created, newest first.</summary>
    Task<IReadOnlyList<OrganisedExercise>> ExercisesOfAsync(string organiser, CancellationToken cancellationToken = default);
    Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);
    /// <summary>The audit log, oldest first: all of it, or what concerns one organiser (their sign-ins and their exercises).</summary>
    Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string? organiser = null, int max = 1000, CancellationToken cancellationToken = default);
    /// <summary>Counts one more activation of the exercise's grain and returns the count: it orders the activations as writers of the entity states.</summary>
    Task<long> CountActivationAsync(string exerciseId, CancellationToken cancellationToken = default);
}
