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
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileProblemsException([new Diagnostic(path, 1, 1, $"cannot read the file: {e.Message}")]);
        }
        return Parse(text, path, catalogue);
    }

    public static LoadedScenario Parse(string text, string path, InstrumentCatalogue? catalogue = null)
    {
        var (root, map) = YamlToJson.Read(text, path);
        var problems = SchemaCheck.Scenario.Value.Check(root, map);
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var file = root.Deserialize<ScenarioFile>(FileJson.Options)!;
        problems = new ScenarioValidator(file, map, catalogue ?? CatalogueLoader.Shipped).Validate();
        if (problems.Count > 0) throw new FileProblemsException(problems);
        return new LoadedScenario(path, file);
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
