using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Two offices of one state at the table (REG Art. 4(1)(b)): Aldoria's investigator orders the C2 domain's registrant
/// from Namewell by a European Production Order, which its prosecutor must validate before it goes; the prosecutor
/// finds it among the state's requests, validates it, and the order is sent.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ValidationTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static ValidationTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task An_investigators_production_order_waits_for_the_prosecutor_who_validates_it_in_the_console_and_it_is_sent()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/investigator", "AL/prosecutor");
        await trainer.GotoAsync(ex.TrainerLink);
        var start = DateTimeOffset.Parse((await f.ClockAsync(ex.ExerciseId)).GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        await TrainerClock.JumpAsync(trainer, start.AddHours(7)); // the hospital's report reveals the C2 domain at 6h

        var investigator = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/investigator");
        await investigator.GotoAsync(ex.Links["AL/investigator"]);
        await investigator.Locator("#leads tr[data-evidence='domain-registrant'] input[type=checkbox]").CheckAsync();
        await investigator.SelectOptionAsync("#form-instrument", "eu-epoc");
        await investigator.FillAsync("#form-offence", "Illegal access, system interference and extortion against a hospital");
        await investigator.FillAsync("#form-facts", "The ransomware resolved its C2 server through update-cdn-sync.example, registered at Namewell.");
        await investigator.FillAsync("#form-necessity", "The registrant's payment record and IP address identify who set up the C2 infrastructure.");
        await investigator.ClickAsync("#send-request");
        // The state's other offices, played by the engine, have requests of their own in the list: find this one by its id.
        await Expect(investigator.Locator("#request-notice")).ToContainTextAsync("validated by the prosecutor or judge of AL before it is sent");
        var id = Regex.Match(await investigator.Locator("#request-notice").InnerTextAsync(), @"Sent: (req-\d+)").Groups[1].Value;
        var row = investigator.Locator($"#outgoing tr[data-request='{id}']");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("awaiting-validation");
        await Expect(row.Locator("[data-validation='awaiting']")).ToContainTextAsync("awaiting validation by AL/prosecutor");
        await Expect(row.Locator("button[data-validate]")).ToHaveCountAsync(0); // not the investigator's to validate

        var prosecutor = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/prosecutor");
        await prosecutor.GotoAsync(ex.Links["AL/prosecutor"]);
        var validate = prosecutor.Locator($"#outgoing tr[data-request='{id}'] button[data-validate]");
        await validate.ClickAsync();
        // Refusing needs the reason; the dialog says so and stays open.
        await prosecutor.SelectOptionAsync("#validate-decision", "no");
        await prosecutor.ClickAsync("#dialog-ok");
        await Expect(prosecutor.Locator("dialog#dialog[open] p.error")).ToContainTextAsync("give the reason");
        await prosecutor.SelectOptionAsync("#validate-decision", "yes");
        await prosecutor.FillAsync("#validate-note", "Conforms to Arts. 4 and 5: subscriber data for an offence under investigation.");
        await prosecutor.ClickAsync("#dialog-ok");
        await Expect(prosecutor.Locator("dialog#dialog:not([open])")).ToHaveCountAsync(1);

        await Expect(row.Locator("[data-validation='validated']")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("sent");
        await Expect(prosecutor.Locator("#outgoing button[data-validate]")).ToHaveCountAsync(0);
        Assert.Empty(_pageErrors);
    }
}
