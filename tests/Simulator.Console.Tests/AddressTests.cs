using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// Codes travel in the address's fragment (exercise.html#code=...), which the browser never sends to the server, so
/// no request log, proxy or referrer holds one (issue 15 item 5); a link of an earlier version (?code=...) still joins,
/// and its address is rewritten to the fragment at once.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AddressTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static AddressTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Seat_links_carry_the_code_in_the_fragment_and_an_old_query_link_still_joins_and_is_rewritten()
    {
        var trainer = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "trainer");
        var ex = await StartPage.CreateAsync(trainer, "AL/contact-point");
        Assert.Contains("/exercise.html#code=", ex.Links["AL/contact-point"]);
        Assert.DoesNotContain("?", ex.Links["AL/contact-point"]);
        Assert.Contains("/exercise.html#code=", ex.TrainerLink);

        var code = new Uri(new Uri(f.Address, "/"), ex.Links["AL/contact-point"]).Fragment.Split('=')[1];
        var seat = await f.Browser.NewPersonAsync(f.Address, _pageErrors, "AL/contact-point");
        await seat.GotoAsync($"/exercise.html?code={code}");
        await Expect(seat.Locator("#leads")).ToBeVisibleAsync();
        Assert.EndsWith($"/exercise.html#code={code}", seat.Url);
        Assert.Empty(_pageErrors);
    }
}
