using System.Text.Json;
using Simulator.Core.Catalogue;
using Simulator.Scenarios.Catalogue;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Schema;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Scenario;

/// <summary>A scenario file that passed every check, ready to be built into a world with a seed.</summary>
public sealed record LoadedScenario(string Path, ScenarioFile File);

/// <summary>
/// Loads scenario files: YAML with positions, then the published JSON Schema, then the meaning checks. A file
/// with any problem raises <see cref="FileProblemsException"/> listing all of them; nothing half-loads.
/// </summary>
public static class ScenarioLoader
{
    public static LoadedScenario Load(string path, InstrumentCatalogue? catalogue = null)
    {
        return Parse(YamlFile.Read(path), path, catalogue);
    }

    public static LoadedScenario Parse(string text, string path, InstrumentCatalogue? catalogue = null)
    {
        var (root, map) = YamlToJson.Read(text, path);
        if (root is not System.Text.Json.Nodes.JsonObject)
            throw new FileProblemsException([map.At("", "a scenario file is a mapping of fields, not a list or a single value",
                "start with scenario:, title:, summary:, start:, duration:, jurisdictions: ... (see docs/scenarios.md, or run simulator new)")]);
        // Real states named with `use:` come from the jurisdiction catalogue before anything is checked.
        IReadOnlyList<Diagnostic> problems = RealJurisdictions.Expand(root, map);
        if (problems.Count > 0) throw new FileProblemsException(problems);
        problems = SchemaCheck.Scenario.Value.Check(root, map).Concat(DurationsTooLarge(root, "", map)).ToList();
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var file = FileJson.Read<ScenarioFile>(root, map);
        catalogue ??= CatalogueLoader.Shipped;
        problems = new ScenarioValidator(file, map, catalogue).Validate();
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var loaded = new LoadedScenario(path, file);
        // Last, the checks that need the world itself: can each objective be met at all?
        var built = WorldBuilder.Build(loaded, catalogue, seed: 1);
        problems = ObjectiveReachability.Check(built.World, built.Catalogue, map);
        if (problems.Count > 0) throw new FileProblemsException(problems);
        return loaded;
    }

    private static readonly System.Text.RegularExpressions.Regex DurationLike = new(Core.Common.DurationText.SchemaPattern);

    /// <summary>Durations that have the right form but a size no calendar can hold (the schema cannot see that).</summary>
    private static IEnumerable<Diagnostic> DurationsTooLarge(System.Text.Json.Nodes.JsonNode? node, string pointer, SourceMap map)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o)
                    foreach (var d in DurationsTooLarge(value, $"{pointer}/{SourceMap.Escape(key)}", map)) yield return d;
                break;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var d in DurationsTooLarge(a[i], $"{pointer}/{i}", map)) yield return d;
                break;
            case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) && DurationLike.IsMatch(text) && !Core.Common.DurationText.TryParse(text, out _):
                yield return map.At(pointer, $"'{text}' is too long a duration", "at most 1000 years");
                break;
        }
    }

    /// <summary>Every problem in a file, or none: what `simulator validate` prints.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string path, InstrumentCatalogue? catalogue = null)
    {
        try
        {
            Load(path, catalogue);
            return [];
        }
        catch (FileProblemsException e)
        {
            return e.Problems;
        }
    }
}
