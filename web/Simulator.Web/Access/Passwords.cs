using System.Security.Cryptography;
using System.Text;

namespace Simulator.Web.Access;

/// <summary>
/// Organisers' passwords, kept as PBKDF2-HMAC-SHA256 with a random salt and 600,000 iterations (the OWASP Password
/// Storage Cheat Sheet's figure), written <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> so that a later increase still
/// reads the hashes made before.
/// </summary>
public static class Passwords
{
    public const int Iterations = 600_000, MinLength = 12, MaxLength = 200;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>What is wrong with a new password, or null.</summary>
    public static string? Problem(string? password) =>
        password is null || password.Length < MinLength ? $"password: at least {MinLength} characters"
        : password.Length > MaxLength ? $"password: at most {MaxLength} characters"
        : null;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether <paramref name="stored"/> is a password hash (a provider's organiser keeps their issuer and subject there instead).</summary>
    public static bool IsHash(string stored) => stored.StartsWith(Scheme + "$", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="stored"/> was made from (in constant time).</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations is < 1 or > 10_000_000) return false;
        byte[] salt, expected;
        try { (salt, expected) = (Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3])); }
        catch (FormatException) { return false; }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password.Length > MaxLength ? password[..MaxLength] + "\0" : password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A hash no password matches, verified against when the name is unknown: a wrong name takes as long to refuse as a wrong password.</summary>
    public static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>A name as it is kept and looked up: lower case, so Ana@x and ana@x are one organiser.</summary>
    public static string Normal(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Organiser names: 1 to 60 letters, digits, dots, dashes, underscores and @ (an e-mail address fits).</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrEmpty(name) || name.Length > 60 || !name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' or '@')
            ? "name: 1 to 60 letters, digits, '.', '-', '_' or '@'" : null;
}
