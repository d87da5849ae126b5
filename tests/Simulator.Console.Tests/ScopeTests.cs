using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The scope of a request at the table (docs/safeguards.md): Aldoria's prosecutor drafts mutual legal assistance for
/// Hostbay's flow logs, fills in what the facts support, widens the window by two months, and the form's check says
/// what Belmark's reviewer will see: over-broad, with the records it brings. Belmark's central authority narrows it
/// to the need in its review, and both sides see it narrowed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ScopeTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static ScopeTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_draft_form_warns_of_an_over_broad_scope_and_the_reviewing_seat_narrows_it_to_the_need()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/prosecutor", "BE/central-authority");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(13)); // the hospital's report reveals the C2 server at 6h

        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/prosecutor");
        await al.GotoAsync(ex.Links["AL/prosecutor"]);
        await al.Locator("#leads tr[data-evidence='c2-flow-logs'] input[type=checkbox]").CheckAsync();
        await al.SelectOptionAsync("#form-instrument", "budapest-art31-mla");
        await al.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await al.FillAsync("#form-facts", "The ransomware beaconed to 198.51.100.23, a VPS rented at Hostbay five days before the attack.");
        await al.FillAsync("#form-necessity", "The flow logs show who administered the server during the attack.");

        // What the facts support: the lead's address and its five days up to now.
        await al.ClickAsync("#scope-from-facts");
        await Expect(al.Locator("#form-identifiers")).ToHaveValueAsync("198.51.100.23");
        await Expect(al.Locator("#form-from")).ToHaveValueAsync(start.AddDays(-5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await Expect(al.Locator("#request-scope")).ToHaveAttributeAsync("data-scope", "within");

        // Two months back instead: the check says what the reviewer will see.
        await al.FillAsync("#form-from", start.AddDays(-60).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await al.ClickAsync("#check-request");
        var note = al.Locator("#request-scope");
        await Expect(note).ToHaveAttributeAsync("data-scope", "over-broad");
        await Expect(note).ToContainTextAsync("window: it starts 55d before the period the facts support for c2-server");
        await Expect(note).ToContainTextAsync("of third parties");
        await Expect(note).ToContainTextAsync("may narrow it to the need (ETS185 Art. 25(4)");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(al)); // the form with its scope note
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#request-notice")).ToContainTextAsync("Sent:");
        var id = Regex.Match(await al.Locator("#request-notice").InnerTextAsync(), @"Sent: (req-\d+)").Groups[1].Value;
        await Expect(al.Locator($"#outgoing tr[data-request='{id}']")).ToContainTextAsync("over-broad");

        // Belmark's central authority takes it up when its turn comes, sees the over-breadth and narrows it.
        var be = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "BE/central-authority");
        await be.GotoAsync(ex.Links["BE/central-authority"]);
        var review = be.Locator($"#inbox [data-request='{id}'] button[data-review]");
        for (var i = 0; i < 300 && await review.CountAsync() == 0; i++) await TrainerClock.NextEventAsync(trainer);
        await Expect(be.Locator($"#inbox [data-request='{id}'] .scope-note")).ToContainTextAsync("over-broad");
        await review.ClickAsync();
        await be.SelectOptionAsync("#answer-kind", "narrow");
        var boxes = be.Locator("#answer-checks input[type='checkbox']:not([name='proportionate'])");
        for (var b = 0; b < await boxes.CountAsync(); b++) await boxes.Nth(b).CheckAsync();
        await be.ClickAsync("#dialog-ok");
        await Expect(be.Locator("#dialog")).Not.ToBeVisibleAsync();
        await Expect(be.Locator($"#inbox [data-request='{id}'] .scope-note")).ToContainTextAsync("narrowed");
        await Expect(al.Locator($"#outgoing tr[data-request='{id}']")).ToContainTextAsync("narrowed");
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task The_evidence_locker_warns_of_items_the_trial_would_leave_open_to_challenge()
    {
        // Aldoria's other offices are played by the engine asking every holder for every record it keeps.
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateWithPolicyAsync(trainer, "everything-fastest", ["AL/investigator"]);
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddDays(40)); // the EU production orders have delivered by then

        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await al.GotoAsync(ex.Links["AL/investigator"]);
        var challenged = al.Locator("#locker [data-admissibility='admissible-under-challenge']");
        await Expect(challenged.First).ToBeVisibleAsync();
        await Expect(challenged.First).ToHaveTextAsync("at trial: open to challenge");
        await Expect(al.Locator("#locker article").Filter(new() { Has = al.Locator("[data-admissibility='admissible-under-challenge']") }).First)
            .ToContainTextAsync("records beyond what the facts support");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(al)); // the locker with its warnings

        // The trainer watches the same in the control room's rights panel, and each over-broad request in the list.
        await Expect(trainer.Locator("#rights tr[data-rights='over-broad'] .pill")).Not.ToHaveTextAsync("0");
        await Expect(trainer.Locator("#rights tr[data-rights='under-challenge'] .pill")).Not.ToHaveTextAsync("0");
        await Expect(trainer.Locator("#rights tr[data-rights='under-challenge']")).ToContainTextAsync("-");
        await Expect(trainer.Locator("#requests tr .pill.bad", new() { HasText = "over-broad" }).First).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(trainer));
        Assert.Empty(_pageErrors);
    }
}
