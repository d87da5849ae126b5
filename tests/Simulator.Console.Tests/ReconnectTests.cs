using System.Globalization;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The console survives the server going away: a banner says so, the page keeps trying, and when the server is back
/// (killed and restarted on the same port and data) it joins again, refreshes its view and carries on live.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReconnectTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static ReconnectTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task After_a_server_restart_the_pages_reconnect_show_the_same_state_and_update_again()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, [.. StartPage.EveryOffice("AL"), "BE/contact-point"]);
        await trainer.GotoAsync(ex.TrainerLink);
        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await al.GotoAsync(ex.Links["AL/contact-point"]);

        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(13));
        await al.Locator("button[data-advise='c2-server']").ClickAsync();
        await al.Locator("#advisor article[data-instrument='budapest-art29-preservation'] button").ClickAsync();
        await al.FillAsync("#form-offence", "Illegal access and extortion");
        await al.FillAsync("#form-facts", "Ransomware at a hospital, beaconing to Hostbay.");
        await al.FillAsync("#form-necessity", "The logs are rotated after 14 days.");
        await al.ClickAsync("#send-request");
        await Expect(al.Locator("#outgoing tr[data-request='req-001']")).ToBeVisibleAsync();
        var clockBefore = await al.Locator("#clock-now").TextContentAsync();

        f.Server.Kill();
        await Expect(al.Locator("#connection-banner")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#connection-banner")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(al, "9-seat-connection-lost", output);

        await f.RestartAsync();
        await Expect(al.Locator("#connection-banner")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(trainer.Locator("#connection-banner")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        // The same exercise, at the same simulated time, with the acknowledged request still there.
        await Expect(al.Locator("#clock-now")).ToHaveTextAsync(clockBefore!);
        await Expect(al.Locator("#outgoing tr[data-request='req-001']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#requests tr[data-request='req-001']")).ToBeVisibleAsync();
        await Expect(trainer.Locator("#presence tr[data-who='AL/contact-point']")).ToBeVisibleAsync();

        // And live again: the trainer's jump reaches the seat without a reload.
        await TrainerClock.NextEventAsync(trainer);
        await Expect(al.Locator("#clock-now")).Not.ToHaveTextAsync(clockBefore!);
        Assert.Empty(_pageErrors);
    }
}
