using System.Globalization;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The evaluator's seat in the browser (issue 12, item 4): joined with its own code from the start page, it sees
/// the MSEL's expected actions and the evaluation guides, without the clock controls; it rates a critical task and
/// records an observation; after the end, the trainee and the trainer add to the hot wash, and the report has it all.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EvaluatorTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static EvaluatorTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_evaluator_rates_and_observes_and_everyone_adds_to_the_hot_wash_after_the_end()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/investigator");
        Assert.True(ex.Links.ContainsKey("evaluator"));
        await trainer.GotoAsync(ex.TrainerLink);
        var evaluator = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "evaluator");
        await evaluator.GotoAsync(ex.Links["evaluator"]);
        var seat = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await seat.GotoAsync(ex.Links["AL/investigator"]);
        await Expect(evaluator.Locator("#title")).ToHaveTextAsync("Evaluator console");
        await Expect(evaluator.Locator("#clock-controls")).ToHaveCountAsync(0);
        await Expect(evaluator.Locator("#debrief")).ToHaveCountAsync(0);

        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7));
        await Expect(evaluator.Locator("#msel tr[data-inject='hospital-report']")).ToContainTextAsync("Open the case"); // the expected action
        var task = evaluator.Locator("#evaluation tr[data-task='advise-hospital-rebuild']");
        await Expect(task).ToContainTextAsync("judged by people");
        await task.Locator("button[data-rate]").ClickAsync();
        await evaluator.SelectOptionAsync("#rate-letter", "M");
        await evaluator.FillAsync("#rate-notes", "No answer to the hospital by noon");
        await evaluator.ClickAsync("#dialog-ok");
        await Expect(task.Locator("[data-rating='M']")).ToContainTextAsync("No answer to the hospital by noon");
        await Expect(trainer.Locator("#evaluation tr[data-task='advise-hospital-rebuild'] [data-rating='M']")).ToBeVisibleAsync();

        await evaluator.ClickAsync("#observe");
        await evaluator.FillAsync("#observe-text", "The investigator read the report at once");
        await evaluator.SelectOptionAsync("#observe-task", "freeze-c2-logs");
        await evaluator.Locator("#observe-events option").First.ClickAsync();
        await evaluator.ClickAsync("#dialog-ok");
        await Expect(evaluator.Locator("#observations li")).ToContainTextAsync("The investigator read the report at once");

        // The end: the trainee's page offers the hot wash.
        await Expect(seat.Locator("#seat-hot-wash")).ToBeHiddenAsync();
        await trainer.ClickAsync("#end-exercise");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(seat.Locator("#seat-hot-wash")).ToBeVisibleAsync();
        await seat.ClickAsync("#seat-hot-wash-add");
        await seat.FillAsync("#hot-wash-strengths", "We saw the C2 lead at once");
        await seat.FillAsync("#hot-wash-improvements", "We did not know who issues an Art. 29 request");
        await seat.ClickAsync("#dialog-ok");
        await Expect(seat.Locator("#hot-wash-list tr[data-by='AL/investigator']")).ToContainTextAsync("We saw the C2 lead at once");
        await trainer.ClickAsync("#hot-wash");
        await trainer.FillAsync("#hot-wash-improvements", "Brief the seats on who issues what");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(evaluator.Locator("#hot-wash-list tr")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(evaluator, "evaluator-console", output);
        await Screenshots.TakeElementAsync(evaluator.Locator("#evaluation article").First, "guide-evaluation", output);
        await Screenshots.TakeElementAsync(seat.Locator("#seat-hot-wash"), "guide-hot-wash", output);

        using var http = new HttpClient { BaseAddress = f.Address };
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/reports/aar.html");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var html = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("No answer to the hospital by noon", html);
        Assert.Contains("Brief the seats on who issues what", html);
        Assert.Contains("The investigator read the report at once", html);
        Assert.Empty(_pageErrors);
    }
}
