using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>The trainer's controls that cannot be undone ask first: a long jump says what will be lost, and ending the exercise is confirmed.</summary>
[Collection(ServerCollection.Name)]
public sealed class TrainerControlTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static TrainerControlTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_long_jump_lists_what_it_will_lose_and_waits_and_the_end_of_the_exercise_is_confirmed_and_final()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL")); // trainees who do nothing: nothing is preserved
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(13)); // less than a day: no question; the C2 lead is known by now
        await Expect(trainer.Locator("#clock-now")).ToContainTextAsync("19:00 UTC");
        // The view the jump left (pushed just after its events) has the hospital's report, which revealed the C2 server.
        await Expect(trainer.Locator("#msel tr[data-inject='hospital-report']")).ToHaveAttributeAsync("data-status", "delivered");

        // Twenty days on: the console asks first, naming the C2 flow logs that Hostbay's rotation deletes on the way.
        await trainer.FillAsync("#jump-to", start.AddDays(20).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await trainer.ClickAsync("#jump");
        var dialog = trainer.Locator("dialog#dialog[open]");
        await Expect(dialog).ToContainTextAsync("Jump to");
        await Expect(dialog.Locator("#jump-losses")).ToContainTextAsync("c2-flow-logs");
        await dialog.Locator("button:text('Cancel')").ClickAsync();
        await Expect(trainer.Locator("#clock-now")).ToContainTextAsync("19:00 UTC"); // cancelled: the clock did not move
        Assert.Equal(start.AddHours(13), DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("now").GetString()!, CultureInfo.InvariantCulture));

        // Ending: confirmed, with a reason the journal keeps; then the clock is ended and cannot be started again.
        await trainer.ClickAsync("#end-exercise");
        await Expect(dialog).ToContainTextAsync("End the exercise?");
        await trainer.FillAsync("#end-reason", "the hot wash starts");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(trainer.Locator("#clock-state")).ToHaveTextAsync("ended");
        Assert.True((await f.ClockAsync(ex.ExerciseId)).GetProperty("ended").GetBoolean());
        Assert.Contains("ended by the trainer: the hot wash starts", await f.JournalTextAsync(ex.ExerciseId, ex.TrainerKey));
        await trainer.ClickAsync("#clock-start");
        await Expect(trainer.Locator("#control-error")).ToContainTextAsync("the exercise has ended");
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task The_trainer_adds_an_inject_live_and_edits_who_receives_one_and_what_it_expects()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL"));
        await trainer.GotoAsync(ex.TrainerLink);
        var investigator = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await investigator.GotoAsync(ex.Links["AL/investigator"]);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7));

        await trainer.ClickAsync("#add-inject");
        await trainer.FillAsync("#add-title", "The hospital asks again");
        await trainer.FillAsync("#add-text", "May we rebuild the encrypted servers now?");
        await trainer.FillAsync("#add-to", "AL/investigator");
        await trainer.FillAsync("#add-expected", "Answer the hospital the same hour");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(trainer.Locator("#msel tr[data-inject='adhoc-001']")).ToHaveAttributeAsync("data-status", "delivered");
        await Expect(investigator.Locator("#feed [data-inject='adhoc-001']")).ToContainTextAsync("May we rebuild the encrypted servers now?");

        // The trainer looks at the investigator's screen: what the seat sees, kept up to date, and read only.
        var link = trainer.Locator("#seats a[data-watch='AL/investigator']");
        await Expect(link).ToBeVisibleAsync();
        var watch = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer watching");
        await watch.GotoAsync((await link.GetAttributeAsync("href"))!);
        await Expect(watch.Locator("#title")).ToHaveTextAsync("AL/investigator's screen (read only)");
        await Expect(watch.Locator("#feed [data-inject='adhoc-001']")).ToBeVisibleAsync();
        await Expect(watch.Locator("#feed [data-inject='press-inquiry']")).ToHaveCountAsync(0);
        await watch.Locator("#feed [data-inject='adhoc-001'] button[data-answer]").ClickAsync();
        await watch.FillAsync("#answer-inject-text", "The trainer tries to answer");
        await watch.ClickAsync("#dialog-ok");
        await Expect(watch.Locator("dialog#dialog[open] .error")).ToContainTextAsync("does not act for a seat");
        await watch.Locator("dialog#dialog[open] button:text('Cancel')").ClickAsync();

        // The press inquiry goes to the investigator instead of the prosecutor, with a new expected action.
        await trainer.Locator("#msel tr[data-inject='press-inquiry'] button[data-edit]").ClickAsync();
        await trainer.FillAsync("#edit-to", "AL/investigator");
        await trainer.FillAsync("#edit-expected", "Refer the press to the prosecutor's spokesperson");
        await trainer.ClickAsync("#dialog-ok");
        var row = trainer.Locator("#msel tr[data-inject='press-inquiry']");
        await Expect(row).ToContainTextAsync("Refer the press to the prosecutor's spokesperson");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("AL/investigator");
        await TrainerClock.JumpAsync(trainer, start.AddHours(53)); // the press inquiry now reaches the investigator, on the watched screen too
        await Expect(watch.Locator("#feed [data-inject='press-inquiry']")).ToBeVisibleAsync();

        // The trainer hands the investigator's seat to the engine, live, and gives it back.
        await Expect(investigator.Locator("#played-by-engine")).ToBeHiddenAsync();
        await trainer.Locator("#seats button[data-hand-over='AL/investigator']").ClickAsync();
        await Expect(investigator.Locator("#played-by-engine")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#seats [data-handed-over='AL/investigator']")).ToContainTextAsync("engine plays it for now");
        await trainer.Locator("#seats button[data-give-back='AL/investigator']").ClickAsync();
        await Expect(investigator.Locator("#played-by-engine")).ToBeHiddenAsync();
        await Expect(trainer.Locator("#seats button[data-hand-over='AL/investigator']")).ToBeVisibleAsync();
        Assert.Empty(_pageErrors);
    }
}
