using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Simulator.Scenarios.Diagnostics;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios;

/// <summary>How file DTOs are read from the parsed YAML: kebab-case names, as people write them.</summary>
public static partial class FileJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// The DTO read from a file's checked tree. A value the schema let through but the field cannot hold (a number
    /// beyond its type's range) is refused at its position in the file, never thrown as it stands.
    /// </summary>
    public static T Read<T>(JsonNode root, SourceMap map)
    {
        try { return root.Deserialize<T>(Options)!; }
        catch (JsonException e)
        {
            var pointer = Pointer(e.Path);
            var value = Echo(root, pointer);
            throw new FileProblemsException([e.InnerException is FormatException or OverflowException
                ? map.At(pointer, $"{value}is out of range for this field", "give a smaller number (docs/scenarios.md gives each field's range)")
                : map.At(pointer, $"{value}is not a value this field takes", "see the field in docs/scenarios.md")]);
        }
    }

    /// <summary>A System.Text.Json path ($.a[0].b or $['a-b']) as a JSON pointer (/a/0/b).</summary>
    public static string Pointer(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        var pointer = "";
        foreach (Match m in PathSegment().Matches(path))
            pointer += "/" + SourceMap.Escape(m.Groups["name"].Success ? m.Groups["name"].Value
                : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["index"].Value);
        return pointer;
    }

    private static string Echo(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node switch
            {
                JsonObject o => o[segment.Replace("~1", "/").Replace("~0", "~")],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        return node is JsonValue v ? $"{Core.Common.Echo.Clip(v.ToJsonString())} " : "the value ";
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^'\\]|\\.)*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
