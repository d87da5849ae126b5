using System.Text.Json;
using Microsoft.Extensions.Logging;
using Simulator.Core.Engine;
using Simulator.Core.Journal;
using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Records each entity's part of a live exercise in its state, provider or investigation grain, shortly after the
/// steps that changed it and off the decisions' path. The exercise grain's timer, armed after a step, calls
/// <see cref="Tick"/>; a tick starts a round of records when something happened and no round is in flight (the shape
/// of GPSTracker's push notifier: one write in flight), and says whether the timer should come back. A round takes every snapshot in one turn, between two steps, so they show one
/// moment; the calls to different grains run side by side. Steps that come meanwhile are taken by the next round,
/// so the entity grains follow in journal order at the pace they can take.
/// A round's cost grows with the exercise, so only taking the snapshots happens in the exercise's turn; serializing
/// them, to see what changed, runs off it; and <see cref="RecordingPace"/> spaces the rounds by what they cost.
/// </summary>
internal sealed class EntityRecorder(string exerciseId, long writer, Simulation simulation, IGrainFactory grains,
    Action<IReadOnlyList<string>> announce, ExerciseWallClock time, ILogger log)
{
    private readonly RecordingPace _pace = new(time);
    /// <summary>What each entity grain was last given (its state without the stamp).</summary>
    private readonly Dictionary<string, string> _recorded = [];
    /// <summary>What the seats were last told of, per entity (the part of it they see).</summary>
    private readonly Dictionary<string, string> _seatsSaw = [];
    private (long Journal, long Steps) _recordedMark = (-1, -1);
    private Task<bool> _round = Task.FromResult(true);

    /// <summary>Set when this activation may record nothing more (a decision it applied could not be stored).</summary>
    public bool Stopped { get; set; }

    /// <summary>The round in flight, if any: deactivation waits for it, to leave the entity grains with the last state.</summary>
    public Task InFlight => _round;

    private (long, long) Mark => (simulation.Journal.Entries.Count, simulation.StepsProcessed);

    /// <summary>
    /// One tick of the grain's timer: starts a round when something happened since the last one, none is in
    /// flight and the recorder is not resting. True while there is more to do (a round in flight, a rest, steps not
    /// yet recorded).
    /// </summary>
    public bool Tick()
    {
        if (Stopped) return false;
        if (!_round.IsCompleted) return true;
        if (Mark == _recordedMark) return false; // nothing happened since the last round: nothing can have changed
        if (_pace.Resting) return true;
        _round = Round();
        return true;
    }

    /// <summary>Returns once every step so far is recorded (for tests and tools): waits for the round in flight, then records what is left.</summary>
    public async Task RecordAllAsync()
    {
        for (var attempt = 0; attempt < 3 && !Stopped; attempt++)
        {
            await _round;
            if (Mark == _recordedMark) return;
            _round = Round();
            if (await _round) return;
        }
    }

    /// <summary>Records one entity now, for an entity grain that finds it has no state. False when the exercise has no such entity.</summary>
    public async Task<bool> RecordOneAsync(string kind, string id)
    {
        if (Stopped) throw new ExerciseException("the exercise is restarting after a failed write: try again in a moment");
        var taken = Entities().FirstOrDefault(e => e.Slot == $"{kind}:{id}");
        if (taken is null) return false;
        var wanted = taken.Serialize();
        _recorded.Remove(wanted.Slot);
        if (await RecordIfChanged(wanted) is null) throw new ExerciseException($"could not record {kind} '{id}' just now: try again in a moment");
        return true;
    }

    /// <summary>Records every entity whose part changed since it was last recorded; false when a record failed.</summary>
    private async Task<bool> Round()
    {
        var started = _pace.RoundStarts();
        try
        {
            var mark = Mark;
            var taken = Entities(); // in this turn, between two steps: one moment of the exercise
            // The snapshots are immutable copies, so they can be serialized while the exercise goes on.
            var entities = await Task.Run(() => taken.Select(t => t.Serialize()).ToList());
            var recorded = await Task.WhenAll(entities.Select(RecordIfChanged));
            // Announce what was recorded, even when another record failed: those are not sent again.
            var audiences = entities.Zip(recorded).Where(x => x.Second == true).SelectMany(x => AudiencesOfChange(x.First)).Distinct().ToList();
            if (audiences.Count > 0) announce(audiences);
            if (recorded.Any(r => r is null))
            {
                _pace.RoundFailed();
                return false;
            }
            _recordedMark = mark;
            _pace.RoundDone(started);
            return true;
        }
        catch (Exception e)
        {
            log.LogError(e, "Exercise {Exercise}: could not take the entities' states", exerciseId);
            _pace.RoundFailed();
            return false;
        }
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

    /// <summary>One entity's snapshot as taken in the exercise's turn, to serialize (<see cref="Serialize"/>) wherever convenient.</summary>
    private sealed record EntityTaken(string Slot, Func<(string Content, string? SeatContent)> Contents, string? SeatAudience, Func<Task<bool>> Send)
    {
        public EntityRecord Serialize()
        {
            var (content, seatContent) = Contents();
            return new EntityRecord(Slot, content, SeatAudience, seatContent, Send);
        }
    }

    private List<EntityTaken> Entities()
    {
        var s = simulation;
        static string Json<T>(T value) => JsonSerializer.Serialize(value, JournalJson.Options);
        var list = new List<EntityTaken>();
        foreach (var j in s.World.Jurisdictions)
        {
            var desk = EntitySnapshots.Jurisdiction(s, j.Id, writer);
            list.Add(new($"jurisdiction:{j.Id}", () => (Json(desk with { Through = 0, At = default }), null), Audience.State(j.Id),
                () => grains.GetGrain<IJurisdictionGrain>($"{exerciseId}/{j.Id}").Record(desk)));
        }
        foreach (var p in s.World.Providers)
        {
            var holdings = EntitySnapshots.Provider(s, p.Id, writer);
            list.Add(new($"provider:{p.Id}", () => (Json(holdings with { Through = 0, At = default }), null), null,
                () => grains.GetGrain<IProviderGrain>($"{exerciseId}/{p.Id}").Record(holdings)));
        }
        foreach (var i in s.World.Incidents)
        {
            var status = EntitySnapshots.Investigation(s, i.Id, writer);
            var unstamped = status with { Through = 0, At = default };
            list.Add(new($"investigation:{i.Id}", () => (Json(unstamped), Json(EntitySnapshots.AsSeatsSeeIt(unstamped))), Audience.State(i.Investigating),
                () => grains.GetGrain<IInvestigationGrain>($"{exerciseId}/{i.Id}").Record(status)));
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
            log.LogError(e, "Exercise {Exercise}: could not record the state of {Entity}", exerciseId, entity.Slot);
            return null;
        }
    }
}
