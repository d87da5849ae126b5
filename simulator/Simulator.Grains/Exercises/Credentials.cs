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

    /// <summary>What a stored code's seat column holds for the trainer's key and the observers' code (a seat's code holds its "STATE/role").</summary>
    public const string TrainerSeat = "trainer", ObserverSeat = "observer", EvaluatorSeat = "evaluator";

    /// <summary>Who a stored code makes its holder: the trainer, an observer, or a seat ("STATE/role").</summary>
    public static Contracts.Identity IdentityOf(Storage.StoredCode code) => code.Seat switch
    {
        TrainerSeat => new(code.ExerciseId, Contracts.IdentityRole.Trainer, null),
        ObserverSeat => new(code.ExerciseId, Contracts.IdentityRole.Observer, null),
        EvaluatorSeat => new(code.ExerciseId, Contracts.IdentityRole.Evaluator, null),
        var seat => new(code.ExerciseId, Contracts.IdentityRole.Seat, seat),
    };

    /// <summary>Exercise ids are readable in URLs and logs.</summary>
    public static string NewExerciseId() => "ex-" + New(10).ToLowerInvariant();
}
