using System.Globalization;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Reads optional lakeFS timestamps. lakeFS is written in Go and sends Go's zero time
/// (<c>0001-01-01T00:00:00Z</c>) where a time is not set, for example the start time of a skipped hook; this
/// converter turns it into <c>null</c>.
/// </summary>
/// <remarks>
/// Go writes up to nine fractional digits, which are rounded down to .NET's 100 ns ticks.
/// </remarks>
internal sealed class GoZeroTimeConverter : JsonConverter<DateTimeOffset?>
{
    /// <summary>The shared instance (the converter holds no state).</summary>
    public static GoZeroTimeConverter Instance { get; } = new();

    public override DateTimeOffset? ReadJson(JsonReader reader, Type objectType, DateTimeOffset? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        DateTimeOffset value;
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                value = offset;
                break;
            case JsonToken.Date when reader.Value is DateTime dateTime:
                value = dateTime.Kind == DateTimeKind.Unspecified
                    ? new DateTimeOffset(dateTime, TimeSpan.Zero)
                    : new DateTimeOffset(dateTime);
                break;
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (text.Length == 0)
                {
                    return null;
                }

                if (!TryParse(text, out value))
                {
                    throw new JsonSerializationException($"'{Truncate(text)}' at '{reader.Path}' is not an RFC 3339 date-time.");
                }

                break;
            default:
                throw new JsonSerializationException($"Expected a date-time string at '{reader.Path}' but found {reader.TokenType}.");
        }

        return value.UtcTicks == 0 ? null : value;
    }

    public override void WriteJson(JsonWriter writer, DateTimeOffset? value, JsonSerializer serializer)
    {
        if (value is { } time)
        {
            // As a Go server writes RFC 3339: UTC as "Z", any other offset as "+hh:mm".
            writer.WriteValue(time.Offset == TimeSpan.Zero
                ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }

    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        // More than seven fractional digits (Go's RFC3339Nano): keep the first seven.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return false;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end - dot - 1 <= 7)
        {
            return false;
        }

        var trimmed = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out value);
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
