using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>A seat's half-written request survives a reload (kept in the browser), and its feed is read by keyboard.</summary>
[Collection(ServerCollection.Name)]
public sealed class SeatDraftTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static SeatDraftTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_half_written_request_survives_a_reload_and_the_feed_is_read_with_the_keyboard()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL"));
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7));
        var seat = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await seat.GotoAsync(ex.Links["AL/contact-point"]);
        await Expect(seat.Locator("#leads tr[data-evidence='c2-flow-logs']")).ToBeVisibleAsync();

        await seat.Locator("#leads tr[data-evidence='c2-flow-logs'] input[type=checkbox]").CheckAsync();
        await Expect(seat.Locator("#form-instrument option[value='budapest-art29-preservation']")).ToHaveCountAsync(1);
        await seat.SelectOptionAsync("#form-instrument", "budapest-art29-preservation");
        await seat.FillAsync("#form-offence", "illegal access, system interference");
        await seat.FillAsync("#form-facts", "Ransomware at Castrel University Hospital beaconed to 198.51.100.23");
        await seat.ReloadAsync();

        await Expect(seat.Locator("#form-offence")).ToHaveValueAsync("illegal access, system interference");
        await Expect(seat.Locator("#form-facts")).ToHaveValueAsync("Ransomware at Castrel University Hospital beaconed to 198.51.100.23");
        await Expect(seat.Locator("#form-instrument")).ToHaveValueAsync("budapest-art29-preservation");
        await Expect(seat.Locator("#form-evidence [data-evidence='c2-flow-logs']")).ToBeVisibleAsync();
        await Expect(seat.Locator("#leads tr[data-evidence='c2-flow-logs'] input[type=checkbox]")).ToBeCheckedAsync();

        // The feed's cards take focus; Enter on one marks it read.
        await trainer.Locator("#msel tr[data-inject='belmark-poc-clarification'] button[data-fire]").ClickAsync();
        var card = seat.Locator("#feed .card.unread[data-inject='belmark-poc-clarification']");
        await Expect(card).ToBeVisibleAsync();
        await card.FocusAsync();
        await seat.Keyboard.PressAsync("Enter");
        await Expect(seat.Locator("#feed .card[data-inject='belmark-poc-clarification']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bunread\b"));
        Assert.Empty(_pageErrors);
    }
}
