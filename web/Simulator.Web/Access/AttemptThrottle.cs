using System.Net;

namespace Simulator.Web.Access;

/// <summary>
/// The limits on wrong codes and keys (appsettings.json, Simulator:Limits). <see cref="LimitLoopback"/>: whether
/// loopback counts by address too; it must where a reverse proxy on the same machine brings every client from loopback.
/// </summary>
public sealed record ThrottleLimits(int PerConnection, int PerAddressPerMinute, bool LimitLoopback = false)
{
    /// <summary>10 wrong codes per connection; 120 wrong codes or keys a minute per address (a classroom behind one address joins unhindered).</summary>
    public static ThrottleLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Simulator:Limits:WrongCodesPerConnection", 10),
        configuration.GetValue("Simulator:Limits:WrongCodesPerAddressPerMinute", 120),
        configuration.GetValue("Simulator:Limits:LimitLoopback", false));
}

/// <summary>
/// Guessing codes and keys, throttled (issue 15 item 5). Only failures count, so a trainee who types the right code is
/// never slowed and an attacker cannot lock a real seat out from elsewhere:
/// - a connection that has given <see cref="ThrottleLimits.PerConnection"/> wrong codes is refused any further attempt;
/// - an address (an IPv6 address by its /64, what one host is given) that has given too many within a minute waits
///   until the oldest ages out, and is told how long.
/// Each attempt holds its place in the counts while its code is looked up (<see cref="Begin"/>), so attempts sent in
/// parallel cannot all pass one free place; a right code gives the place back (<see cref="Succeeded"/>). There is no
/// per-exercise limit: it would let a stranger's guesses lock the exercise's own trainer out. Loopback is not limited
/// by address unless configured: whoever runs the embedded server on localhost already holds the machine. Limits are
/// per server: in cluster mode each front-end counts its own (docs/security.md).
/// </summary>
public sealed class AttemptThrottle(TimeProvider time, ThrottleLimits limits)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<DateTimeOffset>> _byAddress = new(StringComparer.Ordinal);
    private int _pruneAt = 1_000;

    /// <summary>An attempt under way: where it holds its place, so that a right code can give it back.</summary>
    public sealed record Attempt(string? Connection, LinkedListNode<DateTimeOffset>? Place, string? Address);

    /// <summary>Takes a place for this attempt in each count, or says why it is refused before it is tried.</summary>
    public Attempt? Begin(string? connection, IPAddress? address, out string? refusal)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            refusal = null;
            if (connection is not null && _byConnection.GetValueOrDefault(connection) >= limits.PerConnection)
            {
                refusal = $"too many wrong codes on this connection ({limits.PerConnection}): open a new connection, and check the code with your trainer";
                return null;
            }
            var key = Limited(address) ? AddressKey(address!) : null;
            LinkedListNode<DateTimeOffset>? place = null;
            if (key is not null)
            {
                if (!_byAddress.TryGetValue(key, out var failures)) _byAddress[key] = failures = new LinkedList<DateTimeOffset>();
                while (failures.First is { } oldest && now - oldest.Value >= Minute) failures.RemoveFirst();
                if (failures.Count >= limits.PerAddressPerMinute)
                {
                    refusal = $"too many wrong codes from your address: try again in {Seconds(failures.First!.Value + Minute - now)} s";
                    return null;
                }
                place = failures.AddLast(now);
                if (_byAddress.Count > _pruneAt) Prune(now);
            }
            if (connection is not null) _byConnection[connection] = _byConnection.GetValueOrDefault(connection) + 1;
            return new Attempt(connection, place, key);
        }
    }

    /// <summary>The code was right: the attempt's places are given back.</summary>
    public void Succeeded(Attempt attempt)
    {
        lock (_gate)
        {
            if (attempt.Connection is { } c && _byConnection.TryGetValue(c, out var n)) _byConnection[c] = Math.Max(0, n - 1);
            if (attempt.Place is { List: { } list }) list.Remove(attempt.Place);
        }
    }

    /// <summary>The connection closed: its count goes with it.</summary>
    public void Forget(string connection)
    {
        lock (_gate) _byConnection.Remove(connection);
    }

    private bool Limited(IPAddress? address) => address is not null && (limits.LimitLoopback || !IPAddress.IsLoopback(address));

    /// <summary>An IPv4 address as it is; an IPv6 one by its first 64 bits, the part one host or site is given.</summary>
    private static string AddressKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return $"v4:{address}";
        var bytes = address.GetAddressBytes();
        return $"v6:{Convert.ToHexString(bytes, 0, 8)}/64";
    }

    /// <summary>Drops the addresses whose minute has passed; runs when the table has doubled since it last did.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _byAddress.ToList())
            if (failures.Last is not { } last || now - last.Value >= Minute) _byAddress.Remove(key);
        _pruneAt = Math.Max(1_000, _byAddress.Count * 2);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
