using System.Text.Json;
using Orleans.Concurrency;
using Simulator.Core.Journal;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Exercises;

/// <summary>
/// A state, a provider and an investigation are grains of their own, keyed "exerciseId/id", each keeping its
/// entity's state (queues, holdings, leads, and the states of the procedures' machines) in Orleans grain storage.
/// The exercise grain is their sequencer: it runs the deterministic core, so that one exercise has one total order
/// of events and one journal, and after each step it records in every entity grain whose part changed that part,
/// stamped with the journal sequence it reflects. An entity grain keeps the newest state it was given (an older
/// one, arriving late, is ignored) and serves it to whoever may see it. It learns who a caller is from the stored
/// codes, so a read does not wait on the exercise; only an entity grain with no state yet asks the exercise to catch
/// up. The grains are reentrant so that, while such a read waits, the exercise's record can come in.
/// </summary>
internal static class EntityKey
{
    public static (string Exercise, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) throw new ExerciseException($"'{key}' is not exerciseId/id");
        return (key[..slash], key[(slash + 1)..]);
    }

    public static bool Overseer(Identity who) => who.Role is Identity.Trainer or Identity.Observer;

    public static string? StateOf(Identity who) => who.Seat?.Split('/')[0];

    /// <summary>Who a credential is in this exercise, from the stored codes: a read never waits on the exercise grain.</summary>
    public static async Task<Identity> Identify(IExerciseStore store, string exercise, string credential)
    {
        var code = await store.FindCodeAsync(credential);
        if (code is null || code.ExerciseId != exercise)
            throw new ExerciseException(await store.GetAsync(exercise) is null ? $"no exercise '{exercise}'" : "this code or key does not open this exercise");
        return Credentials.IdentityOf(code);
    }

    /// <summary>
    /// An entity grain with no state yet (its exercise has not been active since it was created, or a recording is
    /// still on its way) asks the exercise to record every entity now; if it still has none, the id is not one of
    /// the exercise's.
    /// </summary>
    public static Task CatchUp(IGrainFactory grains, string exercise) => grains.GetGrain<IExerciseGrain>(exercise).RecordEntities();
}

/// <summary>One state's authorities: who plays each office, its queues with their cases, the requests it sent and received.</summary>
[Reentrant]
public sealed class JurisdictionGrain(
    [PersistentState("desk", SqliteGrainStorage.Name)] IPersistentState<JurisdictionDesk> desk, IExerciseStore store) : Grain, IJurisdictionGrain
{
    public async Task<string> Desk(string credential)
    {
        var (exercise, state) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await EntityKey.Identify(store, exercise, credential);
        if (!desk.RecordExists) await EntityKey.CatchUp(GrainFactory, exercise);
        if (!desk.RecordExists) throw new ExerciseException($"no state '{state}' in this exercise");
        if (!EntityKey.Overseer(who) && EntityKey.StateOf(who) != state) throw new ExerciseException($"only {state}'s seats, the trainer and observers see {state}'s desk");
        return JsonSerializer.Serialize(desk.State, JournalJson.Options);
    }

    public async Task Record(JurisdictionDesk state)
    {
        if (desk.RecordExists && state.Through < desk.State.Through) return;
        desk.State = state;
        await desk.WriteStateAsync();
    }
}

/// <summary>One provider's data (each item's status, retention and preservations), its response team and the requests it handles.</summary>
[Reentrant]
public sealed class ProviderGrain(
    [PersistentState("holdings", SqliteGrainStorage.Name)] IPersistentState<ProviderHoldings> holdings, IExerciseStore store) : Grain, IProviderGrain
{
    public async Task<string> Holdings(string credential)
    {
        var (exercise, provider) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await EntityKey.Identify(store, exercise, credential);
        if (!holdings.RecordExists) await EntityKey.CatchUp(GrainFactory, exercise);
        if (!holdings.RecordExists) throw new ExerciseException($"no provider '{provider}' in this exercise");
        if (!EntityKey.Overseer(who)) throw new ExerciseException("providers are simulated: only the trainer and observers see their holdings");
        return JsonSerializer.Serialize(holdings.State, JournalJson.Options);
    }

    public async Task Record(ProviderHoldings state)
    {
        if (holdings.RecordExists && state.Through < holdings.State.Through) return;
        holdings.State = state;
        await holdings.WriteStateAsync();
    }
}

/// <summary>One incident's investigation: its leads and the evidence behind them, and the requests sent for it.</summary>
[Reentrant]
public sealed class InvestigationGrain(
    [PersistentState("status", SqliteGrainStorage.Name)] IPersistentState<InvestigationStatus> status, IExerciseStore store) : Grain, IInvestigationGrain
{
    public async Task<string> Status(string credential)
    {
        var (exercise, incident) = EntityKey.Split(this.GetPrimaryKeyString());
        var who = await EntityKey.Identify(store, exercise, credential);
        if (!status.RecordExists) await EntityKey.CatchUp(GrainFactory, exercise);
        if (!status.RecordExists) throw new ExerciseException($"no incident '{incident}' in this exercise");
        var s = status.State;
        if (EntityKey.Overseer(who)) return JsonSerializer.Serialize(s, JournalJson.Options);
        if (EntityKey.StateOf(who) != s.Investigating) throw new ExerciseException($"only {s.Investigating}'s seats, the trainer and observers follow this investigation");
        // A seat knows only the leads its investigation has discovered (requests can name only discovered evidence).
        var known = s.Leads.Where(l => l.Discovered).ToList();
        return JsonSerializer.Serialize(s with { Leads = known }, JournalJson.Options);
    }

    public async Task Record(InvestigationStatus state)
    {
        if (status.RecordExists && state.Through < status.State.Through) return;
        status.State = state;
        await status.WriteStateAsync();
    }
}
