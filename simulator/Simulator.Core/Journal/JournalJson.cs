using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.Core.Common;

namespace Simulator.Core.Journal;

/// <summary>
/// The one JSON style of the journal and of JSON output: camelCase names, kebab-case enums, UTC instants with
/// "Z", durations in ISO 8601 ("P12DT5H30M": exact, and every language parses it). Fixed here so that the same
/// events always give the same bytes.
/// </summary>
public static class JournalJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Journal events through generated code (fast); anything else, such as outcomes, by reflection.
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
                JournalJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.Converters.Add(new InstantConverter());
        o.Converters.Add(new DurationConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        // A value that is not an instant is a JSON error (with its path), not a crash of whoever reads it.
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant : throw new JsonException("not an instant: write it like 2027-03-01T06:00:00Z");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Instant(value));
    }

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("not a duration: write it like P3DT4H or 3d");
            try { return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal) ? System.Xml.XmlConvert.ToTimeSpan(text) : DurationText.Parse(text); }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { throw new JsonException("not a duration: write it like P3DT4H or 3d", e); }
        }

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(System.Xml.XmlConvert.ToString(value));
    }
}
