using System.Net;

namespace Simulator.Web.Access;

/// <summary>The limits on wrong codes and keys (appsettings.json, Simulator:Limits), each a count of failures within a window.</summary>
public sealed record ThrottleLimits(int PerConnection, int PerAddressPerMinute)
{
    /// <summary>10 wrong codes per connection; 120 wrong codes or keys a minute per address (a classroom behind one address joins unhindered).</summary>
    public static ThrottleLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Simulator:Limits:WrongCodesPerConnection", 10),
        configuration.GetValue("Simulator:Limits:WrongCodesPerAddressPerMinute", 120));
}

/// <summary>
/// Guessing codes and keys, throttled (issue 15 item 5): only failures count, so a trainee who types the right code
/// is never slowed, and an attacker cannot lock a real seat out from elsewhere. A connection that has given
/// <see cref="ThrottleLimits.PerConnection"/> wrong codes is refused any further attempt (open a new one); an address
/// that has given too many within a minute waits until the oldest ages out (told how long); a per-exercise limit would
/// let a stranger's guesses lock the exercise's own trainer out, so there is none. Loopback is not limited by address: whoever runs the embedded server on
/// localhost already holds the machine, and tests share it. Limits are per server: in cluster mode each front-end
/// counts its own (docs/security.md). Memory is bounded by pruning windows that have emptied.
/// </summary>
public sealed class AttemptThrottle(TimeProvider time, ThrottleLimits limits)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byWindow = new(StringComparer.Ordinal);

    /// <summary>Why this attempt is refused before it is tried, or null: it may go ahead.</summary>
    public string? Refusal(string? connection, IPAddress? address)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (connection is not null && _byConnection.GetValueOrDefault(connection) >= limits.PerConnection)
                return $"too many wrong codes on this connection ({limits.PerConnection}): open a new connection, and check the code with your trainer";
            if (Limited(address) && Full(AddressKey(address!), limits.PerAddressPerMinute, now) is { } wait)
                return $"too many wrong codes from your address: try again in {Seconds(wait)} s";
            return null;
        }
    }

    /// <summary>Counts a wrong code or key against each of its scopes.</summary>
    public void Failed(string? connection, IPAddress? address)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (connection is not null) _byConnection[connection] = _byConnection.GetValueOrDefault(connection) + 1;
            if (Limited(address)) Add(AddressKey(address!), now);
            if (_byWindow.Count > 10_000) Prune(now);
        }
    }

    /// <summary>The connection closed: its count goes with it.</summary>
    public void Forget(string connection)
    {
        lock (_gate) _byConnection.Remove(connection);
    }

    private static bool Limited(IPAddress? address) => address is not null && !IPAddress.IsLoopback(address);

    private static string AddressKey(IPAddress address) => $"address:{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}";

    /// <summary>How long until the window has room again, or null where it has room now.</summary>
    private TimeSpan? Full(string key, int limit, DateTimeOffset now)
    {
        if (!_byWindow.TryGetValue(key, out var failures)) return null;
        while (failures.Count > 0 && now - failures.Peek() >= Minute) failures.Dequeue();
        return failures.Count < limit ? null : failures.Peek() + Minute - now;
    }

    private void Add(string key, DateTimeOffset now)
    {
        if (!_byWindow.TryGetValue(key, out var failures)) _byWindow[key] = failures = new Queue<DateTimeOffset>();
        failures.Enqueue(now);
        // A window never holds more than it needs to decide (its limit is at most a few hundred in practice).
        while (failures.Count > 10_000) failures.Dequeue();
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _byWindow.ToList())
            if (failures.Count == 0 || now - failures.Last() >= Minute) _byWindow.Remove(key);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
