using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Every office is played (issue 12, item 1): one trainee per state of the reference scenario, the engine playing
/// every other office. Aldoria's investigator refers the hospital's report to the prosecutor the engine plays,
/// Belmark's point of contact answers what reaches it, and the key evidence is secured without anyone else.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OneSeatPerStateTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static OneSeatPerStateTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task With_one_trainee_per_state_and_the_engine_playing_every_other_office_the_key_evidence_is_secured()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/investigator", "BE/contact-point", "DR/judge");
        await trainer.GotoAsync(ex.TrainerLink);
        var investigator = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await investigator.GotoAsync(ex.Links["AL/investigator"]);
        var belmark = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "BE/contact-point");
        await belmark.GotoAsync(ex.Links["BE/contact-point"]);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7));

        // The investigator cannot issue the Art. 29 request its report asks for: it refers the report to the prosecutor.
        var report = investigator.Locator("#feed [data-inject='hospital-report']");
        await report.Locator("button[data-refer]").ClickAsync();
        await Expect(investigator.Locator("#refer-to option[value='AL/prosecutor']")).ToContainTextAsync("engine");
        await investigator.SelectOptionAsync("#refer-to", "AL/prosecutor");
        await investigator.ClickAsync("#dialog-ok");

        // Belmark's trainee answers each preservation request that reaches it in the first days.
        var approved = 0;
        for (var i = 0; i < 80 && DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("now").GetString()!, CultureInfo.InvariantCulture) < start.AddDays(4); i++)
        {
            var review = belmark.Locator("#inbox button[data-review]").First;
            if (await review.CountAsync() > 0 && await review.IsVisibleAsync())
            {
                var id = await review.GetAttributeAsync("data-review");
                await review.ClickAsync();
                await belmark.SelectOptionAsync("#answer-kind", "approve");
                // The review's checklist goes with the answer: an approval confirms each check the review asks for.
                var boxes = belmark.Locator("#answer-checks input[type='checkbox']");
                await Expect(belmark.Locator("#answer-checks input[name='no-ground']")).ToBeVisibleAsync();
                for (var b = 0; b < await boxes.CountAsync(); b++) await boxes.Nth(b).CheckAsync();
                await belmark.ClickAsync("#dialog-ok");
                // The answer is taken (the dialog closes) or refused (the dialog says why): either settles it.
                var error = belmark.Locator("dialog#dialog[open] p.error:not(:empty)");
                await Expect(belmark.Locator("dialog#dialog:not([open])").Or(error)).ToHaveCountAsync(1);
                if (await error.CountAsync() > 0) Assert.Fail($"Belmark's answer was refused: {await error.InnerTextAsync()}");
                await Expect(belmark.Locator($"#inbox button[data-review='{id}']")).ToHaveCountAsync(0); // the view after the answer has come
                approved++;
                continue;
            }
            await TrainerClock.NextEventAsync(trainer);
        }
        Assert.True(approved > 0, "no preservation request reached Belmark's trainee");

        // To the end (two years: the MLA requests the engine sent take months).
        var end = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("end").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, end);
        await Expect(trainer.Locator("#clock-state")).ToHaveTextAsync("ended");
        using var http = new HttpClient { BaseAddress = f.Address };
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/exercises/{ex.ExerciseId}/outcome");
        request.Headers.Add("X-Exercise-Key", ex.TrainerKey);
        var outcome = JsonDocument.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var items = outcome.GetProperty("evidence").EnumerateArray().ToDictionary(i => i.GetProperty("evidence").GetString()!, i => i.GetProperty("status").GetString());
        output.WriteLine(string.Join(", ", items.Select(i => $"{i.Key}: {i.Value}")));
        Assert.Contains(items["c2-flow-logs"], new[] { "preserved", "secured" }); // frozen in time through Belmark's trainee
        foreach (var key in new[] { "cloud-access-logs", "mailbox-login-ips", "vpn-session-logs", "isp-ip-assignment" })
            Assert.Equal("secured", items[key]); // requested by the offices the engine plays for Aldoria
        Assert.Empty(_pageErrors);
    }
}
