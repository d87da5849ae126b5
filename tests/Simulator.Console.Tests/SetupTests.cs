using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>Setting up an exercise says who will play each office, and warns of what nobody will do, before it is created.</summary>
[Collection(ServerCollection.Name)]
public sealed class SetupTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static SetupTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Setup_shows_who_plays_each_office_and_warns_of_injects_and_offices_nobody_plays()
    {
        var page = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        await page.GotoAsync("/");
        var card = page.Locator("article[data-scenario='hospital-ransomware']");
        await card.Locator("summary.setup").ClickAsync();
        foreach (var box in await card.Locator("input[name=seat]").AllAsync())
            if (await box.GetAttributeAsync("value") != "AL/investigator") await box.UncheckAsync();
        await card.Locator("details:has(> summary:text('Who plays each office')) > summary").ClickAsync();

        // Only the investigator is seated: the engine's policy plays Aldoria's other offices and every other state.
        var offices = card.Locator("[data-offices]");
        await Expect(offices.Locator("[data-office='AL/investigator']")).ToHaveAttributeAsync("data-played-by", "trainee");
        await Expect(offices.Locator("[data-office='AL/prosecutor']")).ToContainTextAsync("engine (preserve-then-mla)");
        await Expect(offices.Locator("[data-office='BE/contact-point']")).ToContainTextAsync("engine (preserve-then-mla)");
        // An inject to the prosecutor alone: nobody holds that office, so nobody at the table reads it.
        var warnings = card.Locator("[data-warnings]");
        await Expect(warnings).ToContainTextAsync("is addressed to AL/prosecutor, whom no trainee plays");
        // The first inject expects an Art. 29 request, which the investigator may not issue: it will have to refer it.
        await Expect(warnings).ToContainTextAsync("The inject “Hospital reports the attack” goes to AL/investigator, who may not issue budapest-art29-preservation; the offices that may are AL/prosecutor (played by the engine), AL/contact-point (played by the engine): the trainees will have to refer it.");

        // With nobody for the empty offices, setup says what will not be done.
        await card.Locator("select[name=policy]").SelectOptionAsync("none");
        await Expect(offices.Locator("[data-office='AL/prosecutor']")).ToHaveAttributeAsync("data-played-by", "nobody");
        await Expect(warnings).ToContainTextAsync("AL investigates, and nobody plays AL/prosecutor");
        await Expect(warnings).ToContainTextAsync("The inject “Hospital reports the attack” expects budapest-art29-preservation, which only AL/prosecutor, AL/contact-point may issue, and nobody plays them: nobody can take its expected action.");
        // The investigator may issue a European Preservation Order once its authority validates it (REG Art. 4(3)(b)),
        // and an authority validates in its own time where nobody plays it: the objective can still be met.
        await Expect(warnings).Not.ToContainTextAsync("Objective “Freeze data");
        // Seating the contact point gives the inject someone able to act on it, whom the investigator can refer it to.
        await card.Locator("input[name=seat][value='AL/contact-point']").CheckAsync();
        await Expect(warnings).ToContainTextAsync("the offices that may are AL/contact-point (a trainee): the trainees will have to refer it.");
        await Expect(warnings).Not.ToContainTextAsync("nobody can take its expected action");
        // The rules know who may issue what: with the contact point alone, an objective only offices nobody plays could meet is named.
        await card.Locator("input[name=seat][value='AL/investigator']").UncheckAsync();
        await Expect(warnings).ToContainTextAsync("Objective “Freeze data at a provider offering services in the Union with a European Preservation Order (REG Arts. 6, 11) within two days.” needs a request that only AL/investigator, AL/prosecutor, AL/judge may issue, and nobody plays them: nobody can meet it.");

        // Every office of Aldoria seated, with a policy: nothing to warn of about Aldoria.
        await card.Locator("select[name=policy]").SelectOptionAsync("preserve-then-mla");
        foreach (var box in await card.Locator("input[name=seat]").AllAsync())
            if ((await box.GetAttributeAsync("value"))!.StartsWith("AL/", StringComparison.Ordinal)) await box.CheckAsync();
        await Expect(warnings).Not.ToContainTextAsync("AL investigates");
        Assert.Empty(_pageErrors);
    }
}
