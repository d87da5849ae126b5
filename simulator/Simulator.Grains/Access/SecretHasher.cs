using System.Security.Cryptography;
using System.Text;

namespace Simulator.Grains.Access;

/// <summary>A secret (join code, key or seat token) as it is stored: its keyed hash, which can be looked up but not read back.</summary>
public readonly record struct CredentialHash(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Keeps every code, key and token only as an HMAC-SHA256 under a key kept apart from the database (OWASP ASVS 5.0,
/// V11 and V13): a copy of the database alone gives no way in, and a code cannot be guessed offline from its hash
/// without the key. The key is 32 random bytes, written base64 in a file of its own (made on first start, readable
/// by its owner only) or given in configuration (Simulator:SecretKey); docs/security.md says where to keep it.
/// </summary>
public sealed class SecretHasher
{
    public const int KeyBytes = 32;
    private readonly byte[] _key;

    public SecretHasher(byte[] key)
    {
        if (key.Length < KeyBytes) throw new ArgumentException($"the secret key must be at least {KeyBytes} bytes", nameof(key));
        _key = [.. key];
    }

    /// <summary>The keyed hash of a secret as people type it: spaces around and lower case do not matter (<see cref="Identities.Normal"/>).</summary>
    public CredentialHash Hash(string secret) =>
        new(Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Identities.Normal(secret)))));

    /// <summary>
    /// A short value that tells keys apart without revealing them: the database keeps the one its codes were hashed
    /// under, so a server started with another key says so instead of refusing every code.
    /// </summary>
    public string Check => Convert.ToHexString(HMACSHA256.HashData(_key, "simulator secret key check"u8)[..8]);

    /// <summary>A key given as base64 text (Simulator:SecretKey), refused with what is wrong.</summary>
    public static SecretHasher FromText(string text, string where)
    {
        byte[] key;
        try { key = Convert.FromBase64String(text.Trim()); }
        catch (FormatException) { throw new SecretKeyException($"{where}: the secret key is not base64 text"); }
        if (key.Length < KeyBytes) throw new SecretKeyException($"{where}: the secret key holds {key.Length} bytes; it needs at least {KeyBytes} (make one with: head -c 32 /dev/urandom | base64)");
        return new SecretHasher(key);
    }

    /// <summary>The key in <paramref name="path"/>, made there (32 random bytes, owner-only) when the file does not exist yet.</summary>
    public static SecretHasher FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var file = new FileStream(path, options);
                file.Write(Encoding.ASCII.GetBytes(text));
                file.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path)) { } // another process made it first: read theirs
        }
        return FromText(File.ReadAllText(path), path);
    }
}

/// <summary>A secret key that cannot be used: missing, malformed, or not the one the database's codes were hashed under.</summary>
public sealed class SecretKeyException(string message) : Exception(message);
