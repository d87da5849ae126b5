namespace Simulator.Grains.Contracts;

// Immutable messages between the web host and the grains. Field meanings for hub clients: docs/hub.md.

/// <summary>
/// What a trainer asks for: a shipped scenario, a seed, the policy that plays unseated states, the clock speed, and
/// which seats people will take (all the scenario's seats when empty); and the organiser who creates it, when the
/// server has organisers sign in (null when it does not).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CreateExercise(
    [property: Id(0)] string Scenario,
    [property: Id(1)] long Seed,
    [property: Id(2)] string Policy,
    [property: Id(3)] double Speed,
    [property: Id(4)] IReadOnlyList<string> Seats,
    [property: Id(5)] string? Organiser = null);

/// <summary>A seat's code (or the observers', the evaluator's, the trainer's key), as made: codes are kept only hashed, so this is the one time it is seen.</summary>
[GenerateSerializer, Immutable]
public sealed record SeatCode([property: Id(0)] string Seat, [property: Id(1)] string Code);

/// <summary>
/// What one person who joined with a code holds from then on: a token of their own (130 bits), which the console keeps
/// and rejoins with, until it expires, they leave, or the trainer revokes it. <see cref="Id"/> names it publicly.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeatToken([property: Id(0)] string Token, [property: Id(1)] string Id, [property: Id(2)] DateTimeOffset ExpiresAt);

/// <summary>One token as the trainer sees it (never the token itself): whose, under which name, since and until when, and whether it was revoked.</summary>
[GenerateSerializer, Immutable]
public sealed record TokenLine(
    [property: Id(0)] string Id,
    [property: Id(1)] string Seat,
    [property: Id(2)] string? Name,
    [property: Id(3)] DateTimeOffset IssuedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] DateTimeOffset? RevokedAt,
    [property: Id(6)] bool Open);

/// <summary>Who holds the exercise's tokens, and how many trainees may share one seat.</summary>
[GenerateSerializer, Immutable]
public sealed record TokenList([property: Id(0)] int TraineesPerSeat, [property: Id(1)] IReadOnlyList<TokenLine> Tokens);

/// <summary>The keys a trainer receives: theirs, one per seat, and one for observers.</summary>
[GenerateSerializer, Immutable]
public sealed record ExerciseCreated(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] string TrainerKey,
    [property: Id(2)] string ObserverCode,
    [property: Id(3)] IReadOnlyList<SeatCode> Seats,
    [property: Id(4)] string? EvaluatorCode = null);

/// <summary>What a credential makes its holder in an exercise (written trainer, seat and observer).</summary>
[GenerateSerializer]
public enum IdentityRole { Trainer, Seat, Observer, Evaluator }

/// <summary>
/// Who holds a credential: the trainer, a seat (<see cref="Seat"/> is then "STATE/role") or an observer. The one
/// identity model of every grain method, hub method and REST endpoint (Exercises/Identities.cs finds it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Identity([property: Id(0)] string ExerciseId, [property: Id(1)] IdentityRole Role, [property: Id(2)] string? Seat)
{
    // Read by the server only: hub clients get {exerciseId, role, seat} as before.
    [System.Text.Json.Serialization.JsonIgnore] public bool IsTrainer => Role == IdentityRole.Trainer;
    [System.Text.Json.Serialization.JsonIgnore] public bool IsObserver => Role == IdentityRole.Observer;
    [System.Text.Json.Serialization.JsonIgnore] public bool IsSeat => Role == IdentityRole.Seat;
    [System.Text.Json.Serialization.JsonIgnore] public bool IsEvaluator => Role == IdentityRole.Evaluator;
    /// <summary>The trainer, the evaluator and observers, who see the whole exercise.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool Oversees => Role is IdentityRole.Trainer or IdentityRole.Observer or IdentityRole.Evaluator;
    /// <summary>The seat as a value (state and role), for a seat's identity only.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Simulator.Core.Common.Seat SeatValue => IsSeat ? Simulator.Core.Common.Seat.Parse(Seat!) : throw new InvalidOperationException($"{Role} holds no seat");
}

/// <summary>A trainer's clock control. Kind: start, pause, resume, speed (speed), jump-to (to), jump-next.</summary>
[GenerateSerializer, Immutable]
public sealed record ClockControl([property: Id(0)] string Kind, [property: Id(1)] double? Speed = null, [property: Id(2)] DateTimeOffset? To = null);

/// <summary>The simulated clock: now, whether it runs, simulated seconds per real second, the exercise span, and the next scheduled event.</summary>
[GenerateSerializer, Immutable]
public sealed record ClockState(
    [property: Id(0)] DateTimeOffset Now,
    [property: Id(1)] bool Running,
    [property: Id(2)] double Speed,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] DateTimeOffset End,
    [property: Id(5)] DateTimeOffset? NextEventAt,
    [property: Id(6)] bool Ended);

/// <summary>A journal event as pushed live: its sequence, simulated time, type and data (JSON text, sent to clients as an object), and the audience that may see it.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Type,
    [property: Id(3), System.Text.Json.Serialization.JsonConverter(typeof(EmbeddedJson))] string Data,
    [property: Id(4)] IReadOnlyList<string> Audience);

/// <summary>
/// What one credential may see now (documented in docs/hub.md), with the clock; and, when the exercise no
/// longer rebuilds to what was stored (a later rules change), from where and why, in <c>Divergence</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExerciseView([property: Id(0)] Identity Identity, [property: Id(1)] ClockState Clock, [property: Id(2)] ConsoleView View, [property: Id(3)] long LastSequence,
    [property: Id(4)] string? Divergence = null, [property: Id(5)] SeatToken? Token = null);
