using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Scenario;
using Simulator.Scenarios.Synthetic;

namespace Simulator.Scenarios.Tests;

public class SyntheticDataTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_gives_the_same_records_and_another_seed_other_records()
    {
        var a = new SyntheticDataGenerator(3, 3, "en").Generate("c2-logs", "ip-log", 20, Start, Start.AddDays(2));
        var b = new SyntheticDataGenerator(3, 3, "en").Generate("c2-logs", "ip-log", 20, Start, Start.AddDays(2));
        var c = new SyntheticDataGenerator(4, 3, "en").Generate("c2-logs", "ip-log", 20, Start, Start.AddDays(2));
        Assert.Equal(a.Records, b.Records);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
    }

    [Fact]
    public void One_items_data_does_not_depend_on_which_other_items_exist()
    {
        var g1 = new SyntheticDataGenerator(9, 2, "en");
        var alone = g1.Generate("mail", "mail-headers", 5, Start, Start.AddDays(1));
        var g2 = new SyntheticDataGenerator(9, 2, "en");
        g2.Generate("other", "payments", 50, Start, Start.AddDays(1));
        Assert.Equal(alone.Records, g2.Generate("mail", "mail-headers", 5, Start, Start.AddDays(1)).Records);
    }

    [Theory]
    [InlineData("ip-log")]
    [InlineData("subscriber")]
    [InlineData("mail-headers")]
    [InlineData("payments")]
    [InlineData("account-logins")]
    [InlineData("files")]
    [InlineData("messages")]
    public void Records_fall_inside_the_items_life_and_are_in_time_order(string kind)
    {
        var content = new SyntheticDataGenerator(1, 3, "en").Generate("x", kind, 30, Start, Start.AddDays(3));
        Assert.Equal(30, content.Records.Count);
        var times = content.Records.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z").Value)
            .Where(t => t.Length > 0).Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.InRange(t, Start, Start.AddDays(3)));
    }

    [Fact]
    public void Suspects_tie_the_evidence_together_across_holders()
    {
        var built = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "scenarios", "hospital-ransomware.yaml")), CatalogueLoader.Shipped, 5);
        var ipsByItem = built.World.Evidence.ToDictionary(e => e.Id, e => e.Content.Records
            .SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r, @"\b\d{1,3}(\.\d{1,3}){3}\b").Select(m => m.Value)).ToHashSet());
        var shared = ipsByItem.SelectMany(kv => kv.Value.Select(ip => (ip, kv.Key))).GroupBy(x => x.ip).Where(g => g.Select(x => x.Key).Distinct().Count() >= 2).ToList();
        Assert.NotEmpty(shared); // the same suspect IP shows up at more than one holder
    }
}
