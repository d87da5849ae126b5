using System.Globalization;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Seats talk and answer (issue 12, items 2 and 3): the investigator refers the hospital's report to the prosecutor,
/// whose Art. 29 request it is, answers the hospital, and calls the prosecutor; the prosecutor replies; the trainer
/// writes as the press; the trainer sees all of it, and downloads it beside the record.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CommunicationsTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static CommunicationsTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_trainee_refers_answers_and_writes_a_colleague_replies_and_the_trainer_sees_and_exports_it_all()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL"));
        await trainer.GotoAsync(ex.TrainerLink);
        var investigator = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await investigator.GotoAsync(ex.Links["AL/investigator"] + "&name=Ana%20Ruiz"); // as the start page's name field sends it
        await Expect(trainer.Locator("#presence tr[data-who='AL/investigator'] [data-names]")).ToHaveTextAsync("Ana Ruiz");
        var prosecutor = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/prosecutor");
        await prosecutor.GotoAsync(ex.Links["AL/prosecutor"]);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7));

        // The report is the investigator's alone; it hands it to the prosecutor, whose request it is.
        var report = investigator.Locator("#feed [data-inject='hospital-report']");
        await Expect(report).ToBeVisibleAsync();
        await Expect(prosecutor.Locator("#feed [data-inject='hospital-report']")).ToHaveCountAsync(0);
        await report.Locator("button[data-refer]").ClickAsync();
        await investigator.SelectOptionAsync("#refer-to", "AL/prosecutor");
        await investigator.FillAsync("#refer-note", "The Art. 29 request to Belmark is yours to issue");
        await investigator.ClickAsync("#dialog-ok");
        var referred = prosecutor.Locator("#feed [data-inject='hospital-report']");
        await Expect(referred).ToContainTextAsync("Referred by AL/investigator: The Art. 29 request to Belmark is yours to issue");
        await Expect(referred).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bunread\b"));

        // The hospital asked whether it may rebuild: the investigator answers on the record.
        await report.Locator("button[data-answer]").ClickAsync();
        await investigator.SelectOptionAsync("#answer-inject-kind", "decision");
        await investigator.FillAsync("#answer-inject-text", "Keep the disk images of the encrypted servers, then rebuild from clean media.");
        await investigator.ClickAsync("#dialog-ok");
        await Expect(report.Locator(".pill.ok")).ToHaveTextAsync("answered");
        await Expect(report).ToContainTextAsync("Your decision");

        // A call to the prosecutor: it arrives at once, marked new, and the prosecutor replies on the same channel.
        await investigator.ClickAsync("#write-message");
        await investigator.FillAsync("#message-to", "AL/prosecutor");
        await investigator.DispatchEventAsync("#message-to", "change");
        await Expect(investigator.Locator("#message-channel")).ToHaveValueAsync("phone");
        await investigator.FillAsync("#message-subject", "Hostbay");
        await investigator.FillAsync("#message-text", "Can you sign the Art. 29 request this morning?");
        await investigator.ClickAsync("#dialog-ok");
        await Expect(investigator.Locator("#messages [data-direction='out']")).ToContainTextAsync("Reached AL/prosecutor");
        var call = prosecutor.Locator("#messages [data-direction='in']");
        await Expect(call).ToContainTextAsync("Can you sign the Art. 29 request this morning?");
        await Expect(prosecutor.Locator("#mail-unread")).ToHaveTextAsync("1 new");
        await call.Locator("button[data-reply]").ClickAsync();
        await Expect(prosecutor.Locator("#message-subject")).ToHaveValueAsync("Re: Hostbay");
        await prosecutor.FillAsync("#message-text", "Yes, it goes out within the hour.");
        await prosecutor.ClickAsync("#dialog-ok");
        await Expect(prosecutor.Locator("#mail-unread")).ToBeHiddenAsync();
        await Expect(investigator.Locator("#messages [data-direction='in']")).ToContainTextAsync("Yes, it goes out within the hour.");

        // The trainer writes as the press; the prosecutor sees who it is from, not that the trainer wrote it.
        await trainer.ClickAsync("#write-as-cell");
        await trainer.FillAsync("#cell-from", "Castrel Courier newsdesk");
        await trainer.SelectOptionAsync("#cell-to", "AL/prosecutor");
        await trainer.SelectOptionAsync("#cell-channel", "phone");
        await trainer.FillAsync("#cell-text", "Was patient data stolen?");
        await trainer.ClickAsync("#dialog-ok");
        var press = prosecutor.Locator("#messages [data-direction='in']", new() { HasText = "Was patient data stolen?" });
        await Expect(press).ToContainTextAsync("From Castrel Courier newsdesk");
        await Expect(press.Locator("button[data-reply]")).ToHaveCountAsync(0); // an outside actor has no desk to write back to
        await Expect(investigator.Locator("#messages")).Not.ToContainTextAsync("Was patient data stolen?");

        var log = trainer.Locator("#communications-list");
        await Expect(log.Locator("li")).ToHaveCountAsync(5); // three messages, a referral, an answer
        await Expect(log).ToContainTextAsync("simulation cell");
        await Expect(log).ToContainTextAsync("AL/investigator answers hospital-report (decision)");
        await Screenshots.TakeAsync(prosecutor, "messages-seat", output);
        await Screenshots.TakeElementAsync(prosecutor.Locator("#messages"), "guide-messages", output);
        await Screenshots.TakeElementAsync(log, "guide-communications", output);

        using var http = new HttpClient { BaseAddress = f.Address };
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/communications.csv");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var csv = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.StartsWith("kind,id,at,from,to,channel,subject,text,about,inReplyTo,reachedAt,fromSimulationCell", csv);
        Assert.Contains("response,resp-001,", csv);
        Assert.Contains("Castrel Courier newsdesk", csv);
        Assert.Empty(_pageErrors);
    }
}
