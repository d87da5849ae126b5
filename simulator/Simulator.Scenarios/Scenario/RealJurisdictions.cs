using System.Text.Json.Nodes;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Schema;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Scenario;

/// <summary>
/// The catalogue of real states (scenarios/catalogue/jurisdictions.yaml), each as of a stated date with its
/// sources. A scenario takes one with <c>- use: DE</c> in its jurisdictions and may set any field on top (its
/// seats, a different capability); fictional states are written out in full as before, and the two mix freely.
/// </summary>
public static class RealJurisdictions
{
    public const string ShippedName = "scenarios/catalogue/jurisdictions.yaml";

    /// <summary>Catalogue fields that document an entry but are not part of a scenario's jurisdiction.</summary>
    private static readonly string[] Provenance = ["as-of", "sources", "unsure"];

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Shipped = new(() => Load(EmbeddedFiles.Read("catalogue/jurisdictions.yaml"), ShippedName));

    /// <summary>The ids of the real states on offer, e.g. DE, US.</summary>
    public static IReadOnlyCollection<string> Ids => Shipped.Value.Keys.ToList();

    /// <summary>A real state's entry, provenance included (as-of, sources, unsure), or null.</summary>
    public static JsonObject? Find(string id) => Shipped.Value.TryGetValue(id, out var entry) ? (JsonObject)entry.DeepClone() : null;

    private static IReadOnlyDictionary<string, JsonObject> Load(string text, string file)
    {
        var (root, _) = YamlToJson.Read(text, file);
        var list = root?["jurisdictions"] as JsonArray ?? throw new InvalidDataException($"{file}: no jurisdictions list");
        return list.OfType<JsonObject>().ToDictionary(j => (string)j["id"]!, j => j, StringComparer.Ordinal);
    }

    /// <summary>
    /// Replaces every <c>use:</c> entry in the scenario's jurisdictions with the catalogue's state, the scenario's own
    /// fields on top. Returns the problems (an unknown state), each at its <c>use</c> in the file.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Expand(JsonNode? root, SourceMap map)
    {
        var problems = new List<Diagnostic>();
        if (root is not JsonObject o || o["jurisdictions"] is not JsonArray jurisdictions) return problems;
        var expanded = new List<JsonObject>();
        for (var i = 0; i < jurisdictions.Count; i++)
        {
            if (jurisdictions[i] is not JsonObject entry || !entry.ContainsKey("use")) continue;
            var id = entry["use"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (id is null)
            {
                problems.Add(map.At($"/jurisdictions/{i}/use", "'use' takes the id of one real state, e.g. use: DE",
                    $"real states on offer: {string.Join(", ", Ids.Order(StringComparer.Ordinal))}"));
                continue;
            }
            var real = Find(id);
            if (real is null)
            {
                problems.Add(map.At($"/jurisdictions/{i}/use", $"no real state '{id}' in {ShippedName}",
                    $"real states on offer: {string.Join(", ", Ids.Order(StringComparer.Ordinal))}; or write a fictional state in full"));
                continue;
            }
            foreach (var field in Provenance) real.Remove(field);
            real["fictional"] = false;
            var ownAgreements = entry.ContainsKey("agreements");
            foreach (var (key, value) in entry)
                if (key != "use") real[key] = value?.DeepClone();
            jurisdictions[i] = real;
            if (!ownAgreements) expanded.Add(real);
        }
        // The catalogue records a state's bilateral agreements; only those with states in this scenario apply.
        var present = jurisdictions.OfType<JsonObject>().Select(j => j["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToHashSet();
        foreach (var real in expanded)
            if (real["agreements"] is JsonArray agreements)
                foreach (var gone in agreements.OfType<JsonObject>().Where(a => !present.Contains((string?)a["with"])).ToList())
                    agreements.Remove(gone);
        return problems;
    }
}
