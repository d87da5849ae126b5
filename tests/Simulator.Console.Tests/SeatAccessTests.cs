using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Each person who joins holds a token of their own (issue 15 item 5): a reload rejoins with it, the trainer sees it in
/// "Codes and people" and ends it (the console is told), issues a new code shown once, and a trainee who leaves ends theirs.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SeatAccessTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static SeatAccessTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_trainer_sees_each_person_ends_one_access_and_issues_a_new_code_and_a_trainee_leaves()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/contact-point", "AL/investigator");
        var ana = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await ana.GotoAsync(ex.Links["AL/contact-point"]);
        await Expect(ana.Locator("#leads")).ToBeVisibleAsync();
        await ana.ReloadAsync(); // rejoins with the token this browser keeps: still one person at the seat
        await Expect(ana.Locator("#leads")).ToBeVisibleAsync();
        var ivo = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await ivo.GotoAsync(ex.Links["AL/investigator"]);
        await Expect(ivo.Locator("#leads")).ToBeVisibleAsync();

        await trainer.GotoAsync(ex.TrainerLink);
        await trainer.ClickAsync("#show-codes");
        var people = trainer.Locator("#tokens-table tbody tr[data-seat='AL/contact-point']");
        await Expect(people).ToHaveCountAsync(1);
        await Expect(trainer.Locator("#codes-table tr[data-seat='AL/contact-point']")).ToContainTextAsync("shown when made");
        await Expect(trainer.Locator("#tokens-table tbody tr[data-seat='trainer']")).ToContainTextAsync("this console"); // not one to end from here

        // A new code for the seat, shown once; the old one no longer opens the exercise.
        await trainer.ClickAsync("#codes-table [data-reissue='AL/contact-point']");
        await Expect(trainer.Locator("#codes-table [data-reissue='AL/contact-point']")).ToHaveTextAsync("Replace the code?"); // two steps
        await trainer.ClickAsync("#codes-table [data-reissue='AL/contact-point']");
        var row = trainer.Locator("#codes-table tr[data-seat='AL/contact-point'] td.mono");
        await Expect(row.Locator("a")).ToHaveTextAsync("link");
        var fresh = (await row.Locator("span").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{8}$", fresh);

        // Ending Ana's access: her console is told, and stops.
        await people.Locator("[data-revoke]").ClickAsync();
        await Expect(people).ToContainTextAsync("ended");
        await Expect(ana.Locator("#connection-banner")).ToContainTextAsync("access was ended");
        await trainer.ClickAsync("#dialog-ok");

        // Ivo leaves: his token ends; the trainer sees it.
        await ivo.ClickAsync("#leave");
        await ivo.ClickAsync("#dialog-ok");
        await ivo.WaitForURLAsync(new Uri(f.Address, "/").ToString());
        await trainer.ClickAsync("#show-codes");
        await Expect(trainer.Locator("#tokens-table tbody tr[data-seat='AL/investigator']")).ToContainTextAsync("ended");
        Assert.Empty(_pageErrors);
    }
}
