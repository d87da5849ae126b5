using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Aldoria's judge orders the exfiltration bucket's content from Vaultloom, a US provider whose home law bars it from
/// divulging content to a foreign authority (18 USC 2702(a)). Vaultloom objects (REG Art. 17); the judge, who holds
/// the seat of Aldoria's court, finds the objection on the order, and lifts the order with the court's reasons.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConflictReviewTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static ConflictReviewTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_judge_reviews_the_addressees_objection_under_a_third_countrys_law_in_the_console()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/judge");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(25)); // forensics reveals the Vaultloom bucket at 1d

        var judge = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/judge");
        await judge.GotoAsync(ex.Links["AL/judge"]);
        await judge.Locator("#leads tr[data-evidence='exfil-bucket-content'] input[type=checkbox]").CheckAsync();
        await judge.SelectOptionAsync("#form-instrument", "eu-epoc");
        await judge.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await judge.FillAsync("#form-facts", "412 GB of patient records were uploaded to a Vaultloom bucket before encryption.");
        await judge.FillAsync("#form-necessity", "The bucket's content shows what was taken and whose records they are.");
        await judge.ClickAsync("#send-request");
        await Expect(judge.Locator("#request-notice")).ToContainTextAsync("Sent: req-");
        var id = Regex.Match(await judge.Locator("#request-notice").InnerTextAsync(), @"Sent: (req-\d+)").Groups[1].Value;
        var row = judge.Locator($"#outgoing tr[data-request='{id}']");

        await TrainerClock.JumpAsync(trainer, start.AddDays(14)); // Vaultloom objects within 10 days of receipt
        await Expect(row.Locator("[data-court='awaiting']")).ToContainTextAsync("objection: before AL/judge");
        await row.Locator("button[data-review-conflict]").ClickAsync();
        await Expect(judge.Locator("dialog#dialog[open]")).ToContainTextAsync("18 USC 2702(a)");
        // Lifting needs the court's reasons; the dialog says so and stays open.
        await judge.SelectOptionAsync("#court-decision", "lift");
        await judge.ClickAsync("#dialog-ok");
        await Expect(judge.Locator("dialog#dialog[open] p.error")).ToContainTextAsync("give the court's reasons");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(judge));
        await judge.FillAsync("#court-reason", "The patients' records are protected by US law and the account holder is in the United States.");
        await judge.ClickAsync("#dialog-ok");
        await Expect(judge.Locator("dialog#dialog:not([open])")).ToHaveCountAsync(1);

        await Expect(row.Locator("[data-court='lifted']")).ToContainTextAsync("objection: order lifted");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("refused");
        await Expect(row.Locator("button[data-review-conflict]")).ToHaveCountAsync(0);
        Assert.Empty(_pageErrors);
    }
}
