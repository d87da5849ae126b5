using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Simulator.Core.Catalogue;
using Simulator.Core.Decisions;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Core.Policies;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Replay;
using Simulator.Scenarios.Scenario;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Hosts one live exercise on the pure core. Its durable state is the exercise record (with the scenario, catalogue
/// and rules it was made with) and the ordered decisions applied to it (in <see cref="IExerciseStore"/>); on
/// activation the core is rebuilt by replaying them (<see cref="DecisionReplay"/>), which the core's determinism
/// makes exact, and each decision's stored journal mark is checked. A decision is acknowledged only after it is
/// stored. The clock runs on a grain timer at the trainer's speed; every new journal event is pushed to the
/// per-server observers.
/// </summary>
[CollectionAgeLimit(Days = 1)] // stay in memory through a training day: activation replays the whole exercise
public sealed class ExerciseGrain(IExerciseStore store, ExerciseWallClock time, ILogger<ExerciseGrain> log) : Grain, IExerciseGrain
{
    /// <summary>Real time between clock ticks of a running exercise.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);
    public const double MaxSpeed = 7 * 86400;
    /// <summary>How long after a step the entity grains' new state is recorded (steps in between are recorded together).</summary>
    public static readonly TimeSpan RecordingDelay = TimeSpan.FromMilliseconds(100);

    private StoredExercise? _record;
    private Dictionary<string, Identity> _credentials = [];
    private Simulation? _simulation;
    private string _catalogueText = "";
    private long _decisions;
    /// <summary>What each decision taken in this exercise answered, by its id: a retried call gets the same answer, and nothing is taken twice.</summary>
    private readonly Dictionary<string, DecisionResult> _taken = new(StringComparer.Ordinal);
    /// <summary>Set when the stored decisions no longer rebuild the journal they left: from where and why. The exercise is then held as it is.</summary>
    private string? _divergence;
    private long _pushed;
    private bool _running;
    private double _speed = 1;
    private long _lastTick;
    private DateTimeOffset _savedNow;
    private IGrainTimer? _timer;
    private ObserverManager<IExerciseObserver>? _observers;
    private ClockState? _lastPushedClock;
    /// <summary>What each entity grain was last given (its state without the stamp), and the step it was taken at.</summary>
    private readonly Dictionary<string, string> _recorded = [];
    /// <summary>What the seats were last told of, per entity (the part of it they see).</summary>
    private readonly Dictionary<string, string> _seatsSaw = [];
    private (long Journal, long Steps) _recordedMark = (-1, -1);
    private Task _recording = Task.CompletedTask;
    private bool _recordAgain;
    /// <summary>Set while a decision is applied but not yet stored: nothing it changed may be recorded before it is durable.</summary>
    private bool _deciding;
    /// <summary>Set when a decision could not be stored: this activation's core is ahead of the store and records nothing more.</summary>
    private bool _poisoned;
    /// <summary>This activation as the entity states' writer (the store counts activations): a later one replaces what an earlier one recorded.</summary>
    private long _writer;

    private string Id => this.GetPrimaryKeyString();
    private ObserverManager<IExerciseObserver> Observers => _observers ??= new(TimeSpan.FromMinutes(5), log);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = await store.GetAsync(Id, cancellationToken);
        if (_record is not null) await RebuildAsync(cancellationToken);
    }

    public async Task<ExerciseCreated> Create(CreateExercise request, string scenarioText)
    {
        if (_record is not null) throw new ExerciseException($"exercise {Id} already exists");
        if (request.Speed is < 1 or > MaxSpeed) throw new ExerciseException($"speed must be between 1 and {MaxSpeed} simulated seconds per real second");
        if (request.Policy != "none" && PolicyCatalogue.All.All(p => p.Name != request.Policy))
            throw new ExerciseException($"unknown policy '{request.Policy}'; choose one of: {string.Join(", ", PolicyCatalogue.All.Select(p => p.Name))}");
        var scenario = ScenarioLoader.Parse(scenarioText, request.Scenario + ".yaml");
        var offered = scenario.File.Jurisdictions.SelectMany(j => j.Seats.Select(r => $"{j.Id}/{r}")).ToList();
        var seats = request.Seats.Count == 0 ? offered : request.Seats.ToList();
        var unknown = seats.Where(s => !offered.Contains(s)).ToList();
        if (unknown.Count > 0) throw new ExerciseException($"the scenario offers no seat {string.Join(", ", unknown)}; it offers: {string.Join(", ", offered)}");

        var start = DateTimeOffset.Parse(scenario.File.Start, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        var record = new StoredExercise(Id, request.Scenario, scenarioText, request.Seed, request.Policy, Credentials.New(12), Credentials.New(), start, false, request.Speed,
            CatalogueLoader.ShippedText, RulesVersion.Current);
        var codes = seats.Select(s => new StoredCode(Credentials.New(), Id, s)).ToList();
        codes.Add(new StoredCode(record.TrainerKey, Id, Identity.Trainer));
        codes.Add(new StoredCode(record.ObserverCode, Id, Identity.Observer));
        await store.CreateAsync(record, codes);
        _record = record;
        await RebuildAsync(CancellationToken.None);
        return new ExerciseCreated(Id, record.TrainerKey, record.ObserverCode, codes.Where(c => c.Seat.Contains('/')).Select(c => new SeatCode(c.Seat, c.Code)).ToList());
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var record = _record!;
        _writer = await store.CountActivationAsync(Id, cancellationToken);
        var codes = await store.CodesAsync(Id, cancellationToken);
        _credentials = codes.ToDictionary(c => c.Code, Credentials.IdentityOf);
        if (record.CatalogueText is null)
        {
            // Created before exercises pinned their law: it goes on under the catalogue and rules of now, pinned from here.
            await store.PinAsync(Id, CatalogueLoader.ShippedText, RulesVersion.Current, cancellationToken);
            _record = record = record with { CatalogueText = CatalogueLoader.ShippedText, RulesVersion = RulesVersion.Current };
            log.LogInformation("Exercise {Exercise} pinned the shipped catalogue and rules version {Rules}", Id, RulesVersion.Current);
        }
        _catalogueText = record.CatalogueText!;
        var scenario = ScenarioLoader.Parse(record.ScenarioText, record.Scenario + ".yaml", CatalogueLoader.Pinning(_catalogueText));
        var built = WorldBuilder.Build(scenario, CatalogueLoader.Pinning(_catalogueText), record.Seed);
        var humans = codes.Where(c => c.Seat.Contains('/')).Select(c => c.Seat).ToHashSet();
        _simulation = new Simulation(built.World, built.Catalogue, new SimulationOptions(record.Seed, PolicyCatalogue.Get(record.Policy), humans));
        _simulation.Start();
        var decisions = await store.DecisionsAsync(Id, cancellationToken);
        var replayed = DecisionReplay.Play(_simulation, decisions);
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
        if (record.SimulatedNow > _simulation.Now) _simulation.RunUntil(record.SimulatedNow);
        // A live clock that reached the horizon finished the exercise; so does its replay.
        if (_simulation.Now >= _simulation.World.End && !_simulation.Ended) _simulation.Finish("scenario horizon reached");
        _savedNow = _simulation.Now;
        _pushed = _simulation.Journal.Entries.Count;
        _speed = record.Speed;
        if (record.Running && _divergence is null) StartClock();
        _ = RecordEntitiesSoon(); // in the background: activation does not wait for the entity grains
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_poisoned) await _recording; // leave the entity grains with the last state
    }

    private Simulation Sim => _simulation ?? throw new ExerciseException($"no exercise '{Id}'");

    private Identity Who(string credential) =>
        _record is null ? throw new ExerciseException($"no exercise '{Id}'")
        : _credentials.TryGetValue(credential, out var identity) ? identity
        : throw new ExerciseException("this code or key does not open this exercise");

    public Task<Identity> Identify(string credential) => Task.FromResult(Who(credential));

    public Task<ClockState> Clock() => Task.FromResult(ClockNow());

    private ClockState ClockNow()
    {
        var s = Sim;
        return new ClockState(s.Now, _running, _speed, s.World.Start, s.World.End, s.NextEventAt, s.Ended);
    }

    public Task<ExerciseView> View(string credential)
    {
        var who = Who(credential);
        var json = JsonSerializer.Serialize(ExerciseViews.For(who, Sim), JournalJson.Options);
        return Task.FromResult(new ExerciseView(who, ClockNow(), json, Sim.Journal.Entries.Count, _divergence));
    }

    public async Task<DecisionResult> Decide(string credential, string decisionId, Decision decision)
    {
        var who = Who(credential);
        if (Refusal(who, decision) is { } refused) return DecisionResult.Rejected(refused);
        if (string.IsNullOrWhiteSpace(decisionId) || decisionId.Length > 100)
            throw new ExerciseException("decisionId: give each decision an id of 1 to 100 characters, the same when a call is retried");
        if (_taken.TryGetValue(decisionId, out var earlier)) return earlier; // the same decision, retried: taken once
        if (_divergence is not null) return DecisionResult.Rejected(_divergence);
        if (decision is not TrainerDecision && Sim.Ended) return DecisionResult.Rejected("the exercise has ended");
        _deciding = true;
        try
        {
            var result = Sim.DecideAt(Sim.Now, decision);
            if (!result.Accepted)
            {
                Push(); // what fell due before the refused decision still reaches the consoles
                return result;
            }
            var mark = new JournalMark(Sim.Journal.Entries.Count, Sim.Journal.LastHash);
            await PersistAsync(new RecordedDecision(_decisions + 1, decisionId, Sim.Now, decision, mark));
            _taken[decisionId] = result;
            return result;
        }
        finally { _deciding = false; }
    }

    /// <summary>Why this caller may not take this decision, or null: a seat decides for itself only, the trainer for the trainer only.</summary>
    private static string? Refusal(Identity who, Decision decision) => (who.Role, decision) switch
    {
        (Identity.Trainer, TrainerDecision) => null,
        (_, FireInject) => "only the trainer fires injects",
        (_, EditInject) => "only the trainer edits injects",
        (Identity.Observer, _) => "observers may not act",
        (Identity.Trainer, _) => "the trainer drives the exercise but does not act for a seat",
        _ when decision.Actor != who.Seat => $"{who.Seat} may not decide for {decision.Actor}",
        _ => null,
    };

    public Task<string> Advise(string credential, IReadOnlyList<string> evidence, bool emergency)
    {
        var who = Who(credential);
        if (who.Role != Identity.Player) throw new ExerciseException("the advisor is for a seat: it advises one state's authorities");
        return Task.FromResult(JsonSerializer.Serialize(SeatAdvice.Advise(who.Seat!, evidence, emergency, Sim), JournalJson.Options));
    }

    public Task<string> CheckRequest(string credential, SendRequest draft)
    {
        var who = Who(credential);
        if (who.Role != Identity.Player) throw new ExerciseException("only a seat drafts requests");
        return Task.FromResult(JsonSerializer.Serialize(SeatAdvice.Check(draft with { Actor = who.Seat! }, Sim), JournalJson.Options));
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
            // only what was stored, record nothing more from it, and tell the caller it did not take.
            _poisoned = true;
            DeactivateOnIdle();
            throw;
        }
        Push();
    }

    public async Task<ClockState> Control(string credential, ClockControl control)
    {
        if (Who(credential).Role != Identity.Trainer) throw new ExerciseException("only the trainer controls the clock");
        var s = Sim;
        switch (control.Kind)
        {
            case not "pause" when _divergence is not null:
                throw new ExerciseException(_divergence);
            case "start" or "resume":
                if (s.Ended) throw new ExerciseException("the exercise has ended");
                StartClock();
                break;
            case "pause":
                StopClock();
                break;
            case "speed":
                if (control.Speed is not { } speed || speed < 1 || speed > MaxSpeed)
                    throw new ExerciseException($"speed must be between 1 (real time) and {MaxSpeed} simulated seconds per real second");
                Advance();
                _speed = speed;
                break;
            case "jump-to":
                if (control.To is not { } to || to < s.Now)
                    throw new ExerciseException($"jump-to needs a time after now ({JournalJson.Instant(s.Now)})");
                s.RunUntil(to);
                break;
            case "jump-next":
                if (s.NextEventAt is { } next) s.RunUntil(next);
                break;
            default:
                throw new ExerciseException($"unknown clock control '{control.Kind}': use start, pause, resume, speed, jump-to or jump-next");
        }
        if (s.Now >= s.World.End && !s.Ended)
        {
            s.Finish("scenario horizon reached");
            StopClock();
        }
        await SaveClockAsync(force: true);
        Push();
        return ClockNow();
    }

    private void StartClock()
    {
        _running = true;
        _lastTick = time.GetTimestamp();
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TickInterval, TickInterval) { Interleave = false, KeepAlive = true });
    }

    private void StopClock()
    {
        Advance();
        _running = false;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Moves the simulated clock by the real time elapsed since the last tick, at the current speed.</summary>
    private void Advance()
    {
        if (!_running) return;
        var now = time.GetTimestamp();
        var real = time.GetElapsedTime(_lastTick, now);
        _lastTick = now;
        var s = Sim;
        var target = s.Now + TimeSpan.FromTicks((long)(real.Ticks * _speed));
        s.RunUntil(target > s.World.End ? s.World.End : target);
        if (s.Now >= s.World.End && !s.Ended)
        {
            s.Finish("scenario horizon reached");
            _running = false;
        }
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (!_running) return;
        Advance();
        Push();
        // Reaching the horizon stops the clock: store that moment whatever the throttle says.
        await SaveClockAsync(force: !_running);
        if (!_running) StopClock();
    }

    private async Task SaveClockAsync(bool force)
    {
        var s = Sim;
        if (!force && s.Now - _savedNow < TimeSpan.FromSeconds(1) * Math.Max(1, _speed)) return;
        await store.SaveClockAsync(Id, s.Now, _running, _speed);
        _savedNow = s.Now;
    }

    // ---- The entity grains' states (EntityGrains.cs): recorded shortly after each step, off the decisions' path ----

    public Task RecordEntities() => _simulation is null ? Task.CompletedTask : RecordEntitiesSoon(at: TimeSpan.Zero);

    public async Task<bool> RecordEntity(string kind, string id)
    {
        if (_simulation is null) return false;
        if (_poisoned) throw new ExerciseException("the exercise is restarting after a failed write: try again in a moment");
        var wanted = EntityRecords(Sim).FirstOrDefault(e => e.Slot == $"{kind}:{id}");
        if (wanted is null) return false;
        _recorded.Remove(wanted.Slot);
        if (await RecordIfChanged(wanted) is null) throw new ExerciseException($"could not record {kind} '{id}' just now: try again in a moment");
        return true;
    }

    /// <summary>
    /// Starts recording the entity grains' new state shortly after a step, in the background so that it never holds
    /// up an acknowledgement or the events on their way. While a recording is under way, the next one waits for it
    /// and then goes round once more: under a stream of decisions the entity grains follow at the pace they can
    /// take, always in journal order.
    /// </summary>
    private Task RecordEntitiesSoon(TimeSpan? at = null)
    {
        if (!_recording.IsCompleted)
        {
            _recordAgain = true;
            return _recording;
        }
        _recording = RecordWhileChanging(at ?? RecordingDelay);
        return _recording;
    }

    private async Task RecordWhileChanging(TimeSpan delay)
    {
        // Let the step that asked for it answer, and its events reach the consoles, before taking their CPU; the
        // steps that come meanwhile are recorded together.
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        var failures = 0;
        try
        {
            while (!_poisoned)
            {
                _recordAgain = false;
                if (_deciding)
                {
                    // A decision is between the core and the store: record once it is durable, or not at all.
                    await Task.Delay(RecordingDelay);
                    continue;
                }
                if (await RecordChangedEntities()) failures = 0;
                else if (++failures < 3)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    continue;
                }
                if (!_recordAgain) return;
                // Steps came while recording: take them together after a pause, rather than back to back, so a
                // stream of decisions is not slowed by recording after each one.
                await Task.Delay(RecordingDelay);
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Exercise {Exercise}: could not take the entities' states", Id);
        }
    }

    /// <summary>
    /// Records in the state, provider and investigation grains whose part changed since the last time their new
    /// state. The snapshots are all taken in one turn, between two steps (the grain runs one turn at a time), so
    /// they show one moment; the calls to different grains run side by side. False when a record failed.
    /// </summary>
    private async Task<bool> RecordChangedEntities()
    {
        var s = Sim;
        var mark = (s.Journal.Entries.Count, s.StepsProcessed);
        if (mark == _recordedMark) return true; // nothing happened since the last time: nothing can have changed
        var entities = EntityRecords(s);
        var recorded = await Task.WhenAll(entities.Select(RecordIfChanged));
        // Announce what was recorded, even when another record failed: those are not sent again.
        var audiences = entities.Zip(recorded).Where(x => x.Second == true).SelectMany(x => AudiencesOfChange(x.First)).Distinct().ToList();
        if (audiences.Count > 0 && _observers is { Count: > 0 }) _observers.Notify(o => o.OnEntitiesRecorded(Id, audiences).Ignore()); // one-way
        if (recorded.Any(r => r is null)) return false;
        _recordedMark = mark;
        return true;
    }

    /// <summary>
    /// Who is told of a recorded change: the trainer and observers always; the seats only when the part they see
    /// changed (a change to an investigation's undiscovered leads is not theirs to notice).
    /// </summary>
    private IEnumerable<string> AudiencesOfChange(EntityRecord entity)
    {
        yield return Audience.Trainer;
        yield return Audience.Observers;
        if (entity.SeatAudience is not { } seats) yield break;
        var seen = entity.SeatContent ?? entity.Content;
        if (_seatsSaw.TryGetValue(entity.Slot, out var before) && before == seen) yield break;
        _seatsSaw[entity.Slot] = seen;
        yield return seats;
    }

    /// <summary>
    /// One entity's state as it stands, ready to record: its content without the stamp, the seats' audience that
    /// may read it (none for a provider) and, when they see less of it, the part they see.
    /// </summary>
    private sealed record EntityRecord(string Slot, string Content, string? SeatAudience, string? SeatContent, Func<Task<bool>> Send);

    private List<EntityRecord> EntityRecords(Simulation s)
    {
        string Json<T>(T value) => JsonSerializer.Serialize(value, JournalJson.Options);
        var list = new List<EntityRecord>();
        foreach (var j in s.World.Jurisdictions)
        {
            var desk = EntitySnapshots.Jurisdiction(s, j.Id, _writer);
            list.Add(new($"jurisdiction:{j.Id}", Json(desk with { Through = 0, At = default }), Audience.State(j.Id), null,
                () => GrainFactory.GetGrain<IJurisdictionGrain>($"{Id}/{j.Id}").Record(desk)));
        }
        foreach (var p in s.World.Providers)
        {
            var holdings = EntitySnapshots.Provider(s, p.Id, _writer);
            list.Add(new($"provider:{p.Id}", Json(holdings with { Through = 0, At = default }), null, null,
                () => GrainFactory.GetGrain<IProviderGrain>($"{Id}/{p.Id}").Record(holdings)));
        }
        foreach (var i in s.World.Incidents)
        {
            var status = EntitySnapshots.Investigation(s, i.Id, _writer);
            var unstamped = status with { Through = 0, At = default };
            list.Add(new($"investigation:{i.Id}", Json(unstamped), Audience.State(i.Investigating), Json(EntitySnapshots.AsSeatsSeeIt(unstamped)),
                () => GrainFactory.GetGrain<IInvestigationGrain>($"{Id}/{i.Id}").Record(status)));
        }
        return list;
    }

    /// <summary>
    /// Records an entity's state unless it is what was recorded last (its stamp aside). True when recorded, false
    /// when unchanged or when the entity grain kept a newer state, null when the record failed.
    /// </summary>
    private async Task<bool?> RecordIfChanged(EntityRecord entity)
    {
        if (_recorded.TryGetValue(entity.Slot, out var last) && last == entity.Content) return false;
        try
        {
            if (await entity.Send()) _recorded[entity.Slot] = entity.Content;
            else
            {
                // The grain holds a later activation's state: this activation is stale and must not overwrite it.
                _recorded.Remove(entity.Slot);
                return false;
            }
            return true;
        }
        catch (Exception e)
        {
            _recorded.Remove(entity.Slot);
            log.LogError(e, "Exercise {Exercise}: could not record the state of {Entity}", Id, entity.Slot);
            return null;
        }
    }

    /// <summary>
    /// After a step: sends every journal event not yet pushed to the observers, with who may see it, and starts
    /// recording the entities' new state.
    /// </summary>
    private void Push()
    {
        _ = RecordEntitiesSoon();
        var s = Sim;
        var entries = s.Journal.Entries;
        if (_pushed >= entries.Count && _observers is null) return;
        var batch = new List<LiveEvent>();
        for (var i = (int)_pushed; i < entries.Count; i++)
        {
            var e = entries[i];
            batch.Add(new LiveEvent(e.Sequence, e.At, e.Type, DataOf(e), Audience.Of(e.Event, s)));
        }
        _pushed = entries.Count;
        var clock = ClockNow();
        // Nothing happened and the clock stands where it stood (a refused decision, a pause when paused): say nothing.
        if (batch.Count == 0 && clock == _lastPushedClock) return;
        _lastPushedClock = clock;
        if (_observers is { Count: > 0 }) _observers.Notify(o => o.OnEvents(Id, batch, clock));
    }

    private static string DataOf(JournalEntry e) => JsonSerializer.Serialize(e.Event, e.Event.GetType(), JournalJson.Options);

    public Task<IReadOnlyList<LiveEvent>> Journal(string credential, long afterSequence, int max)
    {
        var who = Who(credential);
        var s = Sim;
        var audience = who.Role switch
        {
            Identity.Trainer => Audience.Trainer,
            Identity.Observer => Audience.Observers,
            _ => Audience.State(who.Seat!.Split('/')[0]),
        };
        var list = s.Journal.Entries.Skip((int)Math.Max(0, afterSequence))
            .Select(e => new LiveEvent(e.Sequence, e.At, e.Type, DataOf(e), Audience.Of(e.Event, s)))
            .Where(e => e.Audience.Contains(audience)).Take(Math.Clamp(max, 1, 5000))
            .Select(e => SealedContent.ForAudience(e, audience)).ToList();
        return Task.FromResult<IReadOnlyList<LiveEvent>>(list);
    }

    public Task<string> JournalText() => Task.FromResult(Encoding.UTF8.GetString(Sim.Journal.ToBytes()));

    public Task<string> Outcome() => Task.FromResult(JsonSerializer.Serialize(Sim.Outcome(), JournalJson.Indented));

    public async Task<string> RecordJson(string credential)
    {
        if (Who(credential).Role != Identity.Trainer) throw new ExerciseException("only the trainer downloads the exercise record: it holds the MSEL's sealed expected actions");
        var record = _record!;
        var decisions = await store.DecisionsAsync(Id);
        // The journal here is what this server's rules rebuilt: it is the one stored unless the exercise diverged.
        var rules = _divergence is null ? record.RulesVersion : RulesVersion.Current;
        return (ExerciseRecord.Of(Id, record.Scenario, record.ScenarioText, _catalogueText, Sim, decisions) with { RulesVersion = rules }).ToJson();
    }

    public Task Subscribe(IExerciseObserver observer)
    {
        Observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IExerciseObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
