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

        var lines = new List<(DateTimeOffset At, string Line)>(records);
        for (var i = 0; i < records; i++)
        {
            var at = When();
            var s = Who();
            var line = kind switch
            {
                "ip-log" => $"{T(at)} src={s.Ip}:{f.Random.Int(1024, 65535)} dst={f.Internet.Ip()}:{f.PickRandom(443, 22, 3389, 8443, 80)} proto=tcp bytes={f.Random.Int(200, 5_000_000)}",
                "subscriber" => $"account={s.Username} name=\"{s.Name}\" email={s.Email} phone=\"{s.Phone}\" address=\"{s.Address}\" payment=card-****{f.Random.Int(1000, 9999)} registered={T(at)} signup-ip={s.Ip}",
                "mail-headers" => $"Date: {T(at)} | From: {s.Email} | To: {f.Internet.Email()} | Received: from [{s.Ip}] | Message-ID: <{f.Random.Hexadecimal(16, "")}@{f.Internet.DomainName()}> | Subject: \"{f.Lorem.Sentence(4)}\"",
                "payments" => $"{T(at)} tx={f.Random.Hexadecimal(32, "")} from={f.Finance.BitcoinAddress()} to={s.Wallet} amount={f.Random.Decimal(0.01m, 12m).ToString("0.0000", CultureInfo.InvariantCulture)} BTC",
                "account-logins" => $"{T(at)} user={s.Username} ip={s.Ip} result={f.PickRandom("success", "success", "success", "failed")} agent=\"{s.UserAgent}\"",
                "files" => $"{T(at)} path=/{f.System.DirectoryPath().TrimStart('/')}/{f.System.FileName()} size={f.Random.Int(1_000, 900_000_000)} sha256={f.Random.Hexadecimal(64, "")}",
                "messages" => $"{T(at)} from={s.Email} to={f.Internet.Email()} text=\"{f.Lorem.Sentence(8)}\"",
                _ => $"{T(at)} {f.Lorem.Sentence(6)}",
            };
            lines.Add((at, line));
        }
        var ordered = lines.OrderBy(l => l.At).ThenBy(l => l.Line, StringComparer.Ordinal).Select(l => l.Line).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ordered))));
        return new SyntheticContent(kind, ordered, hash);
    }

    private Faker Faker(string key)
    {
        var seed = unchecked((int)(DeterministicRandom.StableHash(key) ^ (ulong)_seed));
        return new Faker(_locale) { Random = new Randomizer(seed) };
    }
}
