using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Scenarios;

/// <summary>How file DTOs are read from the parsed YAML: kebab-case names, as people write them.</summary>
public static class FileJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
