using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Reads and writes a time that lakeFS sends as Unix seconds (<c>Repository.creation_date</c>) as a
/// <see cref="DateTimeOffset"/> in UTC. Chosen by the OpenAPI document (<c>x-lakefs-converter</c>).
/// </summary>
internal sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public override DateTimeOffset ReadJson(JsonReader reader, Type objectType, DateTimeOffset existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var seconds = reader.TokenType switch
        {
            JsonToken.Integer when reader.Value is long value => value,
            JsonToken.Integer => throw new JsonSerializationException($"The Unix time at '{reader.Path}' is out of range."),
            _ => throw new JsonSerializationException($"Expected Unix seconds (an integer) at '{reader.Path}' but found {reader.TokenType}."),
        };
        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonSerializationException($"The Unix time {seconds} at '{reader.Path}' is out of range.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public override void WriteJson(JsonWriter writer, DateTimeOffset value, JsonSerializer serializer) =>
        writer.WriteValue(value.ToUnixTimeSeconds());
}
