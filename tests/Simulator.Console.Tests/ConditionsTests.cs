using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Conditions attached case by case at the table (docs/safeguards.md): in sextortion-threat-to-life, Estrava's 24/7
/// contact point reviews Aldoria's emergency request for expedited disclosure (CETS 224 Art. 9), ticks the condition
/// that the data are not used in another investigation without its consent, approves, and the request's card says it
/// was given on conditions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConditionsTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static ConditionsTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_reviewing_seat_approves_on_a_condition_the_instrument_allows_and_the_card_shows_it()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateWithPolicyAsync(trainer, "emergency-aware", ["ES/contact-point"], "sextortion-threat-to-life");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(4)); // Aldoria's contact point asks within the first night

        var es = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "ES/contact-point");
        await es.GotoAsync(ex.Links["ES/contact-point"]);
        var card = es.Locator("#inbox article", new() { HasText = "Expedited disclosure in an emergency" }).First;
        var review = card.Locator("button[data-review]");
        for (var i = 0; i < 300 && await review.CountAsync() == 0; i++) await TrainerClock.NextEventAsync(trainer);
        await review.ClickAsync();

        // Only what the instrument lets Estrava attach is offered: use in another investigation (CETS 224 Arts. 9 and 14).
        var conditions = es.Locator("#answer-conditions input[type='checkbox']");
        await Expect(conditions).ToHaveCountAsync(1);
        await Expect(es.Locator("#answer-conditions")).ToContainTextAsync("Not to be used in another investigation without our consent (CETS 224 Art. 9");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(es)); // the review dialog with its conditions
        await es.CheckAsync("#answer-conditions input[name='other-investigation']");
        var boxes = es.Locator("#answer-checks input[type='checkbox']");
        for (var b = 0; b < await boxes.CountAsync(); b++) await boxes.Nth(b).CheckAsync();
        await es.ClickAsync("#dialog-ok");
        await Expect(es.Locator("#dialog")).Not.ToBeVisibleAsync();

        var note = card.Locator("[data-conditions]");
        await Expect(note).ToHaveAttributeAsync("data-conditions", "other-investigation");
        await Expect(note).ToContainTextAsync("not in another investigation without ES's consent");
        Assert.Empty(_pageErrors);
    }
}
