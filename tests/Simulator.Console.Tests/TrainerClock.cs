using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Simulator.Console.Tests;

/// <summary>The trainer's clock controls as a trainer uses them, confirming a long jump when the console asks.</summary>
public static class TrainerClock
{
    /// <summary>Types the time (24-hour UTC) and jumps; a jump of more than a day, or to the end, is confirmed in the dialog it opens.</summary>
    public static async Task JumpAsync(IPage trainer, DateTimeOffset to)
    {
        await trainer.FillAsync("#jump-to", to.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await trainer.ClickAsync("#jump");
        await ConfirmIfAskedAsync(trainer);
    }

    public static async Task NextEventAsync(IPage trainer)
    {
        await trainer.ClickAsync("#next-event");
        await ConfirmIfAskedAsync(trainer);
    }

    // The click handler opens the dialog before the click returns, so what is open now is what the jump asked.
    private static async Task ConfirmIfAskedAsync(IPage trainer)
    {
        var dialog = trainer.Locator("dialog#dialog[open]");
        if (await dialog.CountAsync() == 0) return;
        await Expect(dialog).ToContainTextAsync("Jump to");
        await trainer.ClickAsync("#dialog-ok");
        await Expect(trainer.Locator("dialog#dialog[open]")).ToHaveCountAsync(0);
    }
}
