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

/// <summary>
/// A fishing expedition at the table: in fishing-expedition-refused, Helvaria's law refuses a request beyond what its
/// facts support. Aldoria's prosecutor widens the window of an MLA request for Alpstake's login records, and the
/// draft's check warns that it will be refused, not narrowed; back to what the facts support, the warning goes.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FishingExpeditionDraftTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static FishingExpeditionDraftTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_draft_form_warns_that_the_requested_states_law_refuses_an_over_broad_request()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateWithPolicyAsync(trainer, null, ["AL/prosecutor"], "fishing-expedition-refused");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(2)); // the complaints reveal the Alpstake account at 1h

        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/prosecutor");
        await al.GotoAsync(ex.Links["AL/prosecutor"]);
        await al.Locator("#leads tr[data-evidence='alpstake-logins'] input[type=checkbox]").CheckAsync();
        await al.SelectOptionAsync("#form-instrument", "budapest-art31-mla");
        await al.FillAsync("#form-offence", "Computer-related fraud and money laundering: the Orchard Capital investment fraud");
        await al.FillAsync("#form-facts", "214 victims paid into Alpstake account ORC-77812 between 11 August and 24 October.");
        await al.FillAsync("#form-necessity", "The login records show from where the account was run.");
        await al.ClickAsync("#scope-from-facts");
        // The form takes what the facts support from the server: wait for it before widening the window.
        await Expect(al.Locator("#form-from")).ToHaveValueAsync(start.AddDays(-90).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await al.FillAsync("#form-from", start.AddDays(-170).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await al.ClickAsync("#check-request");
        var note = al.Locator("#request-scope");
        await Expect(note).ToHaveAttributeAsync("data-scope", "over-broad");
        await Expect(note).ToContainTextAsync("The requested state's law refuses a request beyond what its facts support, rather than narrowing it");
        await Expect(note).ToContainTextAsync("the law of HV: Helvarian Federal Act");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(al));

        await al.ClickAsync("#scope-from-facts");
        await al.ClickAsync("#check-request");
        await Expect(note).ToHaveAttributeAsync("data-scope", "within");
        await Expect(note).Not.ToContainTextAsync("refuses a request beyond");
        Assert.Empty(_pageErrors);
    }
}
