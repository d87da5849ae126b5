using System.Text;
using Microsoft.Extensions.Logging;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Policies;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Planning.Replay;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Hosts one live exercise on the pure core: its activation, who may do what, the pipeline of its decisions, and
/// its clock. Its durable state is the exercise record (with the scenario, catalogue and rules it was made with) and
/// the ordered decisions applied to it (in <see cref="IExerciseStore"/>); on activation the core is rebuilt by
/// replaying them (<see cref="DecisionReplay"/>), which the core's determinism makes exact, and each decision's
/// stored journal mark is checked. A decision is acknowledged only after it is stored. Collaborators: the
/// <see cref="LiveFeed"/> pushes events to the consoles, the <see cref="EntityRecorder"/> keeps the entity grains.
/// </summary>
[CollectionAgeLimit(Days = 1)] // stay in memory through a training day: activation replays the whole exercise
public sealed partial class ExerciseGrain(IExerciseStore store, SecretHasher hasher, AccessSettings access, ExerciseWallClock time, ILogger<ExerciseGrain> log)
    : Grain, IExerciseGrain
{
    /// <summary>How long after a step the views of the audiences that heard of it are sent and the entity grains recorded (steps in between are taken together).</summary>
    public static readonly TimeSpan AfterStepDelay = TimeSpan.FromMilliseconds(100);

    private StoredExercise? _record;
    private Simulation? _simulation;
    private LiveFeed? _feed;
    private EntityRecorder? _recorder;
    /// <summary>The timer that sends views and records the entities shortly after a step; armed only while there is work for it, so an idle exercise costs nothing.</summary>
    private IGrainTimer? _afterStep;
    private bool _afterStepArmed;
    private string _catalogueText = "";
    private long _decisions;
    /// <summary>What each decision taken in this exercise answered, by its id: a retried call gets the same answer, and nothing is taken twice.</summary>
    private readonly Dictionary<string, DecisionResult> _taken = new(StringComparer.Ordinal);
    /// <summary>Set when the stored decisions no longer rebuild the journal they left: from where and why. The exercise is then held as it is.</summary>
    private string? _divergence;

    private string Id => this.GetPrimaryKeyString();
    private Simulation Sim => _simulation ?? throw new ExerciseException($"no exercise '{Id}'");
    private LiveFeed Feed => _feed ?? throw new ExerciseException($"no exercise '{Id}'");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = await store.GetAsync(Id, cancellationToken);
        if (_record is not null) await RebuildAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_recorder is { Stopped: false }) await _recorder.InFlight; // leave the entity grains with the last state
    }

    public async Task<ExerciseCreated> Create(CreateExercise request, string scenarioText)
    {
        if (_record is not null) throw new ExerciseException($"exercise {Id} already exists");
        var made = NewExercise.Make(Id, request, scenarioText, hasher);
        await store.CreateAsync(made.Record, made.Codes);
        _record = made.Record;
        await RebuildAsync(CancellationToken.None);
        return made.Created;
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var writer = await store.CountActivationAsync(Id, cancellationToken);
        var (record, codes) = await EarlierExercises.UpgradeAsync(store, _record!, log, cancellationToken);
        _record = record;
        await LoadCredentialsAsync(codes, cancellationToken);
        _catalogueText = record.CatalogueText!;
        var catalogue = CatalogueLoader.Pinning(_catalogueText);
        var built = WorldBuilder.Build(ScenarioLoader.Parse(record.ScenarioText, record.Scenario + ".yaml", catalogue), catalogue, record.Seed);
        var humans = codes.Where(c => c.Seat.Contains('/')).Select(c => c.Seat).ToHashSet();
        var feed = new LiveFeed(Id, log);
        Simulation? simulation = null;
        // Each event's audience is fixed as it is appended, from the exercise as it stands at that moment.
        simulation = new Simulation(built.World, built.Catalogue,
            SimulationOptions.Under(record.RulesVersion ?? RulesVersion.BeforePinning, record.Seed, PolicyCatalogue.Get(record.Policy, record.RulesVersion), humans, e => feed.Appended(e, simulation!)));
        simulation.Start();
        var decisions = await store.DecisionsAsync(Id, cancellationToken);
        var replayed = DecisionReplay.Play(simulation, decisions);
        foreach (var d in replayed.Decisions)
        {
            _taken[d.Recorded.Id] = d.Result;
            if (!d.Result.Accepted) log.LogError("Exercise {Exercise}: stored decision {Sequence} no longer applies: {Message}", Id, d.Recorded.Sequence, d.Result.Message);
        }
        if (replayed.Departure is { } departure)
        {
            _divergence = $"{departure.Describe()}; the exercise was made under rules version {record.RulesVersion}, and this server plays rules version {RulesVersion.Current}. " +
                "It is kept as it was stored and cannot go on here: replay its record under its own rules, or start a new exercise";
            log.LogError("Exercise {Exercise}: {Divergence}", Id, _divergence);
        }
        _decisions = decisions.Count;
        if (record.SimulatedNow > simulation.Now) simulation.RunUntil(record.SimulatedNow);
        // A live clock that reached the horizon finished the exercise; so does its replay.
        if (simulation.Now >= simulation.World.End && !simulation.Ended) simulation.Finish("scenario horizon reached");
        feed.SkipPushed(simulation.Journal.Entries.Count);
        _simulation = simulation;
        _feed = feed;
        _recorder = new EntityRecorder(Id, writer, simulation, GrainFactory, feed.EntitiesRecorded, time, log);
        _afterStep = this.RegisterGrainTimer(AfterStep, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = false });
        ArmAfterStep(); // the entity grains take this activation's states
        StartAccessSweep();
        _savedNow = simulation.Now;
        _savedEntries = simulation.Journal.Entries.Count;
        _speed = record.Speed;
        if (record.Running && _divergence is null) StartClock();
    }

    public Task<Identity> Identify(string credential) => Task.FromResult(Who(credential));

    // ---- Decisions: checked, applied to the core, stored, and only then answered ----

    public async Task<DecisionResult> Decide(string credential, string decisionId, Decision decision)
    {
        var who = Who(credential);
        if (DecisionPermissions.Refusal(who, decision) is { } refused) return DecisionResult.Rejected(refused);
        if (string.IsNullOrWhiteSpace(decisionId) || decisionId.Length > 100)
            throw new ExerciseException("decisionId: give each decision an id of 1 to 100 characters, the same when a call is retried");
        if (_taken.TryGetValue(decisionId, out var earlier)) return earlier; // the same decision, retried: taken once
        if (_divergence is not null) return DecisionResult.Rejected(_divergence);
        // The trainer's decisions, the evaluator's and the hot wash go on after the end; nobody acts in the exercise any more.
        if (decision is not (TrainerDecision or EvaluatorDecision or HotWash) && Sim.Ended) return DecisionResult.Rejected("the exercise has ended");
        var result = Sim.DecideAt(Sim.Now, decision);
        if (result.Accepted)
        {
            var mark = new JournalMark(Sim.Journal.Entries.Count, Sim.Journal.LastHash);
            await PersistAsync(new RecordedDecision(_decisions + 1, decisionId, Sim.Now, decision, mark));
            _taken[decisionId] = result;
            // What the decision made due at this instant (an approved request starts executing now) happens now, with
            // it: left pending, the next call, even a refused one, would run it and move the clock's next event. After
            // the mark, which replay reaches by the same decisions; replay then runs these as the next step does, in
            // the same order, so the journal is the same bytes.
            Sim.RunUntil(Sim.Now);
            if (decision is EndExercise && _running)
            {
                StopClock(); // ended for good: the clock stays where the trainer ended it
                await SaveClockAsync(force: true);
            }
        }
        Push(); // what fell due before a refused decision still reaches the consoles
        return result;
    }

    private async Task PersistAsync(RecordedDecision decision)
    {
        try
        {
            await store.AppendDecisionAsync(Id, decision);
            _decisions++;
        }
        catch
        {
            // The core has applied a decision that is not durable: drop this activation so the next one replays
            // only what was stored, record nothing more from it, and tell the caller it did not take. (The grain
            // is not reentrant and its timers do not interleave, so nothing recorded or pushed it meanwhile.)
            _recorder!.Stopped = true;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>After a step: the new events and the clock to the consoles; shortly after, their views and the entity grains.</summary>
    private void Push()
    {
        Feed.Push(Sim, ClockNow());
        ArmAfterStep();
    }

    private void ArmAfterStep()
    {
        if (_afterStepArmed || _afterStep is null) return;
        _afterStepArmed = true;
        _afterStep.Change(AfterStepDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The timer's turn, a tenth of a second after a step: the views of the audiences that heard of it, and a round
    /// of entity records. It does not interleave with the grain's calls, so it never runs while a decision is applied
    /// but not yet stored. It comes back while the recorder has work left.
    /// </summary>
    private Task AfterStep()
    {
        _afterStepArmed = false;
        Feed.SendViews(Sim, ClockNow());
        if (_recorder!.Tick()) ArmAfterStep();
        return Task.CompletedTask;
    }

    // ---- Reads ----

    public Task<ExerciseView> View(string credential)
    {
        var who = Who(credential);
        return Task.FromResult(new ExerciseView(who, ClockNow(), ExerciseViews.For(who, Sim), Sim.Journal.Entries.Count, _divergence));
    }

    public Task<ExerciseView> ViewAs(string credential, string seat)
    {
        var who = Who(credential);
        if (!who.IsTrainer && !who.IsEvaluator) throw new ExerciseException("only the trainer and the evaluator look at a seat's screen");
        if (!Core.Common.Seat.TryParse(seat, out var value) || !Sim.World.HasJurisdiction(value.Jurisdiction))
            throw new ExerciseException($"seat: no seat '{seat}' in this scenario (write STATE/role)");
        var seen = new Identity(who.ExerciseId, IdentityRole.Seat, value.ToString());
        return Task.FromResult(new ExerciseView(who, ClockNow(), ExerciseViews.For(seen, Sim), Sim.Journal.Entries.Count, _divergence));
    }

    public Task<IReadOnlyList<InstrumentAdviceView>> Advise(string credential, IReadOnlyList<string> evidence, bool emergency)
    {
        var who = Who(credential);
        if (!who.IsSeat) throw new ExerciseException("the advisor is for a seat: it advises one state's authorities");
        return Task.FromResult(SeatAdvice.Advise(who.Seat!, evidence, emergency, Sim));
    }

    public Task<RequestCheck> CheckRequest(string credential, SendRequest draft)
    {
        var who = Who(credential);
        if (!who.IsSeat) throw new ExerciseException("only a seat drafts requests");
        return Task.FromResult(SeatAdvice.Check(draft with { Actor = who.Seat! }, Sim));
    }

    public Task<IReadOnlyList<LiveEvent>> Journal(string credential, long afterSequence, int max) =>
        Task.FromResult(Feed.CatchUp(Sim, Audience.For(Who(credential)), afterSequence, Math.Clamp(max, 1, 5000)));

    public Task<string> JournalText() => Task.FromResult(Encoding.UTF8.GetString(Sim.Journal.ToBytes()));

    public Task<SimulationOutcome> Outcome() => Task.FromResult(Sim.Outcome());

    public async Task<string> RecordJson(string credential)
    {
        if (!(await WhoAsync(credential)).IsTrainer) throw new ExerciseException("only the trainer downloads the exercise record: it holds the MSEL's sealed expected actions");
        var record = _record!;
        var decisions = await store.DecisionsAsync(Id);
        // The journal here is what this server's rules rebuilt: it is the one stored unless the exercise diverged.
        var rules = _divergence is null ? record.RulesVersion : RulesVersion.Current;
        return (ExerciseRecord.Of(Id, record.Scenario, record.ScenarioText, _catalogueText, Sim, decisions) with { RulesVersion = rules }).ToJson();
    }

    // ---- The entity grains (EntityRecorder) and the observers (LiveFeed) ----

    public Task RecordEntities() => _recorder?.RecordAllAsync() ?? Task.CompletedTask;

    public Task<bool> RecordEntity(string kind, string id) => _recorder?.RecordOneAsync(kind, id) ?? Task.FromResult(false);

    public Task Subscribe(IExerciseObserver observer, IReadOnlyList<string> audiences)
    {
        Feed.Subscribe(observer, audiences);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IExerciseObserver observer)
    {
        _feed?.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
