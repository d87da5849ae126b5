using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Schema;

/// <summary>
/// Checks a parsed file against one of the published JSON Schemas (embedded from scenarios/schema/), and turns
/// the validator's findings into positioned, plain-language diagnostics.
/// </summary>
public sealed class SchemaCheck
{
    private readonly JsonSchema _schema;
    private readonly JsonNode _schemaNode;

    private SchemaCheck(string text)
    {
        _schemaNode = JsonNode.Parse(text)!;
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static readonly Lazy<SchemaCheck> Scenario = new(() => new SchemaCheck(EmbeddedFiles.Read("schema/scenario.schema.json")));
    public static readonly Lazy<SchemaCheck> Catalogue = new(() => new SchemaCheck(EmbeddedFiles.Read("schema/instruments.schema.json")));
    public static readonly Lazy<SchemaCheck> Overlay = new(() => new SchemaCheck(EmbeddedFiles.Read("schema/overlay.schema.json")));

    public IReadOnlyList<Diagnostic> Check(JsonNode? instance, SourceMap map)
    {
        using var doc = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = _schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>();
        foreach (var detail in results.Details ?? [])
        {
            // An "if" that does not match is not an error: its failures only choose whether "then" applies.
            if (detail.Errors is null || detail.EvaluationPath.ToString().Split('/').Contains("if")) continue;
            foreach (var (keyword, message) in detail.Errors)
            {
                var pointer = detail.InstanceLocation.ToString();
                var d = Describe(keyword, message, pointer, detail, map);
                if (d is not null && seen.Add(d.ToString())) diagnostics.Add(d);
            }
        }
        // Branch failures (if/then, $ref wrappers) repeat the leaf errors; keep the most specific per position.
        return diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }

    private Diagnostic? Describe(string keyword, string message, string pointer, EvaluationResults detail, SourceMap map)
    {
        var schemaAt = SchemaNodeAt(detail.SchemaLocation) as JsonObject;
        var name = NameOf(pointer);
        // additionalProperties: false reports each extra field as a failure of the "false" schema.
        if (message.Contains("false schema", StringComparison.Ordinal)) keyword = "false";
        switch (keyword)
        {
            case "false" or "additionalProperties":
                var known = Enumerable.Range(0, 3).Select(up => SchemaNodeAt(detail.SchemaLocation, up) as JsonObject)
                    .Select(o => o?["properties"] as JsonObject).FirstOrDefault(p => p is not null)?.Select(p => p.Key).ToList() ?? [];
                var field = Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
                var closest = Closest(field, known);
                return map.At(pointer, $"unknown field '{field}'", closest is null ? (known.Count > 0 ? $"allowed here: {string.Join(", ", known)}" : null) : $"did you mean '{closest}'?", atKey: true);
            case "required":
                var missing = System.Text.RegularExpressions.Regex.Matches(message, "\"([^\"]+)\"").Select(m => $"'{m.Groups[1].Value}'").ToList();
                var what = missing.Count == 1 ? $"required field {missing[0]}" : $"required fields {string.Join(", ", missing)}";
                return map.At(pointer, $"{name} is missing {what}");
            case "enum":
                var values = (schemaAt?["enum"] as JsonArray)?.Select(v => v?.ToJsonString().Trim('"')).ToList();
                return map.At(pointer, $"{name} has a value that is not allowed", values is null ? null : $"use one of: {string.Join(", ", values)}");
            case "const":
                return map.At(pointer, $"{name} must be {schemaAt?["const"]?.ToJsonString()}");
            case "pattern":
                var description = schemaAt?["description"]?.GetValue<string>();
                return map.At(pointer, $"{name} is not in the expected form", description);
            case "type":
                var expected = schemaAt?["type"]?.ToJsonString().Trim('"');
                return map.At(pointer, $"{name} should be {Article(expected)}");
            case "minItems":
                return map.At(pointer, $"{name} needs at least {schemaAt?["minItems"]} item(s)");
            case "uniqueItems":
                return map.At(pointer, $"{name} lists the same item twice");
            case "minimum" or "maximum" or "exclusiveMinimum" or "minLength":
                return map.At(pointer, $"{name}: {message}");
            case "anyOf" or "oneOf" or "allOf" or "$ref" or "then" or "if" or "properties" or "items" or "$defs":
                return null;
            default:
                return map.At(pointer, $"{name}: {message}");
        }
    }

    /// <summary>"'capability'" for a field, "item 2 of 'providers'" for a list entry, "the document" for the root.</summary>
    private static string NameOf(string pointer)
    {
        if (pointer.Length == 0) return "the document";
        var segments = pointer.Split('/').Skip(1).Select(Unescape).ToList();
        var last = segments[^1];
        if (int.TryParse(last, out var index))
            return segments.Count > 1 ? $"item {index + 1} of '{segments[^2]}'" : $"item {index + 1}";
        return $"'{last}'";
    }

    private static string Article(string? type) => type switch
    {
        "object" => "a mapping (key: value lines)",
        "array" => "a list",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "string" => "text",
        _ => type ?? "something else",
    };

    private JsonNode? SchemaNodeAt(Uri? location, int up = 0)
    {
        if (location is null) return null;
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        var segments = fragment.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (up > 0) segments = segments.Take(Math.Max(0, segments.Count - up)).ToList();
        JsonNode? node = _schemaNode;
        foreach (var s in segments)
        {
            var key = Unescape(s);
            node = node switch
            {
                JsonObject o => o[key],
                JsonArray a when int.TryParse(key, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    internal static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Levenshtein(word, c);
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}

/// <summary>The catalogue and schemas shipped inside the assembly, so every host reads the same copy.</summary>
public static class EmbeddedFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded file '{name}' is missing from {typeof(EmbeddedFiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
