using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Exercises;

/// <summary>
/// Who a credential is in an exercise, from the stored codes: the one way every caller is identified. The exercise
/// grain keeps the same codes in memory (<see cref="Credentials.IdentityOf"/>); the entity grains and the REST API
/// ask here, so that a read never waits on the exercise grain. Codes are read as people type them (spaces around
/// and lower case do not matter).
/// </summary>
public static class Identities
{
    /// <summary>The holder of <paramref name="credential"/> in <paramref name="exercise"/>; an <see cref="ExerciseException"/> when there is no such exercise or the credential does not open it.</summary>
    public static async Task<Identity> IdentifyAsync(IExerciseStore store, string exercise, string? credential)
    {
        var normal = Normal(credential);
        var code = normal.Length == 0 ? null : await store.FindCodeAsync(normal);
        if (code is null || code.ExerciseId != exercise)
            throw new ExerciseException(await store.GetAsync(exercise) is null ? $"no exercise '{exercise}'" : "this code or key does not open this exercise");
        return Credentials.IdentityOf(code);
    }

    public static string Normal(string? credential) => (credential ?? "").Trim().ToUpperInvariant();
}
