using Orleans.Concurrency;
using Simulator.Grains.Access;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Exercises;

/// <summary>
/// A state, a provider and an investigation are grains of their own, keyed "exerciseId/id", each keeping its
/// entity's state (queues, holdings, leads, and the states of the procedures' machines) in Orleans grain storage.
/// The exercise grain is their sequencer: it runs the deterministic core, so that one exercise has one total order
/// of events and one journal, and shortly after each step it records in every entity grain whose part changed
/// that part, stamped with the journal length it reflects. An entity grain keeps the newest state it was given (an
/// older one, arriving late, is refused) and serves it to whoever may see it. It learns who a caller is from the
/// stored codes, so a read does not wait on the exercise; only an entity grain with no state yet asks the exercise
/// to record it. The grains are reentrant so that, while such a read waits, the exercise's record can come in.
/// </summary>
internal static class EntityKey
{
    public static (string Exercise, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) throw new ExerciseException($"'{key}' is not exerciseId/id");
        return (key[..slash], key[(slash + 1)..]);
    }

    public static string? StateOf(Identity who) => Core.Common.Seat.JurisdictionOf(who.Seat);

}

/// <summary>
/// One entity's state in grain storage, written one record at a time (reads interleave with a write, records do
/// not), never replaced by an older recording.
/// </summary>
internal sealed class RecordedState<T>(IPersistentState<T> state) where T : class, IEntityState
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public T? Current => state.RecordExists ? state.State : null;

    public async Task<bool> Record(T next)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            if (state.RecordExists && EntityStamp.IsOlder(next, state.State)) return false;
            state.State = next;
            await state.WriteStateAsync();
            return true;
        }
        finally { _oneAtATime.Release(); }
    }

    /// <summary>The state, asking the exercise to record it first if this grain has none yet; null when the exercise has no such entity.</summary>
    public async Task<T?> Get(IGrainFactory grains, string exercise, string kind, string id)
    {
        if (Current is null) await grains.GetGrain<IExerciseGrain>(exercise).RecordEntity(kind, id);
        return Current;
    }
}

/// <summary>One state's authorities: who plays each office, its queues with their cases, the requests it sent and received.</summary>
[Reentrant]
public sealed class JurisdictionGrain(
    [PersistentState("desk", SqliteGrainStorage.Name)] IPersistentState<JurisdictionDesk> desk, Identities identities) : Grain, IJurisdictionGrain
{
    private readonly RecordedState<JurisdictionDesk> _desk = new(desk);

    public async Task<JurisdictionDesk> Desk(string credential)
    {
        var (exercise, state) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await identities.IdentifyAsync(exercise, credential);
        var current = await _desk.Get(GrainFactory, exercise, "jurisdiction", state) ?? throw new ExerciseException($"no state '{state}' in this exercise");
        if (!who.Oversees && EntityKey.StateOf(who) != state) throw new ExerciseException($"only {state}'s seats, the trainer and observers see {state}'s desk");
        return current;
    }

    public Task<bool> Record(JurisdictionDesk state) => _desk.Record(state);
}

/// <summary>One provider's data (each item's status, retention and preservations), its response team and the requests it handles.</summary>
[Reentrant]
public sealed class ProviderGrain(
    [PersistentState("holdings", SqliteGrainStorage.Name)] IPersistentState<ProviderHoldings> holdings, Identities identities) : Grain, IProviderGrain
{
    private readonly RecordedState<ProviderHoldings> _holdings = new(holdings);

    public async Task<ProviderHoldings> Holdings(string credential)
    {
        var (exercise, provider) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await identities.IdentifyAsync(exercise, credential);
        var current = await _holdings.Get(GrainFactory, exercise, "provider", provider) ?? throw new ExerciseException($"no provider '{provider}' in this exercise");
        if (!who.Oversees) throw new ExerciseException("providers are simulated: only the trainer and observers see their holdings");
        return current;
    }

    public Task<bool> Record(ProviderHoldings state) => _holdings.Record(state);
}

/// <summary>One incident's investigation: its leads and the evidence behind them, and the requests sent for it.</summary>
[Reentrant]
public sealed class InvestigationGrain(
    [PersistentState("status", SqliteGrainStorage.Name)] IPersistentState<InvestigationStatus> status, Identities identities) : Grain, IInvestigationGrain
{
    private readonly RecordedState<InvestigationStatus> _status = new(status);

    public async Task<InvestigationStatus> Status(string credential)
    {
        var (exercise, incident) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await identities.IdentifyAsync(exercise, credential);
        var s = await _status.Get(GrainFactory, exercise, "investigation", incident) ?? throw new ExerciseException($"no incident '{incident}' in this exercise");
        if (who.Oversees) return s;
        if (EntityKey.StateOf(who) != s.Investigating) throw new ExerciseException($"only {s.Investigating}'s seats, the trainer and observers follow this investigation");
        return EntitySnapshots.AsSeatsSeeIt(s);
    }

    public Task<bool> Record(InvestigationStatus state) => _status.Record(state);
}
