using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Client;

/// <summary>
/// Reads the values of a lakeFS model's fields straight from a <see cref="JsonReader"/>, with the results (and the
/// failures) Newtonsoft.Json's contract-based reading gives for the same generated model: strings through
/// <see cref="JsonReader.ReadAsString"/>, times without an intermediate string, unknown fields as extension data.
/// </summary>
internal static class WireTokenReader
{
    /// <summary>Moves to the first property of an object, or returns false for a JSON null.</summary>
    public static bool StartObject(JsonReader reader, Type modelType)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return false;
            case JsonToken.StartObject:
                return true;
            default:
                throw Error(reader, $"Unexpected token {reader.TokenType} when reading {modelType.Name}; expected an object.");
        }
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool NextProperty(JsonReader reader, Type modelType)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonToken.PropertyName:
                    return true;
                case JsonToken.EndObject:
                    return false;
                case JsonToken.Comment:
                    continue;
                default:
                    throw Error(reader, $"Unexpected token {reader.TokenType} when reading {modelType.Name}.");
            }
        }

        throw Error(reader, $"Unexpected end of JSON when reading {modelType.Name}.");
    }

    /// <summary>A required string field: null is rejected as Newtonsoft.Json rejects it for <see cref="Required.Always"/>.</summary>
    public static string RequiredString(JsonReader reader, string name) =>
        reader.ReadAsString() ?? throw Error(reader, $"Required property '{name}' expects a non-null value.");

    /// <summary>A status string (<see cref="RunStatus"/>, <see cref="HookStatus"/>): any string is kept; other tokens are rejected.</summary>
    public static string StatusString(JsonReader reader, string name, Type statusType)
    {
        ReadToContent(reader);
        return reader.TokenType switch
        {
            JsonToken.String => (string)reader.Value!,
            JsonToken.Null => throw Error(reader, $"Required property '{name}' expects a non-null value."),
            _ => throw Error(reader, $"Expected a string for {statusType.Name} but found {reader.TokenType} at '{reader.Path}'."),
        };
    }

    /// <summary>
    /// A time, parsed from the reader's buffer (no intermediate string) the way Newtonsoft.Json parses a
    /// <see cref="DateTimeOffset"/> property: RFC 3339 with up to nine fractional digits, rounded to 100 ns ticks,
    /// the offset kept. Go's zero time (<c>0001-01-01T00:00:00Z</c>) and an empty string read as null.
    /// </summary>
    public static DateTimeOffset? Time(JsonReader reader)
    {
        // DateParseHandling.None (the client's setting, so that untyped extension data keeps date-like strings as
        // strings) would make the reader allocate the string; only this one value is read as a date.
        var handling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.DateTimeOffset;
        try
        {
            var value = reader.ReadAsDateTimeOffset();
            return value is { UtcTicks: 0 } ? null : value;
        }
        catch (ArgumentOutOfRangeException error)
        {
            // Newtonsoft.Json's ISO parser lets the DateTimeOffset constructor reject an offset beyond ±14:00.
            throw new JsonSerializationException($"The time at '{reader.Path}' is not an RFC 3339 date-time: {error.Message}", error);
        }
        finally
        {
            reader.DateParseHandling = handling;
        }
    }

    /// <summary>The value of a field the model does not declare, as Newtonsoft.Json stores extension data typed <c>object</c>.</summary>
    public static object? ExtensionValue(JsonReader reader)
    {
        ReadToContent(reader);
        return reader.TokenType switch
        {
            JsonToken.StartObject or JsonToken.StartArray or JsonToken.StartConstructor => JToken.ReadFrom(reader),
            JsonToken.Null or JsonToken.Undefined => null,
            _ => reader.Value,
        };
    }

    /// <summary>The error Newtonsoft.Json gives for a missing required property.</summary>
    public static JsonSerializationException Missing(JsonReader reader, string name) =>
        Error(reader, $"Required property '{name}' not found in JSON.");

    public static JsonSerializationException Error(JsonReader reader, string message)
    {
        var line = reader as IJsonLineInfo;
        return line is not null && line.HasLineInfo()
            ? new JsonSerializationException($"{message} Path '{reader.Path}', line {line.LineNumber}, position {line.LinePosition}.", reader.Path, line.LineNumber, line.LinePosition, null)
            : new JsonSerializationException($"{message} Path '{reader.Path}'.", reader.Path, 0, 0, null);
    }

    private static void ReadToContent(JsonReader reader)
    {
        do
        {
            if (!reader.Read())
            {
                throw Error(reader, "Unexpected end of JSON.");
            }
        }
        while (reader.TokenType == JsonToken.Comment);
    }
}
