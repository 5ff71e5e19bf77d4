using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>Reads and writes an extensible status as its plain string value; unknown values are kept.</summary>
internal sealed class StatusJsonConverter<T> : JsonConverter where T : struct, IWireValue<T>
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.String:
                return T.FromWire((string)reader.Value!);
            case JsonToken.Null when objectType == typeof(T?):
                return null;
            default:
                throw new JsonSerializationException(
                    $"Expected a string for {typeof(T).Name} but found {reader.TokenType} at '{reader.Path}'.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is T status)
        {
            writer.WriteValue(status.Value);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
