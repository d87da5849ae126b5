using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>What the start page hands a trainer after creating an exercise: its id, key and one link per seat.</summary>
public sealed record CreatedExercise(string ExerciseId, string TrainerKey, string TrainerLink, IReadOnlyDictionary<string, string> Links);

public static class StartPage
{
    /// <summary>
    /// Every office of a state, for a test whose trainees alone decide for it (the engine plays the offices no
    /// trainee holds: a test seating one office of Aldoria would see the policy send requests beside it).
    /// </summary>
    public static string[] EveryOffice(string state) =>
        [.. new[] { "investigator", "prosecutor", "judge", "contact-point", "central-authority" }.Select(r => $"{state}/{r}")];

    /// <summary>Creates an exercise from the reference scenario on the start page, with trainees in the given seats only.</summary>
    public static Task<CreatedExercise> CreateAsync(IPage page, params IEnumerable<string> seats) => CreateWithPolicyAsync(page, null, seats);

    /// <summary>As <see cref="CreateAsync"/>, with the engine playing the empty seats by <paramref name="policy"/> (null: the page's default).</summary>
    public static async Task<CreatedExercise> CreateWithPolicyAsync(IPage page, string? policy, IEnumerable<string> seats, string scenario = "hospital-ransomware")
    {
        await page.GotoAsync("/");
        var card = page.Locator($"article[data-scenario='{scenario}']");
        await Expect(card).ToContainTextAsync("Countries:");
        await card.Locator("summary.setup").ClickAsync();
        if (policy is not null) await card.Locator("select[name=policy]").SelectOptionAsync(policy);
        var wanted = seats.ToHashSet();
        foreach (var box in await card.Locator("input[name=seat]").AllAsync())
            if (!wanted.Contains((await box.GetAttributeAsync("value"))!)) await box.UncheckAsync();
        await card.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#created-panel")).ToBeVisibleAsync();
        var links = new Dictionary<string, string>();
        foreach (var row in await page.Locator("#codes tr").AllAsync())
            links[(await row.GetAttributeAsync("data-seat"))!] = (await row.Locator("a").GetAttributeAsync("href"))!;
        return new CreatedExercise(
            (await page.Locator("#created-id").TextContentAsync())!,
            (await page.Locator("#trainer-key").TextContentAsync())!,
            (await page.Locator("#trainer-link").GetAttributeAsync("href"))!,
            links);
    }
}
