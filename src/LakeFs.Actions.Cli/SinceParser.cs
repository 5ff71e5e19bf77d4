using System.Globalization;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Reads <c>--since</c>: an ISO-8601 time (<c>2025-06-01T12:00:00Z</c>, <c>2025-06-01</c>; UTC unless it
/// has an offset) or a duration back from now (<c>2h</c>, <c>30m</c>, <c>1d</c>; see <see cref="DurationParser"/>).
/// </summary>
internal static class SinceParser
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A time or a duration.</param>
    /// <param name="now">The current time, for durations.</param>
    /// <param name="since">The time, when it parses.</param>
    /// <returns>True when the text is a time or a duration.</returns>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DurationParser.TryParse(trimmed, out var ago))
        {
            since = ago > now - DateTimeOffset.MinValue ? DateTimeOffset.MinValue : now - ago;
            return true;
        }

        return DateTimeOffset.TryParseExact(
            trimmed, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }
}
