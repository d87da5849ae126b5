using System.Security.Cryptography;

namespace Simulator.Grains.Exercises;

/// <summary>Join codes and keys: short enough to type from a slide, random enough not to guess (40 bits, Crockford base32).</summary>
public static class Credentials
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(int length = 8)
    {
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(chars);
    }

    /// <summary>Who a stored code makes its holder: the trainer, an observer, or a seat ("STATE/role").</summary>
    public static Contracts.Identity IdentityOf(Storage.StoredCode code) => code.Seat switch
    {
        Contracts.Identity.Trainer => new(code.ExerciseId, Contracts.Identity.Trainer, null),
        Contracts.Identity.Observer => new(code.ExerciseId, Contracts.Identity.Observer, null),
        var seat => new(code.ExerciseId, Contracts.Identity.Player, seat),
    };

    /// <summary>Exercise ids are readable in URLs and logs.</summary>
    public static string NewExerciseId() => "ex-" + New(10).ToLowerInvariant();
}
