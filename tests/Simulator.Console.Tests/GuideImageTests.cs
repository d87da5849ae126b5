using System.Text.RegularExpressions;

namespace Simulator.Console.Tests;

/// <summary>
/// The trainer's guide (docs/console.md) shows only images the browser tests take: each one it names is in
/// docs/images and is a <c>guide-</c> screenshot some test takes, so `SIMULATOR_DOCS_IMAGES=1 dotnet test
/// tests/Simulator.Console.Tests` refreshes every one of them; and docs/images holds nothing the guide does not show.
/// </summary>
public sealed partial class GuideImageTests
{
    [Fact]
    public void Every_image_of_the_guide_is_taken_by_a_browser_test_and_none_is_left_over()
    {
        var root = Screenshots.Root();
        var guide = File.ReadAllText(Path.Combine(root, "docs", "console.md"));
        var shown = ImageLink().Matches(guide).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(shown);
        var tests = string.Join("\n", Directory.GetFiles(Path.Combine(root, "tests", "Simulator.Console.Tests"), "*.cs").Select(File.ReadAllText));
        var taken = TakenName().Matches(tests).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var image in shown)
        {
            Assert.True(File.Exists(Path.Combine(root, "docs", "images", $"{image}.png")), $"docs/console.md shows images/{image}.png, which is not in docs/images");
            Assert.True(image.StartsWith(Screenshots.GuidePrefix, StringComparison.Ordinal) && taken.Contains(image),
                $"docs/console.md shows images/{image}.png, which no browser test takes (name a TakeElementAsync screenshot '{image}')");
        }
        var stored = Directory.GetFiles(Path.Combine(root, "docs", "images"), "*.png").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Empty(stored.Except(shown));
    }

    [GeneratedRegex(@"\]\(images/([a-z0-9-]+)\.png\)")]
    private static partial Regex ImageLink();

    [GeneratedRegex(@"TakeElementAsync\([^;]*?""(guide-[a-z0-9-]+)""")]
    private static partial Regex TakenName();
}
