using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Scenario;

namespace Simulator.Web.Live;

/// <summary>
/// A scenario on offer: what the start page shows, and what setup needs to say who will play what: the states that
/// investigate (whose offices send the requests) and whom each inject is addressed to (a state, or one of its seats).
/// </summary>
public sealed record ScenarioSummary(string Id, string Title, string Summary, IReadOnlyList<string> Countries, IReadOnlyList<string> Seats, string Duration,
    IReadOnlyList<string> Investigating, IReadOnlyList<InjectAddress> Injects, IReadOnlyList<ObjectiveTakers> Objectives);

/// <summary>
/// Who can take an objective's action, by the catalogue's issuers: the offices that may issue an instrument that
/// meets its measure for its evidence (a preservation or production instrument for the item's category, or the
/// named instrument), or for an answer to an inject, the offices it reaches. <see cref="TraineesOnly"/>: the engine
/// does not answer injects, so only a trainee can.
/// </summary>
public sealed record ObjectiveTakers(string Objective, string Task, IReadOnlyList<string> Offices, bool TraineesOnly);

/// <summary>
/// An inject of the MSEL and its recipients, for setup's warnings; with the instruments its expected action uses
/// (the scenario's <c>expects</c>) and, by the catalogue's issuers, the offices of the states it reaches that may
/// issue one of them (empty when it expects none).
/// </summary>
public sealed record InjectAddress(string Inject, string Title, IReadOnlyList<string> To, IReadOnlyList<string> Expects, IReadOnlyList<string> Takers);

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
            var loaded = ScenarioLoader.Load(path);
            var f = loaded.File;
            var catalogue = Simulator.Scenarios.Catalogue.CatalogueLoader.Shipped;
            return new ScenarioSummary(Path.GetFileNameWithoutExtension(path), f.Title, f.Summary,
                f.Jurisdictions.Select(j => $"{j.Id} {j.Name}").ToList(),
                f.Jurisdictions.SelectMany(j => j.Seats.Select(r => $"{j.Id}/{r}")).ToList(), f.Duration,
                f.Incidents.Select(i => i.Investigating).Distinct().ToList(),
                f.Injects.Select(i => new InjectAddress(i.Id, i.Title, i.To, i.Expects, InjectTakers(i, catalogue))).ToList(),
                Takers(WorldBuilder.Build(loaded, catalogue, 1)));
        }
        catch (FileProblemsException e)
        {
            log.LogWarning("Scenario {Path} is not offered: {Problems}", path, e.Message);
            return null;
        }
    }

    /// <summary>The offices of the states an inject reaches that may issue one of the instruments it expects, on their own or with validation.</summary>
    private static IReadOnlyList<string> InjectTakers(InjectFile inject, Simulator.Core.Catalogue.InstrumentCatalogue catalogue)
    {
        var roles = inject.Expects.SelectMany(id => catalogue.TryGet(id, out var instrument) ? instrument.AnyIssuerOrValidated() : []).Distinct().Order().ToList();
        return [.. inject.To.Select(t => t.Split('/')[0]).Distinct().SelectMany(state => roles.Select(r => Simulator.Core.Common.Names.Seat(state, r)))];
    }

    private static IReadOnlyList<ObjectiveTakers> Takers(BuiltScenario built)
    {
        var (world, catalogue) = (built.World, built.Catalogue);
        var list = new List<ObjectiveTakers>();
        foreach (var o in world.Objectives)
        {
            var m = o.Measure;
            IEnumerable<Simulator.Core.Common.AuthorityRole> roles;
            string? state;
            switch (m.Kind)
            {
                case Simulator.Core.Objectives.MeasureKind.PreservationRequested or Simulator.Core.Objectives.MeasureKind.EvidencePreserved
                    or Simulator.Core.Objectives.MeasureKind.EvidenceSecured when m.Evidence is not null:
                    var item = world.Item(m.Evidence);
                    var purpose = m.Kind == Simulator.Core.Objectives.MeasureKind.EvidenceSecured ? Simulator.Core.Catalogue.InstrumentPurpose.Production : Simulator.Core.Catalogue.InstrumentPurpose.Preservation;
                    roles = catalogue.Instruments.Where(i => i.Purpose == purpose).SelectMany(i => i.IssuersOrValidatedFor(item.Category));
                    state = world.IncidentOf(item).Investigating;
                    break;
                case Simulator.Core.Objectives.MeasureKind.InstrumentUsed when m.Instrument is not null && catalogue.TryGet(m.Instrument, out var instrument):
                    roles = instrument.AnyIssuerOrValidated();
                    state = m.Incident is not null ? world.Incident(m.Incident).Investigating : world.Incidents[0].Investigating;
                    break;
                case Simulator.Core.Objectives.MeasureKind.InjectAnswered when m.Inject is not null:
                    // Whoever it reaches may answer it, and refer it within their state: any office of those states.
                    var to = world.Injects.First(i => i.Id == m.Inject).To;
                    list.Add(new ObjectiveTakers(o.Id, o.Task, [.. to.Select(t => t.Split('/')[0]).Distinct()
                        .SelectMany(s => Enum.GetValues<Simulator.Core.Common.AuthorityRole>().Select(r => Simulator.Core.Common.Names.Seat(s, r)))], true));
                    continue;
                default:
                    continue;
            }
            list.Add(new ObjectiveTakers(o.Id, o.Task, [.. roles.Distinct().Order().Select(r => Simulator.Core.Common.Names.Seat(state, r))], false));
        }
        return list;
    }

    /// <summary>The text of a shipped scenario, or null. Only plain ids: no paths from clients.</summary>
    public string? Text(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsLetterOrDigit(c) || c == '-'))) return null;
        var path = Path.Combine(Folder, id + ".yaml");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
