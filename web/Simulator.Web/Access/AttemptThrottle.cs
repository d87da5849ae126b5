using System.Net;

namespace Simulator.Web.Access;

/// <summary>
/// The limits on wrong codes and keys (appsettings.json, Simulator:Limits). <see cref="LimitLoopback"/>: whether
/// loopback counts by address too; it must where a reverse proxy on the same machine brings every client from loopback.
/// </summary>
/// <param name="PerConnection">Wrong codes a connection may give before it may try no more.</param>
/// <param name="PerAddressPerMinute">Wrong codes or keys an address may give in a minute before it is held.</param>
/// <param name="PerTargetPerMinute">Wrong attempts in a minute against one target (all exercises' codes at once, one exercise's keys, one organiser's password) past which it is under attack.</param>
/// <param name="PerAddressUnderAttack">What an address that is failing may give in a minute while its target is under attack.</param>
/// <param name="LongestHold">The longest an address is held; each hold doubles the last, up to this.</param>
public sealed record ThrottleLimits(int PerConnection, int PerAddressPerMinute, bool LimitLoopback = false,
    int PerTargetPerMinute = 600, int PerAddressUnderAttack = 10, TimeSpan? LongestHold = null)
{
    public TimeSpan Longest => LongestHold ?? TimeSpan.FromHours(1);

    /// <summary>
    /// 10 wrong codes per connection; 120 wrong codes or keys a minute per address (a classroom behind one address joins
    /// unhindered); a target under attack past 600 a minute. Each setting is checked, and refused with its name.
    /// </summary>
    public static ThrottleLimits From(IConfiguration configuration) => new(
        Setting(configuration, "WrongCodesPerConnection", 10, 1_000_000),
        Setting(configuration, "WrongCodesPerAddressPerMinute", 120, 1_000_000),
        configuration.GetValue("Simulator:Limits:LimitLoopback", false),
        Setting(configuration, "WrongAttemptsPerTargetPerMinute", 600, 100_000_000),
        Setting(configuration, "WrongCodesPerAddressUnderAttack", 10, 1_000_000),
        TimeSpan.FromMinutes(Setting(configuration, "LongestHoldMinutes", 60, 7 * 24 * 60)));

    private static int Setting(IConfiguration configuration, string name, int byDefault, int max)
    {
        var text = configuration[$"Simulator:Limits:{name}"];
        if (text is null) return byDefault;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 && n <= max) return n;
        throw new ArgumentException($"Simulator:Limits:{name}: a whole number from 1 to {max}, not '{Simulator.Core.Common.Echo.Clip(text)}'");
    }
}

/// <summary>
/// Guessing codes, keys and passwords, throttled with back-off (issue 15 item 5). Only failures count, so a trainee
/// who types the right code is never slowed, and a stranger's guesses cannot lock out anyone who does not fail:
/// - **a connection**: after <see cref="BackOffAfter"/> wrong codes each further attempt waits twice as long as the
///   last (1 s, 2 s, 4 s...), and after <see cref="ThrottleLimits.PerConnection"/> it may try no more;
/// - **an address** (an IPv6 address by its /64, what one host is given) that gives too many within a minute is held,
///   and told how long: first until its oldest failure ages out, then 2 minutes, 4, 8..., up to
///   <see cref="ThrottleLimits.LongestHold"/>; an hour without a hold forgets the doubling;
/// - **a target**: every exercise's codes at once (a code names no exercise, so one guess tries them all), one
///   exercise's keys over REST, one organiser's password. When a target gets more than
///   <see cref="ThrottleLimits.PerTargetPerMinute"/> wrong attempts in a minute (a guess spread over many addresses),
///   it is under attack, and an address that fails against it is held at <see cref="ThrottleLimits.PerAddressUnderAttack"/>
///   a minute, unless something from it was right in the last hour (a classroom behind one address, whose trainees
///   joined, keeps its full limit). An address that has not failed is never held, so trainer and trainees still join.
/// Each attempt holds its place in the counts while its code is looked up (<see cref="Begin"/>), so attempts sent in
/// parallel cannot all pass one free place; a right code gives the place back (<see cref="Succeeded"/>), and only
/// places settled as wrong (<see cref="Failed"/>) hold an address, so a classroom joining at once is never held. Loopback is
/// not limited by address (nor counted against a target) unless configured: whoever runs the embedded server on
/// localhost already holds the machine. Limits are per server: in cluster mode each front-end counts its own
/// (docs/security.md).
/// </summary>
public sealed class AttemptThrottle(TimeProvider time, ThrottleLimits limits)
{
    /// <summary>A connection's wrong codes before each further attempt waits.</summary>
    public const int BackOffAfter = 3;

    /// <summary>The target of guessing a join code: every exercise at once.</summary>
    public const string Codes = "codes";

    /// <summary>The target of guessing one exercise's keys over REST (an id past 100 characters is no exercise's: they share one).</summary>
    public static string ExerciseKeys(string exerciseId) => "exercise:" + (exerciseId.Length <= 100 ? exerciseId : "?");
    public static string Password(string organiser) => "organiser:" + organiser;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1), ForgetHoldsAfter = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConnectionCount> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressCount> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MinuteCount> _byTarget = new(StringComparer.Ordinal);
    private int _pruneAt = 1_000;

    private sealed class ConnectionCount { public int Wrong; public DateTimeOffset Last; }

    private sealed class AddressCount
    {
        public readonly LinkedList<Place> Failures = new();
        public int Holds;
        public DateTimeOffset HeldUntil;
        /// <summary>When a code, key or password from this address was last right: it keeps its full limit under attack for an hour after.</summary>
        public DateTimeOffset? RightAt;
    }

    /// <summary>Why an attempt is refused before it is tried, and when it may be tried again (null: on a new connection).</summary>
    public sealed record Refusal(string Reason, int? RetryAfterSeconds);

    /// <summary>An attempt's place in an address's count: taken when it begins, settled when it is known to be wrong.</summary>
    public sealed class Place(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;
        public bool Wrong { get; set; }
    }

    /// <summary>An attempt under way: where it holds its place, so that a right code can give it back (<see cref="Succeeded"/>) and a wrong one settle it (<see cref="Failed"/>).</summary>
    public sealed record Attempt(string? Connection, string? Address, LinkedListNode<Place>? Place, string Target, long? TargetSecond);

    /// <summary>Takes a place for an attempt at a join code in each count, or says why it is refused before it is tried.</summary>
    public Attempt? Begin(string? connection, IPAddress? address, out Refusal? refusal) => Begin(connection, address, Codes, out refusal);

    /// <summary>Takes a place for an attempt against <paramref name="target"/> in each count, or says why it is refused before it is tried.</summary>
    public Attempt? Begin(string? connection, IPAddress? address, string target, out Refusal? refusal)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            refusal = null;
            var seen = connection is null ? null : _byConnection.GetValueOrDefault(connection);
            if (seen is { } c && c.Wrong >= limits.PerConnection)
            {
                refusal = new($"too many wrong codes on this connection ({limits.PerConnection}): open a new connection, and check the code with your trainer", null);
                return null;
            }
            if (seen is { Wrong: >= BackOffAfter } backing && now < backing.Last + BackOff(backing.Wrong))
            {
                var wait = Seconds(backing.Last + BackOff(backing.Wrong) - now);
                refusal = new($"{backing.Wrong} wrong codes on this connection: wait {wait} s before the next, and check the code with your trainer", wait);
                return null;
            }
            LinkedListNode<Place>? place = null;
            long? targetSecond = null;
            string? addressKey = null;
            if (Limited(address))
            {
                var key = addressKey = AddressKey(address!);
                if (!_byAddress.TryGetValue(key, out var counts)) _byAddress[key] = counts = new AddressCount();
                if (now < counts.HeldUntil)
                {
                    refusal = new($"too many wrong codes from your address: try again in {Seconds(counts.HeldUntil - now)} s", Seconds(counts.HeldUntil - now));
                    return null;
                }
                if (counts.Holds > 0 && now - counts.HeldUntil >= ForgetHoldsAfter) counts.Holds = 0;
                while (counts.Failures.First is { } oldest && now - oldest.Value.At >= Minute) counts.Failures.RemoveFirst();
                if (!_byTarget.TryGetValue(target, out var against)) _byTarget[target] = against = new MinuteCount();
                // Under attack, an address that has failed is held to a few a minute, unless it was right lately (a
                // classroom behind one address whose trainees have joined keeps its full limit for their typos).
                var underAttack = against.Count(now) >= limits.PerTargetPerMinute && !(now - counts.RightAt < ForgetHoldsAfter);
                var allowed = underAttack ? Math.Min(limits.PerAddressUnderAttack, limits.PerAddressPerMinute) : limits.PerAddressPerMinute;
                if (counts.Failures.Count >= allowed && counts.Failures.Any(p => !p.Wrong))
                {
                    // Some of the places are attempts still being checked (a classroom joining at once): no hold, since
                    // they may all be right; try again in a second.
                    refusal = new("too many codes from your address are being checked at once: try again in 1 s", 1);
                    return null;
                }
                if (counts.Failures.Count >= allowed)
                {
                    // The first hold lasts until the oldest failure ages out of its minute; then 2 minutes, 4, 8...
                    var hold = counts.Holds == 0 ? counts.Failures.First!.Value.At + Minute - now : Minute * Math.Pow(2, Math.Min(counts.Holds, 20));
                    counts.HeldUntil = now + (hold < limits.Longest ? hold : limits.Longest);
                    counts.Holds++;
                    var wait = Seconds(counts.HeldUntil - now);
                    refusal = new((underAttack ? "too many wrong attempts here, from many addresses: your address is held" : "too many wrong codes from your address")
                        + $": try again in {wait} s", wait);
                    return null;
                }
                place = counts.Failures.AddLast(new Place(now));
                targetSecond = against.Add(now);
                if (_byAddress.Count + _byTarget.Count > _pruneAt) Prune(now);
            }
            if (connection is not null)
            {
                if (seen is null) _byConnection[connection] = seen = new ConnectionCount();
                seen.Wrong++;
                seen.Last = now;
            }
            return new Attempt(connection, addressKey, place, target, targetSecond);
        }
    }

    /// <summary>The code was right: the attempt's places are given back.</summary>
    public void Succeeded(Attempt attempt)
    {
        lock (_gate)
        {
            if (attempt.Connection is { } c && _byConnection.TryGetValue(c, out var n)) n.Wrong = Math.Max(0, n.Wrong - 1);
            if (attempt.Place is { List: { } list }) list.Remove(attempt.Place);
            if (attempt.TargetSecond is { } second && _byTarget.TryGetValue(attempt.Target, out var target)) target.Remove(second);
            if (attempt.Address is { } address && _byAddress.TryGetValue(address, out var counts)) counts.RightAt = time.GetUtcNow();
        }
    }

    /// <summary>The code was wrong: its place stays counted for its minute, and now counts towards a hold.</summary>
    public void Failed(Attempt attempt)
    {
        lock (_gate)
            if (attempt.Place is { } place) place.Value.Wrong = true;
    }

    /// <summary>A refusal over REST: 429 with the reason, and Retry-After when there is a time to wait.</summary>
    public static IResult TooMany(HttpContext http, Refusal refusal)
    {
        if (refusal.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(refusal.Reason, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The connection closed: its count goes with it.</summary>
    public void Forget(string connection)
    {
        lock (_gate) _byConnection.Remove(connection);
    }

    /// <summary>How long the attempt after a connection's <paramref name="wrong"/>-th wrong code waits: 1 s after the third, doubling.</summary>
    public static TimeSpan BackOff(int wrong) => TimeSpan.FromSeconds(Math.Pow(2, Math.Min(wrong - BackOffAfter, 20)));

    private bool Limited(IPAddress? address) => address is not null && (limits.LimitLoopback || !IPAddress.IsLoopback(address));

    /// <summary>An IPv4 address as it is; an IPv6 one by its first 64 bits, the part one host or site is given.</summary>
    private static string AddressKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return $"v4:{address}";
        var bytes = address.GetAddressBytes();
        return $"v6:{Convert.ToHexString(bytes, 0, 8)}/64";
    }

    /// <summary>
    /// Drops the addresses and targets with nothing left to remember (no failure in the last minute, no hold to count);
    /// runs when the tables have doubled since it last did, so their size follows the failures of the last hour.
    /// </summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, counts) in _byAddress.ToList())
            if ((counts.Failures.Last is not { } last || now - last.Value.At >= Minute) && now - counts.HeldUntil >= ForgetHoldsAfter
                && !(now - counts.RightAt < ForgetHoldsAfter)) _byAddress.Remove(key);
        foreach (var (key, attempts) in _byTarget.ToList())
            if (attempts.Count(now) == 0) _byTarget.Remove(key);
        _pruneAt = Math.Max(1_000, (_byAddress.Count + _byTarget.Count) * 2);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
