using System.Security.Cryptography;

namespace Simulator.Grains.Access;

/// <summary>
/// Join codes, keys and tokens, in Crockford base32 (no I, L, O, U: nothing to misread from a slide). Codes are short
/// enough to type (40 bits; the trainer's key 60), guessing them is throttled (docs/security.md); tokens are never
/// typed, and hold 130 bits.
/// </summary>
public static class Credentials
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(int length = 8)
    {
        // 32 symbols: each byte's low five bits are uniform.
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(chars);
    }

    public const int TrainerKeyLength = 12, TokenLength = 26;

    /// <summary>A person's token: 26 symbols of 5 bits (OWASP ASVS asks at least 128 bits for session tokens).</summary>
    public static string NewToken() => New(TokenLength);

    /// <summary>A token's public name, shown to the trainer who may revoke it.</summary>
    public static string NewTokenId() => "t-" + New(6).ToLowerInvariant();

    /// <summary>What a stored code's seat column holds for the trainer's key and the observers' code (a seat's code holds its "STATE/role").</summary>
    public const string TrainerSeat = "trainer", ObserverSeat = "observer", EvaluatorSeat = "evaluator";

    /// <summary>Who a stored code makes its holder: the trainer, an observer, the evaluator, or a seat ("STATE/role").</summary>
    public static Contracts.Identity IdentityOf(string exerciseId, string seat) => seat switch
    {
        TrainerSeat => new(exerciseId, Contracts.IdentityRole.Trainer, null),
        ObserverSeat => new(exerciseId, Contracts.IdentityRole.Observer, null),
        EvaluatorSeat => new(exerciseId, Contracts.IdentityRole.Evaluator, null),
        _ => new(exerciseId, Contracts.IdentityRole.Seat, seat),
    };

    /// <summary>Exercise ids are readable in URLs and logs.</summary>
    public static string NewExerciseId() => "ex-" + New(10).ToLowerInvariant();
}
