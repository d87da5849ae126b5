using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>Time as people read it: dates with the year, a 24-hour UTC clock, calendar days, speeds in words, 24-hour inputs.</summary>
[Collection(ServerCollection.Name)]
public sealed class TimeDisplayTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static TimeDisplayTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_console_writes_times_with_the_year_in_24_hours_counts_calendar_days_and_says_speeds_in_words()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/contact-point");
        await trainer.GotoAsync(ex.TrainerLink);
        await Expect(trainer.Locator("#clock-now")).ToContainTextAsync("2026");

        // The formatting the whole console uses, from its own module.
        var formatted = await trainer.EvaluateAsync<string[]>("""
            async () => {
              const f = await import("/js/format.js");
              const bad = (() => { try { f.parseUtcInput("2026-09-07 25:00"); return "accepted"; } catch (e) { return e.message; } })();
              return [f.when("2026-09-07T12:00:00Z"), f.exerciseDay("2026-09-08T00:30:00Z", "2026-09-07T06:00:00Z"),
                f.speedText(3600), f.speedText(21600), f.speedText(90), f.speedText(1), f.parseUtcInput(" 2026-09-07 13:05 "), bad,
                f.localTime("2026-09-07T12:00:00Z", 120, "AL"), f.localTime("2026-09-07T23:30:00Z", 120, "AL"), f.localTime("2026-09-07T12:00:00Z", 0, "UK")];
            }
            """);
        Assert.Equal("Mon 07 Sep 2026 12:00", formatted[0]);
        Assert.Equal("day 2, 00:30", formatted[1]); // past midnight is the next day, though 24 hours have not passed
        Assert.Equal("1 simulated hour per second", formatted[2]);
        Assert.Equal("6 simulated hours per second", formatted[3]);
        Assert.Equal("1.5 simulated minutes per second", formatted[4]);
        Assert.Equal("real time", formatted[5]);
        Assert.Equal("2026-09-07T13:05:00Z", formatted[6]);
        Assert.Contains("write it as YYYY-MM-DD HH:MM, 24-hour, in UTC", formatted[7]);
        Assert.Equal("14:00 in AL", formatted[8]);
        Assert.Equal("Tue 01:30 in AL", formatted[9]); // the state's date is not UTC's
        Assert.Equal("", formatted[10]); // a state on UTC needs no second clock

        // The jump takes a 24-hour time; one that is not a time is refused where it was typed, and nothing moves.
        var before = (await f.ClockAsync(ex.ExerciseId)).GetProperty("now").GetString();
        await trainer.FillAsync("#jump-to", "2026-09-07 7pm");
        await trainer.ClickAsync("#jump");
        await Expect(trainer.Locator("#control-error")).ToContainTextAsync("is not a time");
        Assert.Equal(before, (await f.ClockAsync(ex.ExerciseId)).GetProperty("now").GetString());
        var start = DateTimeOffset.Parse(before!, CultureInfo.InvariantCulture);
        await trainer.FillAsync("#jump-to", start.AddHours(19).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await trainer.ClickAsync("#jump");
        await Expect(trainer.Locator("#clock-now")).ToContainTextAsync($"{start.AddHours(19).UtcDateTime:HH:mm} UTC · day 2");

        // A seat reads its state's own clock beside UTC (Aldoria is two hours ahead).
        var seat = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await seat.GotoAsync(ex.Links["AL/contact-point"]);
        await Expect(seat.Locator("#clock-now")).ToContainTextAsync($"{start.AddHours(19).UtcDateTime:HH:mm} UTC ({start.AddHours(21).UtcDateTime:HH:mm} in AL) · day 2");

        // The speed reads in words, in the header and the control.
        await trainer.Locator("#speed").SelectOptionAsync("21600");
        await trainer.ClickAsync("#clock-start");
        await Expect(trainer.Locator("#clock-speed")).ToHaveTextAsync("6 simulated hours per second");
        await trainer.ClickAsync("#clock-pause");
        Assert.Empty(_pageErrors);
    }
}
