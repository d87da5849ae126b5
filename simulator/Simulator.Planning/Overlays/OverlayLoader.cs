using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Scenarios;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Schema;
using Simulator.Scenarios.Yaml;

namespace Simulator.Planning.Overlays;

/// <summary>An overlay file that passed its own checks; whether it fits a scenario is checked when it is applied.</summary>
public sealed record LoadedOverlay(string Path, OverlayFile File, IReadOnlyList<string> Kinds, SourceMap Map);

/// <summary>
/// Loads what-if overlays: YAML with positions, the published JSON Schema, then the shape of each change (one action
/// key, the fields that kind takes). Problems are reported all at once, positioned; a bad overlay never applies.
/// </summary>
public static class OverlayLoader
{
    public static LoadedOverlay Load(string path)
    {
        return Parse(YamlFile.Read(path, "the overlay"), path);
    }

    public static LoadedOverlay Parse(string text, string path)
    {
        var (root, map) = YamlToJson.Read(text, path);
        var problems = SchemaCheck.Overlay.Value.Check(root, map).ToList();
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var kinds = new List<string>();
        var changes = (JsonArray)root!["changes"]!;
        for (var i = 0; i < changes.Count; i++)
            kinds.Add(KindOf((JsonObject)changes[i]!, $"/changes/{i}", map, problems) ?? "");
        if (problems.Count > 0) throw new FileProblemsException(problems);
        var file = FileJson.Read<OverlayFile>(root!, map);
        return new LoadedOverlay(path, file, kinds, map);
    }

    /// <summary>The change's kind from its one action key; a problem if it has none, several, or fields that kind does not take.</summary>
    private static string? KindOf(JsonObject change, string at, SourceMap map, List<Diagnostic> problems)
    {
        var keys = change.Select(p => p.Key).ToList();
        var actions = ChangeKinds.All.Where(k => keys.Contains(k.Key)).ToList();
        // `provider` names the holder of a retention change; it is an action of its own only without another one.
        if (actions.Count > 1) actions.RemoveAll(k => k.Key == "provider");
        var every = string.Join(", ", ChangeKinds.All.Select(k => k.Key));
        if (actions.Count == 0)
        {
            problems.Add(map.At(at, "this change does not say what it changes", $"start it with one of: {every}"));
            return null;
        }
        if (actions.Count > 1)
        {
            problems.Add(map.At($"{at}/{actions[1].Key}", $"one change sets both '{actions[0].Key}' and '{actions[1].Key}'", "write them as two changes"));
            return null;
        }
        var kind = actions[0];
        var allowed = kind.Required.Concat(kind.Optional).Concat(ChangeKinds.Common).Append(kind.Key).ToHashSet();
        foreach (var key in keys.Where(k => !allowed.Contains(k)))
            problems.Add(map.At($"{at}/{SourceMap.Escape(key)}", $"'{key}' does not belong to a '{kind.Key}' change ({kind.Says})",
                $"a '{kind.Key}' change takes: {string.Join(", ", allowed.Where(k => k != kind.Key).Order(StringComparer.Ordinal))}"));
        foreach (var key in kind.Required.Where(k => !keys.Contains(k)))
            problems.Add(map.At(at, $"a '{kind.Key}' change needs '{key}'", null, atKey: false));
        if (kind.NeedsOneOptional && !kind.Optional.Any(keys.Contains))
            problems.Add(map.At($"{at}/{kind.Key}", $"this '{kind.Key}' change changes nothing", $"set at least one of: {string.Join(", ", kind.Optional)}"));
        return kind.Key;
    }
}
