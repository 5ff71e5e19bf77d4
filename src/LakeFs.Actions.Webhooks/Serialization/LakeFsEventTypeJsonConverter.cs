using System.Text.Json;
using System.Text.Json.Serialization;

namespace LakeFs.Actions.Webhooks;

/// <summary>Reads and writes <see cref="LakeFsEventType"/> as its wire string; any string is accepted.</summary>
internal sealed class LakeFsEventTypeJsonConverter : JsonConverter<LakeFsEventType>
{
    public override LakeFsEventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"event_type must be a string, not {reader.TokenType}.");
        }

        return new LakeFsEventType(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, LakeFsEventType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
