using Simulator.Grains.Contracts;
using Simulator.Grains.Exercises;
using Simulator.Grains.Storage;

namespace Simulator.Grains.Access;

/// <summary>A credential found in the store: the exercise and seat it opens, and the token it is, if it is one (then it opens only while <see cref="StoredToken.OpensAt"/>).</summary>
public sealed record Admission(string ExerciseId, string Seat, StoredToken? Token);

/// <summary>
/// Who a credential is in an exercise, from the stored codes and tokens (by their keyed hashes): the one way every
/// caller is identified. The exercise grain keeps the same in memory; the hub, the entity grains and the REST API ask
/// here, so that a read never waits on the exercise grain. Codes are read as people type them (spaces around and
/// lower case do not matter).
/// </summary>
public sealed class Identities(IExerciseStore store, SecretHasher hasher, ExerciseWallClock time)
{
    /// <summary>The code or token, as stored; null when it is neither.</summary>
    public async Task<Admission?> FindAsync(string? credential)
    {
        if (Normal(credential).Length == 0) return null;
        var hash = hasher.Hash(credential!);
        if (await store.FindCodeAsync(hash) is { } code) return new Admission(code.ExerciseId, code.Seat, null);
        return await store.FindTokenAsync(hash) is { } token ? new Admission(token.ExerciseId, token.Seat, token) : null;
    }

    /// <summary>The holder of <paramref name="credential"/> in <paramref name="exercise"/>; an <see cref="ExerciseException"/> when there is no such exercise or the credential does not open it.</summary>
    public async Task<Identity> IdentifyAsync(string exercise, string? credential)
    {
        var found = await FindAsync(credential);
        if (found is null || found.ExerciseId != exercise)
            throw new ExerciseException(await store.GetAsync(exercise) is null ? $"no exercise '{exercise}'" : "this code or key does not open this exercise");
        if (found.Token is { } token && Closed(token, time.UtcNow) is { } closed) throw new ExerciseException(closed);
        return Credentials.IdentityOf(exercise, found.Seat);
    }

    public const string Ended = "this console's access was ended (you left, or the trainer revoked it): join again with your code";
    public const string Expired = "this console's access has expired: join again with your code";

    /// <summary>Why a token no longer opens its exercise, or null while it does.</summary>
    public static string? Closed(StoredToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? Ended : now >= token.ExpiresAt ? Expired : null;

    public static string Normal(string? credential) => (credential ?? "").Trim().ToUpperInvariant();
}
