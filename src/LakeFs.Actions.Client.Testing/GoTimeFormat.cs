using System.Globalization;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Formats times the way a Go server's JSON does (RFC 3339 with trailing zeros of the fraction trimmed, UTC as
/// <c>Z</c>); <see cref="DateTimeOffset.MinValue"/> comes out as Go's zero time <c>0001-01-01T00:00:00Z</c>.
/// </summary>
internal static class GoTimeFormat
{
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            return seconds + "Z";
        }

        var digits = fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return seconds + "." + digits + "Z";
    }
}
