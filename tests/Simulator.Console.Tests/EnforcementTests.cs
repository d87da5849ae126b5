using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// A provider's duties at the table (docs/safeguards.md, provider duties): in simultaneous-ten-states Postvale Mail,
/// answering ten states at once, lets the 10 days of Ostrevia's European Production Order pass. The engine plays
/// Ostrevia's judge until the order is sent; given back, the judge sees the order in default, asks Sargovia's enforcing
/// authority to enforce it, and follows it to the answer, then records why it delays telling the person whose data came in;
/// the trainer's rights panel lists the order in default and the person not yet told.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnforcementTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static EnforcementTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_judge_sees_the_order_in_default_asks_for_enforcement_and_the_trainer_sees_it_counted()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateWithPolicyAsync(trainer, "direct-orders-first", ["OS/judge"], "simultaneous-ten-states");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await trainer.Locator("#seats button[data-hand-over='OS/judge']").ClickAsync();
        await Expect(trainer.Locator("#seats [data-handed-over='OS/judge']")).ToBeVisibleAsync();
        await TrainerClock.JumpAsync(trainer, start.AddDays(8)); // the engine, as the judge, has sent the order to Postvale (seed 1: day 2)
        await trainer.Locator("#seats button[data-give-back='OS/judge']").ClickAsync();
        await Expect(trainer.Locator("#seats button[data-hand-over='OS/judge']")).ToBeVisibleAsync();

        var judge = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "OS/judge");
        await judge.GotoAsync(ex.Links["OS/judge"]);
        var order = judge.Locator("#outgoing tr[data-request='req-007']");
        await Expect(order).ToContainTextAsync("European Production Order");
        await Expect(order.Locator("[data-enforcement]")).ToHaveCountAsync(0);
        await TrainerClock.JumpAsync(trainer, start.AddDays(15)); // past the 10 days from Postvale's receipt
        await Expect(order.Locator("[data-enforcement='in-default']")).ToContainTextAsync("let the deadline pass without answering");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(judge));
        await Expect(trainer.Locator("#rights tr[data-rights='in-default']")).ToContainTextAsync("req-007");

        await order.Locator("button[data-enforce='req-007']").ClickAsync();
        await Expect(order.Locator("[data-enforcement='requested']")).ToContainTextAsync("SG's enforcing authority, which decides by");
        await Expect(order.Locator("button[data-enforce]")).ToHaveCountAsync(0);
        await TrainerClock.JumpAsync(trainer, start.AddDays(40));
        await Expect(order.Locator("[data-enforcement='complied']")).ToBeVisibleAsync();
        await Expect(order).ToContainTextAsync("delivered");

        // The data came in: the judge is to tell the person whose data they are, or record why it delays (REG Art. 13).
        await Expect(order.Locator("[data-informing='due']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#rights tr[data-rights='not-informed']")).ToContainTextAsync("req-007");
        await order.Locator("button[data-delay-informing='req-007']").ClickAsync();
        await judge.FillAsync("#delay-informing-reason", "the account holder is the suspect and would be warned");
        await judge.ClickAsync("#dialog-ok");
        await Expect(order.Locator("[data-informing='delayed']")).ToContainTextAsync("reasons: the account holder is the suspect and would be warned");
        await Expect(trainer.Locator("#rights tr[data-rights='not-informed']")).Not.ToContainTextAsync("req-007");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(judge));
        Assert.Empty(_pageErrors);
    }
}
