using Simulator.Web.Tests;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>
/// A server where organisers sign in (issue 15 item 6): the start page asks for the organiser's name and password,
/// then lists the exercises they create, and gives one a new trainer key. A server of its own (the shared one needs no sign-in).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OrganiserSignInTests(ServerFixture f)
{
    private readonly List<string> _pageErrors = [];

    static OrganiserSignInTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_start_page_signs_the_organiser_in_lists_their_exercises_and_gives_a_new_trainer_key()
    {
        var data = Directory.CreateTempSubdirectory("simulator-organisers-").FullName;
        var (added, said) = await ServerProcess.RunWithInputAsync("a long organiser passphrase", "add-organiser", "ana", "--Simulator:Data", data);
        Assert.True(added == 0, said);
        using var server = await ServerProcess.StartAsync(data, null, "--Simulator:SignIn:Mode", "local");

        var page = await f.Browser.NewPersonAsync(server.Address, _pageErrors, "organiser");
        await page.GotoAsync("/");
        await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await page.FillAsync("#sign-in-name", "ana");
        await page.FillAsync("#sign-in-password", "not the passphrase");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("the name or the password is wrong");
        await page.FillAsync("#sign-in-password", "a long organiser passphrase");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#organiser-name")).ToHaveTextAsync("ana");
        await Expect(page.Locator("#my-exercises")).ToContainTextAsync("None yet.");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));

        var ex = await StartPage.CreateAsync(page, "AL/contact-point");
        var row = page.Locator($"#my-exercises tr[data-exercise='{ex.ExerciseId}']");
        await Expect(row).ToContainTextAsync("hospital-ransomware");
        await row.Locator("[data-new-key]").ClickAsync();
        await Expect(row.Locator("[data-new-key]")).ToHaveTextAsync("Replace the trainer key?"); // two steps
        await row.Locator("[data-new-key]").ClickAsync();
        await Expect(row.Locator("td.mono a")).ToHaveTextAsync("trainer console");
        var key = (await row.Locator("td.mono span").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{12}$", key);
        Assert.NotEqual(ex.TrainerKey, key);

        // The exercise's id opens its trainer console by the organiser's sign-in: no key typed.
        await row.Locator("[data-open]").ClickAsync();
        await Expect(page.Locator("#title")).ToHaveTextAsync("Trainer console");
        await page.GotoAsync("/");
        await Expect(page.Locator("#organiser-name")).ToHaveTextAsync("ana");

        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#sign-in-form")).ToBeVisibleAsync();
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task The_start_page_sends_the_organiser_to_their_provider_and_back_signed_in_and_says_a_refusal()
    {
        await using var issuer = await TestIssuer.StartAsync();
        var data = Directory.CreateTempSubdirectory("simulator-oidc-").FullName;
        using var server = await ServerProcess.StartAsync(data, null,
            "--Simulator:SignIn:Mode", "oidc", "--Simulator:SignIn:Oidc:Authority", issuer.Authority,
            "--Simulator:SignIn:Oidc:ClientId", TestIssuer.ClientId, "--Simulator:SignIn:Oidc:ClientSecret", TestIssuer.ClientSecret,
            "--Simulator:SignIn:Oidc:RequireHttps", "false", "--Simulator:SignIn:Oidc:RequiredClaim", "roles=simulator-organiser",
            "--Simulator:SignIn:Oidc:DisplayName", "Ministry sign-in");

        var page = await f.Browser.NewPersonAsync(server.Address, _pageErrors, "organiser");
        await page.GotoAsync("/");
        var provider = page.Locator("#sign-in-provider-link");
        await Expect(provider).ToHaveTextAsync("Sign in with Ministry sign-in");
        await Expect(page.Locator("#sign-in-form")).ToBeHiddenAsync(); // no local passwords on this server
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await provider.ClickAsync();
        await Expect(page.Locator("#organiser-name")).ToHaveTextAsync("ana@ministry.example");
        await Expect(page.Locator("#my-exercises")).ToContainTextAsync("None yet.");
        var ex = await StartPage.CreateAsync(page, "AL/contact-point");
        await Expect(page.Locator($"#my-exercises tr[data-exercise='{ex.ExerciseId}']")).ToContainTextAsync("hospital-ransomware");

        await page.ClickAsync("#sign-out");
        issuer.Account = new("sub-carl", "carl@ministry.example"); // not given the organiser role
        await provider.ClickAsync();
        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("Not signed in: this account is not an organiser of this server");
        Assert.DoesNotContain("#", page.Url); // said once, then out of the address
        await Expect(provider).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        Assert.Empty(_pageErrors);
    }
}
