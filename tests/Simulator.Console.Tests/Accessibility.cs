using System.Text.Json;
using Microsoft.Playwright;

namespace Simulator.Console.Tests;

/// <summary>
/// axe-core (vendored in wwwroot/lib/axe by web/refresh-libs.sh, loaded into the page by the tests only) run on a
/// page as it stands: every serious or critical violation, with the elements it names, fails the test.
/// </summary>
public static class Accessibility
{
    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return JSON.stringify(result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.impact} ${v.id}: ${v.help}\n    ` + v.nodes.slice(0, 6).map(n => `${n.target.join(" ")} ${(n.failureSummary ?? "").split("\n").slice(1, 2).join("")}`).join("\n    ")));
        }
        """;

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/lib/axe/axe.min.js" });
        return JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string>(Run))!;
    }

    /// <summary>The innermost elements that reach past the window's right edge, for the message of a failed fit.</summary>
    public static Task<string> SticksOutAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
            && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + String(e.className).split(" ").join(".") : ""} (${Math.round(e.getBoundingClientRect().right)} px)`).join(", ")
        """);

    /// <summary>The smallest chart label as it is shown, in CSS pixels (its font size times the scale its SVG is drawn at), or null without charts.</summary>
    public static Task<double?> SmallestChartLabelAsync(IPage page) => page.EvaluateAsync<double?>("""
        async () => {
          // As shown once the window's new size has been drawn (a chart redraws in the frame its panel resizes).
          await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
          const sizes = [...document.querySelectorAll("#gantt svg text, #evidence-chart svg text")].filter(t => t.textContent.trim() && t.getBBox().width > 0)
            .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
          return sizes.length ? Math.min(...sizes) : null;
        }
        """);

    /// <summary>The panels whose content is wider than they are (cut off, or pushing past their edge), by id.</summary>
    public static Task<string[]> ClippedPanelsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll("section.panel")].filter(p => !p.hidden && p.scrollWidth > p.clientWidth + 1)
          .map(p => `${p.id} (${p.scrollWidth - p.clientWidth} px)`)
        """);

    /// <summary>How much wider than the window the page is (0 when nothing is cut off or scrolls sideways).</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
}
