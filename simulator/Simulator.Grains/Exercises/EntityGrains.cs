using Simulator.Grains.Contracts;

namespace Simulator.Grains.Exercises;

/// <summary>
/// The exercise grain is the single writer of an exercise: one deterministic core, one ordered journal, one replay.
/// A state, a provider and an investigation are grains of their own for reading: each is addressed by its own key,
/// checks who may see it, and draws its view from its exercise. They hold no state, so they never diverge from it.
/// </summary>
internal static class EntityKey
{
    public static (string Exercise, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) throw new ExerciseException($"'{key}' is not exerciseId/id");
        return (key[..slash], key[(slash + 1)..]);
    }
}

public sealed class JurisdictionGrain : Grain, IJurisdictionGrain
{
    public Task<string> Desk(string credential)
    {
        var (exercise, state) = EntityKey.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IExerciseGrain>(exercise).Entity(credential, "jurisdiction", state);
    }
}

public sealed class ProviderGrain : Grain, IProviderGrain
{
    public Task<string> Holdings(string credential)
    {
        var (exercise, provider) = EntityKey.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IExerciseGrain>(exercise).Entity(credential, "provider", provider);
    }
}

public sealed class InvestigationGrain : Grain, IInvestigationGrain
{
    public Task<string> Status(string credential)
    {
        var (exercise, incident) = EntityKey.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IExerciseGrain>(exercise).Entity(credential, "investigation", incident);
    }
}
