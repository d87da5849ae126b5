using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Every view of the console (the start page, a seat, the trainer's, the evaluator's and the observers'), with an
/// exercise under way, has no serious or critical accessibility violation (axe-core), and fits its window: nothing
/// scrolls sideways at 1440 and 1024 px, nor a seat or the trainer console at 390 px. One sweep for all views, not one per test.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AccessibilityTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static AccessibilityTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Every_view_passes_axe_core_and_fits_1440_1024_and_a_seat_and_the_trainer_390_pixels()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var problems = new List<string>();
        async Task Check(IPage page, string view, params int[] widths)
        {
            foreach (var v in await Accessibility.SeriousViolationsAsync(page)) problems.Add($"{view}: {v}");
            foreach (var width in widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.WaitForTimeoutAsync(100); // layout
                foreach (var clipped in await Accessibility.ClippedPanelsAsync(page)) problems.Add($"{view} at {width} px: panel {clipped} is wider than it is shown");
                if (await Accessibility.OverflowAsync(page) is > 0 and var extra) problems.Add($"{view} at {width} px: {extra} px wider than the window; past its edge: {await Accessibility.SticksOutAsync(page)}");
            }
            await page.SetViewportSizeAsync(1400, 1000);
        }

        await trainer.GotoAsync("/");
        await Expect(trainer.Locator("article[data-scenario='hospital-ransomware']")).ToBeVisibleAsync();
        await Check(trainer, "start page", 1440, 1024, 390);
        var ex = await StartPage.CreateAsync(trainer, "AL/investigator", "AL/contact-point", "BE/contact-point");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(13));
        await Expect(trainer.Locator("#msel tr[data-inject='hospital-report']")).ToHaveAttributeAsync("data-status", "delivered");

        var seat = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await seat.GotoAsync(ex.Links["AL/investigator"]);
        await Expect(seat.Locator("#feed [data-inject='hospital-report']")).ToBeVisibleAsync();
        await Check(seat, "seat", 1440, 1024, 390);
        await Check(trainer, "trainer console", 1440, 1024, 390);
        // Drawn wider than it is then shown (the window narrows by 40 px): its labels must not shrink with it.
        await trainer.SetViewportSizeAsync(1440, 1000);
        await trainer.WaitForTimeoutAsync(400); // the control room's debounced redraw at 1440 px
        await trainer.SetViewportSizeAsync(1400, 1000);
        Assert.True(await Accessibility.SmallestChartLabelAsync(trainer) is >= 11, $"chart labels of {await Accessibility.SmallestChartLabelAsync(trainer)} px");
        foreach (var (who, title) in new[] { ("evaluator", "Evaluator console"), ("observers", "Observer view") })
        {
            var page = await f.Browser.NewPersonAsync(f.Address, _pageErrors, who);
            await page.GotoAsync(ex.Links[who]);
            await Expect(page.Locator("#title")).ToHaveTextAsync(title);
            await Expect(page.Locator("#msel tr[data-inject='hospital-report']")).ToBeVisibleAsync();
            await Check(page, who, 1440, 1024);
        }
        output.WriteLine(string.Join("\n", problems));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(_pageErrors);
    }
}
