using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;

namespace Simulator.Web.Live;

/// <summary>
/// A scenario on offer: what the start page shows, and what setup needs to say who will play what: the states that
/// investigate (whose offices send the requests) and whom each inject is addressed to (a state, or one of its seats).
/// </summary>
public sealed record ScenarioSummary(string Id, string Title, string Summary, IReadOnlyList<string> Countries, IReadOnlyList<string> Seats, string Duration,
    IReadOnlyList<string> Investigating, IReadOnlyList<InjectAddress> Injects);

/// <summary>An inject of the MSEL and its recipients, for setup's warnings.</summary>
public sealed record InjectAddress(string Inject, string Title, IReadOnlyList<string> To);

/// <summary>The scenarios a trainer can pick: every valid *.yaml in the scenarios folder (configuration Simulator:Scenarios).</summary>
public sealed class ScenarioLibrary(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ScenarioLibrary> log)
{
    public string Folder { get; } = Locate(configuration["Simulator:Scenarios"], environment.ContentRootPath);

    private static string Locate(string? configured, string contentRoot)
    {
        if (configured is not null) return Path.GetFullPath(configured, contentRoot);
        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "scenarios", "schema", "scenario.schema.json")))
                    return Path.Combine(dir.FullName, "scenarios");
        return Path.Combine(contentRoot, "scenarios");
    }

    // Checking a scenario builds its world; remember each file's summary until the file changes.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, ScenarioSummary? Summary)> _checked = new();

    public IReadOnlyList<ScenarioSummary> List()
    {
        if (!Directory.Exists(Folder)) return [];
        var list = new List<ScenarioSummary>();
        foreach (var path in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (!_checked.TryGetValue(path, out var known) || known.Written != written)
                _checked[path] = known = (written, Summarise(path));
            if (known.Summary is not null) list.Add(known.Summary);
        }
        return list;
    }

    private ScenarioSummary? Summarise(string path)
    {
        try
        {
            var f = ScenarioLoader.Load(path).File;
            return new ScenarioSummary(Path.GetFileNameWithoutExtension(path), f.Title, f.Summary,
                f.Jurisdictions.Select(j => $"{j.Id} {j.Name}").ToList(),
                f.Jurisdictions.SelectMany(j => j.Seats.Select(r => $"{j.Id}/{r}")).ToList(), f.Duration,
                f.Incidents.Select(i => i.Investigating).Distinct().ToList(),
                f.Injects.Select(i => new InjectAddress(i.Id, i.Title, i.To)).ToList());
        }
        catch (FileProblemsException e)
        {
            log.LogWarning("Scenario {Path} is not offered: {Problems}", path, e.Message);
            return null;
        }
    }

    /// <summary>The text of a shipped scenario, or null. Only plain ids: no paths from clients.</summary>
    public string? Text(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsLetterOrDigit(c) || c == '-'))) return null;
        var path = Path.Combine(Folder, id + ".yaml");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
