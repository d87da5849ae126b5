using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The trainer's debrief in the browser: step through the timeline to a trainee's decision, branch from there with a
/// policy taking the seats over, read the comparison with what happened, and download the exercise record.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DebriefTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static DebriefTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_trainer_steps_to_a_decision_branches_from_it_and_downloads_the_record()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL"));
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(13));

        // The trainee (scripted, as another console would be) preserves the command server's logs.
        var code = new Uri(new Uri(f.Address, "/"), ex.Links["AL/contact-point"]).Fragment.Split('=')[1];
        await using (var seat = new HubConnectionBuilder().WithUrl(new Uri(f.Address, "/hubs/exercise")).Build())
        {
            await seat.StartAsync();
            await seat.InvokeAsync<JsonElement>("Join", code);
            await seat.InvokeAsync<JsonElement>("SendRequest", "budapest-art29-preservation", new[] { "c2-flow-logs", "c2-disk-image" }, false, null);
        }
        await TrainerClock.JumpAsync(trainer, start.AddDays(20));
        await Expect(trainer.Locator("#requests")).ToContainTextAsync("req-001");

        await trainer.ClickAsync("#timeline-load");
        await Expect(trainer.Locator("#timeline-current")).ToBeVisibleAsync();
        await trainer.ClickAsync("#timeline-first");
        await Expect(trainer.Locator("#timeline-current")).ToContainTextAsync("exercise hospital-ransomware starts");
        await trainer.ClickAsync("#timeline-next-decision");
        await Expect(trainer.Locator("#timeline-current")).ToContainTextAsync("AL/contact-point decides: send-request req-001 (budapest-art29-preservation)");
        await Expect(trainer.Locator("#timeline-state")).ToContainTextAsync("1 decision.");

        // From that decision on, the engine's mla-only policy plays Aldoria's seat: no preservation, so the logs go.
        await trainer.SelectOptionAsync("#branch-policy", "mla-only");
        await trainer.ClickAsync("#branch-play");
        await Expect(trainer.Locator("#branch-faithful")).ToContainTextAsync("repeats what happened exactly up to the hand-over");
        await Expect(trainer.Locator("#branch-summary")).ToContainTextAsync("what happened");
        await Expect(trainer.Locator("#branch-items tr[data-evidence='c2-flow-logs']")).ToContainTextAsync("preserved");
        await Screenshots.TakeAsync(trainer, "13-trainer-debrief-branch", output);
        await trainer.Locator("#debrief").ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "13-trainer-debrief-panel.png") });

        // And under an overlay instead: the trainee's decision is replayed in the changed world.
        await trainer.SelectOptionAsync("#branch-policy", "");
        await trainer.SelectOptionAsync("#branch-overlay", "hostbay-keeps-logs-longer");
        await trainer.ClickAsync("#branch-play");
        await Expect(trainer.Locator("#branch-result")).ToContainTextAsync("hostbay keeps traffic data 180d: 14d → 180d");

        var download = await trainer.RunAndWaitForDownloadAsync(() => trainer.ClickAsync("#download-record"));
        Assert.Equal($"{ex.ExerciseId}-record.json", download.SuggestedFilename);
        var file = await download.PathAsync();
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("exercise-record/2", record.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, record.RootElement.GetProperty("decisions").GetArrayLength());

        // The exercise ends; the reports are final, and the after-action report opens and prints as a page of its own.
        var end = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("end").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, end);
        await Expect(trainer.Locator("#debrief-ended")).ToContainTextAsync("The exercise has ended");
        var aar = await trainer.RunAndWaitForDownloadAsync(() => trainer.ClickAsync("#download-aar"));
        Assert.Equal($"{ex.ExerciseId}-after-action-report.html", aar.SuggestedFilename);
        var html = await File.ReadAllTextAsync((await aar.PathAsync())!);
        Assert.Contains("After-Action Report / Improvement Plan", html);
        Assert.Contains("Improvement plan", html);
        Assert.Contains("c2-flow-logs", html);
        Assert.DoesNotContain("provisional", html.Split("<main", 2)[^1], StringComparison.OrdinalIgnoreCase);
        var reader = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "reader");
        await reader.SetContentAsync(html);
        await Expect(reader.Locator("h1")).ToBeVisibleAsync();
        Assert.True(await reader.Locator("svg").CountAsync() >= 2, "the request timeline and the evidence chart");
        await Screenshots.TakeAsync(reader, "14-after-action-report", output);
        var pdf = await reader.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8));
        File.WriteAllBytes(Path.Combine(Screenshots.Folder, "14-after-action-report.pdf"), pdf);
        var transparency = await trainer.RunAndWaitForDownloadAsync(() => trainer.ClickAsync("#download-transparency"));
        Assert.Contains("budapest-art29-preservation", await File.ReadAllTextAsync((await transparency.PathAsync())!));
        Assert.Empty(_pageErrors);
    }
}
