using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Purpose limitation at the table (docs/safeguards.md): in political-intrusion-refusals, Arvenia's prosecutor holds the
/// LorTel record Lorvania gave for the threats, and the intrusion case wants it. The locker says under which terms it
/// was given and that Lorvania's consent is needed; the prosecutor asks, Lorvania's central authority (the engine)
/// refuses on its political-offence ground, and using the record anyway is shown as a violation, to the seat and in
/// the trainer's rights panel.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PurposeTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static PurposeTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_locker_tells_the_terms_the_seat_asks_consent_and_a_use_without_it_is_shown_as_a_violation()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateWithPolicyAsync(trainer, "direct-orders-first", ["AV/prosecutor"], "political-intrusion-refusals");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddDays(200)); // Lorvania's answer on the threats line has come by then (seed 1: day 167)

        var av = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AV/prosecutor");
        await av.GotoAsync(ex.Links["AV/prosecutor"]);
        var item = av.Locator("#locker article[data-evidence='lortel-threat-subscriber']");
        await Expect(item.Locator("[data-terms]")).ToContainTextAsync("given by LR through");
        var wanted = item.Locator("[data-wanted='lortel-line-for-intrusion']");
        await Expect(wanted).ToContainTextAsync("Wanted: use it in parliament-intrusion.");
        await Expect(wanted).ToContainTextAsync("LR's consent is needed first");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(av)); // the locker with its terms and the wanted use

        await wanted.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Ask LR's consent" }).ClickAsync();
        var consent = av.Locator("#consents article[data-consent='consent-001']");
        await Expect(consent.Locator(".pill")).ToHaveTextAsync("asked");
        await TrainerClock.JumpAsync(trainer, start.AddDays(260)); // a central authority answers within 3 days to 6 weeks
        await Expect(consent.Locator(".pill")).ToHaveTextAsync("refused");
        await Expect(consent).ToContainTextAsync("ETS185 Art. 27(4)(a)");
        await Expect(wanted).ToContainTextAsync("Consent consent-001: refused.");

        await wanted.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "use it in parliament-intrusion without consent" }).ClickAsync();
        await Expect(item.Locator("[data-use='other-investigation:parliament-intrusion']")).ToContainTextAsync("WITHOUT the consent it needed: a violation");
        await Expect(item.Locator("[data-wanted]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Expect(trainer.Locator("#rights tr[data-rights='purpose-violations']")).ToContainTextAsync("lortel-threat-subscriber in parliament-intrusion");
        await Expect(trainer.Locator("#rights tr[data-rights='consents-refused'] .pill")).ToHaveTextAsync("1");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(av));
        Assert.Empty(_pageErrors);
    }
}
