using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The console stays usable with twenty requests in flight: a scripted seat (a SignalR client, as another console
/// would be) sends them quickly, and the trainer's and the seat's pages keep up without a reload.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BusyExerciseTests(ServerFixture f, ITestOutputHelper output)
{
    private readonly List<string> _pageErrors = [];

    static BusyExerciseTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Twenty_requests_in_flight_show_on_the_trainer_console_and_the_seat_and_stay_workable()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, StartPage.EveryOffice("AL"));
        await trainer.GotoAsync(ex.TrainerLink);
        var al = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await al.GotoAsync(ex.Links["AL/contact-point"]);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddDays(3));
        await Expect(al.Locator("#leads tr[data-evidence='mailbox-login-ips']")).ToBeVisibleAsync();

        // A second console of the same seat, scripted: Art. 29 preservation for every item held abroad, in turn.
        var code = new Uri(new Uri(f.Address, "/"), ex.Links["AL/contact-point"]).Fragment.Split('=')[1];
        await using var script = new HubConnectionBuilder().WithUrl(new Uri(f.Address, "/hubs/exercise")).Build();
        await script.StartAsync();
        var view = await script.InvokeAsync<JsonElement>("Join", code);
        var foreign = view.GetProperty("view").GetProperty("leads").EnumerateArray()
            .SelectMany(l => l.GetProperty("evidence").EnumerateArray())
            .Where(e => e.GetProperty("holderState").GetString() != "AL" && e.GetProperty("status").GetString() == "available")
            .Select(e => e.GetProperty("evidence").GetString()!).ToList();
        Assert.NotEmpty(foreign);
        var sent = 0;
        for (var i = 0; sent < 20 && i < 200; i++)
        {
            try
            {
                await script.InvokeAsync<JsonElement>("SendRequest", "budapest-art29-preservation", new[] { foreign[i % foreign.Count] }, false, null);
                sent++;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) { } // an item this instrument cannot reach from here
        }
        Assert.Equal(20, sent);

        await Expect(trainer.Locator("#requests")).ToContainTextAsync("20 requests, 20 in flight");
        await Expect(al.Locator("#outgoing tr[data-request]")).ToHaveCountAsync(20);
        await Expect(trainer.Locator("#gantt svg")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(trainer, "10-trainer-twenty-requests", output);

        // Still workable: the procedure of the last request opens, and the clock still reaches every page.
        await al.Locator("#outgoing tr[data-request='req-020'] button", new() { HasText = "Procedure" }).ClickAsync();
        await Expect(al.Locator("#procedure .diagram[data-machine='request'] svg")).ToBeVisibleAsync();
        var before = await al.Locator("#clock-now").TextContentAsync();
        await TrainerClock.NextEventAsync(trainer);
        await Expect(al.Locator("#clock-now")).Not.ToHaveTextAsync(before!);
        await Screenshots.TakeAsync(al, "11-seat-twenty-requests", output);
        Assert.Empty(_pageErrors);
    }
}
