using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Grains.Contracts;

/// <summary>
/// A property that holds JSON text (a journal event's data, serialized once, where the event is appended) written
/// into a client's JSON as the object it is, not as a string of JSON inside JSON: a browser reads <c>e.data.request</c>
/// without parsing it again. Read back (a .NET client), the object is kept as its text; a string (a server of
/// contract version 2) is taken as the text it holds.
/// </summary>
public sealed class EmbeddedJson : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString()!;
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    // The text was written by the journal's serializer, so it is not validated again on every push.
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(value, skipInputValidation: true);
}
