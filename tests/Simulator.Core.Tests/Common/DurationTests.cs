using Simulator.Core.Common;

namespace Simulator.Core.Tests.Common;

public class DurationTests
{
    [Theory]
    [InlineData("30min", 0.5)]
    [InlineData("8h", 8)]
    [InlineData("10d", 240)]
    [InlineData("2w", 336)]
    [InlineData("6mo", 4320)]
    [InlineData("1y", 8760)]
    [InlineData("-5d", -120)]
    public void Parses_units(string text, double hours) => Assert.Equal(hours, DurationText.Parse(text).TotalHours);

    [Theory]
    [InlineData("10")]
    [InlineData("10 days")]
    [InlineData("d10")]
    public void Rejects_what_is_not_a_duration(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void A_range_with_a_mode_draws_inside_its_bounds_and_around_its_mean()
    {
        var range = DurationRange.Parse("4mo..20mo~6mo");
        var random = new DeterministicRandom(7);
        var draws = Enumerable.Range(0, 4000).Select(_ => range.Draw(random)).ToList();
        Assert.All(draws, d => Assert.InRange(d, range.Min, range.Max));
        Assert.InRange(draws.Average(d => d.TotalDays), 290, 310); // mean (4+20+6)/3 = 10 months = 300 days
    }

    [Theory]
    [InlineData("10d..2d")]
    [InlineData("2d..10d~12d")]
    [InlineData("2d..")]
    public void Rejects_ranges_out_of_order(string text) => Assert.False(DurationRange.TryParse(text, out _));

    [Fact]
    public void The_same_seed_gives_the_same_draws_and_derived_streams_are_independent()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
        var root = new DeterministicRandom(42);
        Assert.Equal(root.Derive("req-001").NextUInt64(), new DeterministicRandom(42).Derive("req-001").NextUInt64());
        Assert.NotEqual(root.Derive("req-001").NextUInt64(), root.Derive("req-002").NextUInt64());
    }
}
