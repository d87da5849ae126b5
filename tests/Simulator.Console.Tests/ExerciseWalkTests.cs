using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The walk a trainer and two trainees in different countries take through the reference scenario, in headless
/// Chromium: every update arrives over the hub, without a reload. Screenshots of each view go to the printed folder.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ExerciseWalkTests(ServerFixture f, ITestOutputHelper output)
{
    private const string Aldoria = "AL/prosecutor", Belmark = "BE/contact-point";
    private readonly List<string> _pageErrors = [];

    static ExerciseWalkTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_trainer_and_two_trainees_secure_the_c2_logs_without_reloading()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, [.. StartPage.EveryOffice("AL"), Belmark]);
        await Screenshots.TakeAsync(trainer, "1-start-page", output);
        await Screenshots.TakeElementAsync(trainer.Locator("#created-panel"), "guide-created", output);

        await trainer.GotoAsync(ex.TrainerLink);
        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, Aldoria);
        var alCalls = HubCalls.Of(al);
        await al.GotoAsync(ex.Links[Aldoria]);
        var be = await f.Browser.NewPersonAsync(f.Address, _pageErrors, Belmark);
        await be.GotoAsync(ex.Links[Belmark]);
        await Expect(trainer.Locator("#presence tr[data-who='AL/prosecutor']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#presence tr[data-who='BE/contact-point']")).ToBeVisibleAsync();
        await Expect(al.Locator("#leads")).ToContainTextAsync("No leads yet");

        // The hospital's report at 12:00 on day 1 reveals the C2 server: the trainer jumps past it.
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await JumpAsync(trainer, start.AddHours(13));
        // The report is addressed to the investigator alone; the prosecutor's state learns of the C2 server all the same.
        await Expect(al.Locator("#feed [data-inject='hospital-report']")).ToHaveCountAsync(0);
        await Expect(al.Locator("#leads tr[data-evidence='c2-flow-logs']")).ToContainTextAsync("before deletion");

        // The advisor: which instruments reach the C2 server's logs from Aldoria, with their conditions and sources.
        await al.Locator("button[data-advise='c2-server']").ClickAsync();
        var art29 = al.Locator("#advisor article[data-instrument='budapest-art29-preservation']");
        await Expect(art29).ToContainTextAsync("you may issue");
        await Expect(art29).ToContainTextAsync("ETS185 Art. 29(1)");
        // Mutual assistance may be marked urgent while nothing has frozen the logs (Budapest Art. 31(3)(a)).
        await Expect(al.Locator("#advisor article[data-instrument='budapest-art31-mla'] [data-urgent='true']")).ToContainTextAsync("May be marked urgent");
        await Expect(al.Locator("#form-urgent")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(al, "2-seat-advisor", output);
        await Screenshots.TakeElementAsync(art29, "guide-advisor", output);

        // The request form: an incomplete template is refused with the field and the rule, then sent when complete.
        await art29.Locator("button").ClickAsync();
        await al.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#request-errors")).ToContainTextAsync("facts: give a brief summary of the facts (Budapest Art. 29(2)(b))");
        await FillParticularsAsync(al);
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#request-notice")).ToContainTextAsync("req-001");
        await Expect(al.Locator("#outgoing tr[data-request='req-001']")).ToBeVisibleAsync();

        // Belmark's contact point sees it arrive, reviews it against the rules and approves it.
        await SetSpeedAsync(trainer, "21600");
        await trainer.ClickAsync("#clock-start");
        await Expect(trainer.Locator("#clock-state")).ToHaveTextAsync("running");
        var review = be.Locator("#inbox [data-request='req-001'] button[data-review]");
        await Expect(review).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await trainer.ClickAsync("#clock-pause");
        await Expect(trainer.Locator("#clock-state")).ToHaveTextAsync("paused");
        await Expect(be.Locator("#inbox [data-request='req-001']")).ToContainTextAsync("Illegal access, system interference");
        // A foreign request is marked new until the trainee takes it up, like an inject in the feed.
        await Expect(be.Locator("#inbox [data-request='req-001']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bunread\b"));
        await Expect(be.Locator("#inbox-unread")).ToHaveTextAsync("1 new");
        await Screenshots.TakeAsync(be, "3-seat-inbox", output);
        await review.ClickAsync();
        await be.SelectOptionAsync("#answer-kind", "approve");
        // The review's checklist goes with the answer: approving with nothing confirmed is refused, and says why.
        await be.ClickAsync("#dialog-ok");
        await Expect(be.Locator("#dialog [role='alert']")).ToContainTextAsync("you have not confirmed");
        // Belmark made no Art. 29(4) reservation, so no dual-criminality ground is open to it: the review does not ask for it.
        await Expect(be.Locator("#answer-checks input[name='dual-criminality']")).ToHaveCountAsync(0);
        Assert.Empty(await Accessibility.SeriousViolationsAsync(be)); // the review dialog, open
        foreach (var check in new[] { "complete", "proportionate", "no-ground" })
            await be.CheckAsync($"#answer-checks input[name='{check}']");
        await be.ClickAsync("#dialog-ok");
        await Expect(be.Locator("#dialog")).Not.ToBeVisibleAsync();
        await Expect(be.Locator("#inbox [data-request='req-001']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bunread\b"));
        await Expect(be.Locator("#inbox-unread")).ToBeHiddenAsync();

        // The holder freezes the logs: Aldoria's lead shows them preserved, with the preservation's own countdown.
        await trainer.ClickAsync("#clock-start");
        await Expect(al.Locator("#leads tr[data-evidence='c2-flow-logs'] [data-state='preserved']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await trainer.ClickAsync("#clock-pause");
        await Expect(al.Locator("#preservations")).ToContainTextAsync("left");

        // The trainer edits a pending inject of the MSEL; the timeline shows the new title at once.
        await trainer.Locator("#msel tr[data-inject='dravonia-coordination'] button[data-edit]").ClickAsync();
        await trainer.FillAsync("#edit-title", "Dravonia's contact point calls about a similar attack");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(trainer.Locator("#msel tr[data-inject='dravonia-coordination']")).ToContainTextAsync("calls about a similar attack");

        // An on-demand inject, fired by the trainer off the timeline (it was due on day 46), reaches Aldoria's feed
        // at once, marked unread.
        await al.ClickAsync("#mark-read");
        await Expect(al.Locator("#feed .card.unread")).ToHaveCountAsync(0);
        await trainer.Locator("#msel tr[data-inject='dravonia-coordination'] button[data-fire]").ClickAsync();
        var fired = al.Locator("#feed .card.unread[data-inject='dravonia-coordination']");
        await Expect(fired).ToContainTextAsync("on demand");
        await Expect(fired).ToContainTextAsync("calls about a similar attack");
        await Expect(al.Locator("#unread-count")).ToContainTextAsync("1 new");
        await Expect(trainer.Locator("#msel tr[data-inject='dravonia-coordination'] [data-state='delivered']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#control-error")).ToBeEmptyAsync();

        // Mutual legal assistance for the preserved logs; the trainer drives the clock until they arrive.
        await al.SelectOptionAsync("#form-instrument", "budapest-art31-mla");
        await al.CheckAsync("#leads tr[data-evidence='c2-flow-logs'] input[type=checkbox]");
        await FillParticularsAsync(al);
        var callsBefore = alCalls.Count;
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#request-notice")).ToContainTextAsync("req-002");
        // One round trip per decision: the request itself. The seat's view arrives pushed, with no call to fetch it.
        await Expect(al.Locator("#outgoing tr[data-request='req-002']")).ToBeVisibleAsync();
        Assert.Equal(["SendRequestWithTemplate"], alCalls.Since(callsBefore));
        var locker = al.Locator("#locker [data-evidence='c2-flow-logs']");
        for (var jump = 0; jump < 15 && await locker.CountAsync() == 0; jump++)
        {
            var now = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
            await JumpAsync(trainer, now.AddDays(45));
        }
        await Expect(locker).ToContainTextAsync("custody verified");
        await Screenshots.TakeAsync(al, "4-seat-evidence-locker", output);

        // The procedure of the first request, drawn from the engine's machine with its state highlighted.
        await al.Locator("#outgoing tr[data-request='req-001'] button", new() { HasText = "Procedure" }).ClickAsync();
        await Expect(al.Locator("#procedure .diagram[data-machine='request'][data-current='delivered'] svg")).ToBeVisibleAsync();
        await Expect(al.Locator("#procedure .diagram[data-machine='request'] svg .current")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(al, "5-seat-procedure", output);

        // The trainer's console: every request, the charts, the objectives so far.
        await Expect(trainer.Locator("#requests tr[data-request='req-002']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#gantt svg")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#evidence-chart")).ToContainTextAsync("secured 1");
        await Expect(trainer.Locator("#objectives tr[data-objective]").First).ToBeVisibleAsync();
        await Expect(trainer.Locator("#seats tr[data-state='AL']")).ToContainTextAsync("AL/prosecutor");
        await Screenshots.TakeAsync(trainer, "6-trainer-console", output);
        await Screenshots.TakeElementAsync(trainer.Locator("#clock-controls"), "guide-clock", output);
        await Screenshots.TakeElementAsync(trainer.Locator("#seats"), "guide-seats", output);

        // Observers see the same timeline and requests, but no controls and no sealed expected actions.
        var observer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "observer");
        await observer.GotoAsync(ex.Links["observers"]);
        await Expect(observer.Locator("#requests tr[data-request='req-001']")).ToBeVisibleAsync();
        await Expect(observer.Locator("#msel tr[data-inject='hospital-report']")).ToBeVisibleAsync();
        await Expect(observer.Locator("#clock-controls")).ToHaveCountAsync(0);
        await Expect(observer.Locator("button[data-fire], button[data-edit]")).ToHaveCountAsync(0);
        await Expect(observer.Locator("#msel")).Not.ToContainTextAsync("Expected action");
        await Expect(trainer.Locator("#presence tr[data-who='observer']")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(observer, "7-observer-view", output);

        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task A_forbidden_action_from_the_page_is_refused_with_its_rule_and_changes_nothing()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, [.. StartPage.EveryOffice("AL"), Belmark]);
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await JumpAsync(trainer, start.AddHours(13));
        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, Aldoria);
        await al.GotoAsync(ex.Links[Aldoria]);
        await Expect(al.Locator("#leads tr[data-evidence='c2-flow-logs']")).ToBeVisibleAsync();
        var before = await f.JournalLinesAsync(ex.ExerciseId, ex.TrainerKey);

        // Letters rogatory are a judge's: a prosecutor's attempt is refused, naming who may issue and the source.
        await al.SelectOptionAsync("#form-instrument", "letters-rogatory");
        await al.CheckAsync("#leads tr[data-evidence='c2-flow-logs'] input[type=checkbox]");
        await FillParticularsAsync(al);
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#request-errors")).ToContainTextAsync("may not issue letters-rogatory");
        await Expect(al.Locator("#request-errors")).ToContainTextAsync("allowed: judge");
        await Expect(al.Locator("#outgoing")).ToContainTextAsync("No requests sent yet");
        await Screenshots.TakeAsync(al, "8-seat-refused-action", output);

        Assert.Equal(before, await f.JournalLinesAsync(ex.ExerciseId, ex.TrainerKey));

        // Left alone, the mailbox's login records near the end of Postlane's 30-day rotation: the seat is warned first.
        // (Not the C2 flow logs: with no request at Hostbay by day 3, Hostbay reimages the server and they are gone.
        // This test once passed on them only while the seat showed a stale view for 120 ms after each change.)
        await Expect(al.Locator("#warnings")).ToBeHiddenAsync();
        await JumpAsync(trainer, start.AddDays(27).AddHours(12));
        await Expect(al.Locator("#warnings li[data-warning^='mailbox-login-ips']")).ToContainTextAsync("deleted");
        await Screenshots.TakeAsync(al, "8b-seat-retention-warning", output);
        Assert.Empty(_pageErrors);
    }

    private static async Task JumpAsync(IPage trainer, DateTimeOffset to)
    {
        var before = await trainer.Locator("#clock-now").TextContentAsync();
        await TrainerClock.JumpAsync(trainer, to);
        await Expect(trainer.Locator("#clock-now")).Not.ToHaveTextAsync(before!);
    }

    // Hub calls from one connection are handled in order, so the next control sees the new speed.
    private static Task SetSpeedAsync(IPage trainer, string speed) => trainer.SelectOptionAsync("#speed", speed);

    private static async Task FillParticularsAsync(IPage page)
    {
        await page.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await page.FillAsync("#form-facts", "Ransomware encrypted Castrel University Hospital's systems on 7 September; it beaconed to 198.51.100.23 at Hostbay.");
        await page.FillAsync("#form-necessity", "The flow logs identify the operators' infrastructure; they are deleted after 14 days.");
    }
}
