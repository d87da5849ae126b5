using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// The request form is the chosen instrument's form: a European Investigation Order is written on Directive 2014/41/EU
/// Annex A, whose sections name the fields; another instrument goes back to the standard template of Budapest Art. 29(2).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RequestTemplateTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static RequestTemplateTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Choosing_the_EIO_labels_the_template_as_its_Annex_A_form_does()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/prosecutor");
        var prosecutor = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/prosecutor");
        await prosecutor.GotoAsync(ex.Links["AL/prosecutor"]);
        await Expect(prosecutor.Locator("#form-instrument option[value='eu-eio']")).ToHaveCountAsync(1);

        await prosecutor.SelectOptionAsync("#form-instrument", "eu-eio");
        await Expect(prosecutor.Locator("#form-written-on")).ToHaveTextAsync("Written on the EIO form of Directive 2014/41/EU Annex A");
        await Expect(prosecutor.Locator("#label-offence")).ToHaveTextAsync("Section G: the criminal act and the applicable criminal law");
        await Expect(prosecutor.Locator("#form-offence")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"Directive 2014/41/EU Art\. 5\(1\)\(d\)"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(prosecutor));

        await prosecutor.SelectOptionAsync("#form-instrument", "budapest-art31-mla");
        await Expect(prosecutor.Locator("#label-offence")).ToHaveTextAsync("Offence");
        await Expect(prosecutor.Locator("#form-written-on")).ToHaveTextAsync("Written on the standard request template");
        // Back to the placeholder: the standard template's words again.
        await prosecutor.SelectOptionAsync("#form-instrument", "eu-eio");
        await prosecutor.SelectOptionAsync("#form-instrument", "");
        await Expect(prosecutor.Locator("#label-offence")).ToHaveTextAsync("Offence");
        await Expect(prosecutor.Locator("#form-written-on")).ToHaveTextAsync("Written on the standard request template (Budapest Art. 29(2))");
        Assert.Empty(_pageErrors);
    }
}
