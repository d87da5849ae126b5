using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Simulator.Core.Common;
using Simulator.Core.World;

namespace Simulator.Scenarios.Synthetic;

/// <summary>
/// Generates the content of each evidence item with Bogus, seeded per run and per item: the same seed gives the
/// same data, and adding an item to a scenario does not change the data of the others. Timestamps fall inside
/// the item's life at its holder; identities come from one shared pool of suspects.
/// </summary>
public sealed class SyntheticDataGenerator
{
    private readonly long _seed;
    private readonly string _locale;

    public SyntheticDataGenerator(long seed, int suspects, string locale)
    {
        _seed = seed;
        _locale = locale;
        var f = Faker("suspects");
        Suspects = Enumerable.Range(0, suspects).Select(_ =>
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            return new Suspect($"{first} {last}", f.Internet.UserName(first, last), f.Internet.Email(first, last), f.Phone.PhoneNumber(),
                $"{f.Address.StreetAddress()}, {f.Address.City()}", f.Internet.Ip(), f.Finance.BitcoinAddress(), f.Internet.UserAgent());
        }).ToList();
    }

    public IReadOnlyList<Suspect> Suspects { get; }

    public SyntheticContent Generate(string evidenceId, string kind, int records, DateTimeOffset from, DateTimeOffset to)
    {
        var f = Faker(evidenceId);
        if (to <= from) to = from + TimeSpan.FromHours(1);
        var span = to - from;
        DateTimeOffset When() => from + TimeSpan.FromSeconds(Math.Floor(f.Random.Double() * span.TotalSeconds));
        Suspect Who() => Suspects[f.Random.Int(0, Suspects.Count - 1)];
        static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // Realistic logs repeat their counterparts, and Bogus's richer generators are slow: draw a few per item and reuse them.
        var peers = Pool(6, () => f.Internet.Ip());
        var contacts = Pool(4, () => f.Internet.Email());
        var domains = Pool(4, () => f.Internet.DomainName());
        var sentences = Pool(6, () => f.Lorem.Sentence(6));
        var paths = Pool(8, () => $"/{f.System.DirectoryPath().TrimStart('/')}/{f.System.FileName()}");
        string Hex(int bytes) => Convert.ToHexStringLower(f.Random.Bytes(bytes));
        T Pick<T>(IReadOnlyList<T> pool) => pool[f.Random.Int(0, pool.Count - 1)];
        List<string> Pool(int n, Func<string> make) => kind is "ip-log" or "mail-headers" or "messages" or "files" ? Enumerable.Range(0, n).Select(_ => make()).ToList() : [];

        var lines = new List<(DateTimeOffset At, string Line)>(records);
        for (var i = 0; i < records; i++)
        {
            var at = When();
            var s = Who();
            var line = kind switch
            {
                "ip-log" => $"{T(at)} src={s.Ip}:{f.Random.Int(1024, 65535)} dst={Pick(peers)}:{f.PickRandom(443, 22, 3389, 8443, 80)} proto=tcp bytes={f.Random.Int(200, 5_000_000)}",
                "subscriber" => $"account={s.Username} name=\"{s.Name}\" email={s.Email} phone=\"{s.Phone}\" address=\"{s.Address}\" payment=card-****{f.Random.Int(1000, 9999)} registered={T(at)} signup-ip={s.Ip}",
                "mail-headers" => $"Date: {T(at)} | From: {s.Email} | To: {Pick(contacts)} | Received: from [{s.Ip}] | Message-ID: <{Hex(8)}@{Pick(domains)}> | Subject: \"{Pick(sentences)}\"",
                "payments" => $"{T(at)} tx={Hex(16)} from=bc1q{Hex(19)} to={s.Wallet} amount={(f.Random.Int(100, 120_000) / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture)} BTC",
                "account-logins" => $"{T(at)} user={s.Username} ip={s.Ip} result={f.PickRandom("success", "success", "success", "failed")} agent=\"{s.UserAgent}\"",
                "files" => $"{T(at)} path={Pick(paths)} size={f.Random.Int(1_000, 900_000_000)} sha256={Hex(32)}",
                "messages" => $"{T(at)} from={s.Email} to={Pick(contacts)} text=\"{Pick(sentences)}\"",
                _ => $"{T(at)} record {i + 1}",
            };
            lines.Add((at, line));
        }
        var ordered = lines.OrderBy(l => l.At).ThenBy(l => l.Line, StringComparer.Ordinal).Select(l => l.Line).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ordered))));
        return new SyntheticContent(kind, ordered, hash);
    }

    // Building a Faker loads every dataset of its locale, which costs far more than generating an item's records;
    // one per thread and locale is reseeded per item instead. Reseeding replaces the randomizer of every dataset,
    // so the output depends only on the seed, never on what was generated before.
    [ThreadStatic] private static Dictionary<string, Faker>? _fakers;

    private Faker Faker(string key)
    {
        var seed = unchecked((int)(DeterministicRandom.StableHash(key) ^ (ulong)_seed));
        _fakers ??= [];
        if (!_fakers.TryGetValue(_locale, out var faker)) _fakers[_locale] = faker = new Faker(_locale);
        faker.Random = new Randomizer(seed);
        return faker;
    }
}
