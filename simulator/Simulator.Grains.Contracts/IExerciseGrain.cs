using Orleans.Concurrency;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;

namespace Simulator.Grains.Contracts;

/// <summary>
/// One live exercise: its scenario, seats, clock and journal. Keyed by exercise id. Every method takes the
/// caller's credential (trainer key, seat code or observer code) and checks what it may do; a refusal changes
/// nothing.
/// </summary>
public interface IExerciseGrain : IGrainWithStringKey
{
    Task<ExerciseCreated> Create(CreateExercise request, string scenarioText);
    Task<Identity> Identify(string credential);
    /// <summary>
    /// Gives the person who joins with <paramref name="code"/> (a seat's, the observers', the evaluator's or the trainer's
    /// key) a token of their own, under <paramref name="name"/>; refused when the seat already has as many people as the
    /// trainer allows. The token opens what the code opens.
    /// </summary>
    Task<SeatToken> Admit(string code, string? name);
    /// <summary>Gives the organiser who created the exercise, by their sign-in, a trainer's token (under <paramref name="name"/>, else their own); refused to anyone else as if there were no such exercise.</summary>
    Task<SeatToken> AdmitOrganiser(string organiser, string? name);
    /// <summary>The holder of a token leaves: the token opens nothing any more. A code is left as it is.</summary>
    Task Leave(string credential);
    /// <summary>Which codes the exercise has (trainer), but the trainer's key: the seats, observer, evaluator they open (the codes are kept only hashed).</summary>
    Task<IReadOnlyList<string>> Codes(string credential);
    /// <summary>The exercise's tokens (trainer).</summary>
    Task<TokenList> Tokens(string credential);
    /// <summary>Revokes tokens by id (trainer); the consoles holding them are told and disconnected. Returns how many were open.</summary>
    Task<int> RevokeTokens(string credential, IReadOnlyList<string> tokenIds);
    /// <summary>A new code for a seat, the observers, the evaluator or the trainer (trainer): the old one stops opening the exercise; tokens given with it stay until revoked.</summary>
    Task<SeatCode> ReissueCode(string credential, string seat);
    /// <summary>
    /// A new trainer key, for the organiser who created the exercise (a trainer who lost theirs): the old key stops
    /// opening it and every trainer's token ends. Refused to anyone else, as if there were no such exercise.
    /// </summary>
    Task<SeatCode> ReissueTrainerKey(string organiser);
    /// <summary>How many trainees may hold tokens for one seat at once (trainer), 1 to 1000.</summary>
    Task<TokenList> SetTraineesPerSeat(string credential, int traineesPerSeat);
    Task<ExerciseView> View(string credential);
    /// <summary>A seat's view as that seat sees it, for the trainer and the evaluator (read only: the identity stays theirs).</summary>
    Task<ExerciseView> ViewAs(string credential, string seat);
    /// <summary>
    /// Takes a decision: a seat's, for that seat only (its actor must be the caller's seat), or the trainer's. It is
    /// applied, stored and only then answered; a refusal changes nothing. <paramref name="decisionId"/> is given once
    /// per decision by whoever takes it: the same id again (a retried call) answers what the first call did, without
    /// taking the decision twice.
    /// </summary>
    Task<DecisionResult> Decide(string credential, string decisionId, Decision decision);
    /// <summary>The instrument advisor for a seat: every instrument for this evidence, best first, conditions met or missing.</summary>
    Task<IReadOnlyList<InstrumentAdviceView>> Advise(string credential, IReadOnlyList<string> evidence, bool emergency);
    /// <summary>Checks a request as sending it would, without sending it.</summary>
    Task<RequestCheck> CheckRequest(string credential, SendRequest draft);
    Task<ClockState> Control(string credential, ClockControl control);
    Task<IReadOnlyList<LiveEvent>> Journal(string credential, long afterSequence, int max);
    Task<string> JournalText();
    Task<SimulationOutcome> Outcome();
    /// <summary>
    /// The exercise record for replay (`simulator replay`): scenario, seed, seats, decisions and journal. Trainer only.
    /// It is a document, like <see cref="JournalText"/>: its text is what is downloaded and checked, so it crosses as text.
    /// </summary>
    Task<string> RecordJson(string credential);
    Task<ClockState> Clock();
    /// <summary>
    /// Records one entity's current state in its grain now, for an entity grain that finds it has none (entity
    /// states are otherwise recorded in the background shortly after each step). Kind: jurisdiction, provider or
    /// investigation. False when the exercise has no such entity.
    /// </summary>
    Task<bool> RecordEntity(string kind, string id);
    /// <summary>Returns once the entity states of every step so far are recorded in their grains (for tests and tools).</summary>
    Task RecordEntities();
    /// <summary>
    /// A web server's observer receives this exercise's events; <paramref name="audiences"/> are those it has consoles
    /// for (trainer, observers, seat:XX/role), the only ones whose views are computed. Renewed, with the audiences of the
    /// moment, while it follows the exercise (subscriptions expire after five minutes).
    /// </summary>
    Task Subscribe(IExerciseObserver observer, IReadOnlyList<string> audiences);
    Task Unsubscribe(IExerciseObserver observer);
}

/// <summary>
/// Receives an exercise's events as they happen. Implemented once per web server, which forwards each event to
/// the SignalR groups of its audience; grains never hold a hub.
/// </summary>
public interface IExerciseObserver : IGrainObserver
{
    [OneWay]
    Task OnEvents(string exerciseId, IReadOnlyList<LiveEvent> events, ClockState clock);

    /// <summary>
    /// Tokens that open nothing any more: revoked by the trainer, left, or (<paramref name="expired"/>) past their time.
    /// The consoles holding them are told and disconnected; one whose token expired joins again with its code.
    /// </summary>
    [OneWay]
    Task OnAccessEnded(string exerciseId, IReadOnlyList<string> tokenIds, bool expired);

    /// <summary>
    /// The views of the audiences that heard of events since the last views (audience → its view, docs/hub.md
    /// "Views"), as they stand after journal event <paramref name="lastSequence"/>: consoles apply them instead of asking again.
    /// </summary>
    [OneWay]
    Task OnViews(string exerciseId, IReadOnlyDictionary<string, ConsoleView> views, ClockState clock, long lastSequence);

    /// <summary>The entity grains hold new states: the audiences that may see the entities that changed.</summary>
    [OneWay]
    Task OnEntitiesRecorded(string exerciseId, IReadOnlyList<string> audiences);
}
