using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Aldoria's judge orders the negotiation mailbox's headers from Postlane, whose designated establishment is in
/// Dravonia: Dravonia is notified (REG Art. 8(1)). Dravonia's judge, the enforcing authority, finds the order in the
/// inbox with the time left to raise a ground, and raises one (REG Art. 12(1)): the order is refused.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NotificationReviewTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static NotificationReviewTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_enforcing_states_judge_raises_a_ground_against_a_notified_order_in_the_console()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/judge", "DR/judge");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(73)); // the operators answer from a Postlane mailbox at 3d

        var judge = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/judge");
        await judge.GotoAsync(ex.Links["AL/judge"]);
        await judge.Locator("#leads tr[data-evidence='mailbox-headers'] input[type=checkbox]").CheckAsync();
        await judge.SelectOptionAsync("#form-instrument", "eu-epoc");
        await judge.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await judge.FillAsync("#form-facts", "The operators negotiate the ransom from a Postlane mailbox.");
        await judge.FillAsync("#form-necessity", "The headers show from where the mailbox is used.");
        await judge.ClickAsync("#send-request");
        await Expect(judge.Locator("#request-notice")).ToContainTextAsync("Sent: req-");
        var id = Regex.Match(await judge.Locator("#request-notice").InnerTextAsync(), @"Sent: (req-\d+)").Groups[1].Value;
        await TrainerClock.JumpAsync(trainer, start.AddHours(78)); // received, and Dravonia notified

        var enforcing = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "DR/judge");
        await enforcing.GotoAsync(ex.Links["DR/judge"]);
        var card = enforcing.Locator($"#inbox article[data-request='{id}']");
        await Expect(card.Locator("[data-notification='open']")).ToContainTextAsync("DR/judge may raise a ground until");
        await card.Locator("button[data-review-notification]").ClickAsync();
        await Expect(enforcing.Locator("dialog#dialog[open]")).ToContainTextAsync("REG Arts. 8(1) and 12(1)");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(enforcing));
        await enforcing.SelectOptionAsync("#notification-ground", "immunities-privileges");
        await enforcing.FillAsync("#notification-reason", "The mailbox belongs to a journalist; press freedom protects it here.");
        await enforcing.ClickAsync("#dialog-ok");
        await Expect(enforcing.Locator("dialog#dialog:not([open])")).ToHaveCountAsync(1);

        await Expect(card.Locator("[data-notification='objected']")).ToContainTextAsync("DR/judge raised a ground: immunities-privileges");
        await Expect(card.Locator("button[data-review-notification]")).ToHaveCountAsync(0);
        var row = judge.Locator($"#outgoing tr[data-request='{id}']");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("refused");
        Assert.Empty(_pageErrors);
    }
}
