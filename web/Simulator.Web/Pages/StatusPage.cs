using System.Net;
using System.Text;
using Simulator.Grains.Storage;
using Simulator.Web.Live;

namespace Simulator.Web.Pages;

/// <summary>A plain status page at /: the scenarios on offer and the stored exercises. The console comes next.</summary>
public static class StatusPage
{
    public static void MapStatusPage(this WebApplication app) => app.MapGet("/", async (ScenarioLibrary library, IExerciseStore store) =>
    {
        var html = new StringBuilder("<!doctype html><html lang=en><meta charset=utf-8><title>Cross-border evidence simulator</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.2rem .6rem;text-align:left}</style>");
        html.Append("<h1>Cross-border evidence simulator</h1><p>The live hub is at <code>/hubs/exercise</code> (docs/hub.md); the API at <code>/api</code> (<a href=/openapi/v1.json>OpenAPI</a>).</p>");
        html.Append("<h2>Scenarios</h2><table><tr><th>id<th>title<th>seats");
        foreach (var s in library.List())
            html.Append($"<tr><td>{E(s.Id)}<td>{E(s.Title)}<td>{E(string.Join(", ", s.Seats))}");
        html.Append("</table><h2>Exercises</h2><ul>");
        foreach (var id in await store.ExerciseIdsAsync())
            html.Append($"<li>{E(id)}");
        html.Append("</ul>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    });

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
