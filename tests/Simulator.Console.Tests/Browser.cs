using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Simulator.Console.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Never Playwright's own browser download: the executable is
/// /usr/bin/chromium (apt-get install chromium; .ci/run does it), or SIMULATOR_CHROMIUM if set. The flags keep a
/// closed network quiet: no background connections, no component updates, no sync.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public static string Executable => Environment.GetEnvironmentVariable("SIMULATOR_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"no Chromium at {Executable}: install it with 'apt-get install -y chromium' (.ci/run does)");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile, as a different person at a different laptop would have.</summary>
    public async Task<IPage> NewPersonAsync(Uri server, List<string> errors, string who)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, message) => errors.Add($"{who}: {message}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// Where the screenshots of each view go: SIMULATOR_SCREENSHOTS, or artifacts/screenshots at the repository root.
/// The tests print the folder so a reviewer can look at the views.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Create();

    private static string Create()
    {
        var folder = Environment.GetEnvironmentVariable("SIMULATOR_SCREENSHOTS") ?? Path.Combine(Root(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        System.Console.WriteLine($"screenshots: {folder}");
        return folder;
    }

    public static async Task TakeAsync(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>
    /// One panel, as docs/console.md shows it. A <c>guide-</c> screenshot is the trainer's guide's image: with
    /// SIMULATOR_DOCS_IMAGES=1 it is also written to docs/images, so the guide is refreshed by running the tests,
    /// never by copying files by hand (<see cref="GuideImageTests"/> checks each image the guide shows is one of these).
    /// </summary>
    public static async Task TakeElementAsync(ILocator element, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Folder, $"{name}.png");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
        if (name.StartsWith(GuidePrefix, StringComparison.Ordinal) && Environment.GetEnvironmentVariable("SIMULATOR_DOCS_IMAGES") == "1")
        {
            var image = Path.Combine(Root(), "docs", "images", $"{name}.png");
            File.Copy(path, image, overwrite: true);
            output.WriteLine($"guide image: {image}");
        }
    }

    public const string GuidePrefix = "guide-";

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Simulator.sln above the test folder");
    }
}
