using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Go's <c>time.Duration.String()</c> (<c>850µs</c>, <c>12.345ms</c>, <c>1m30s</c>), as a hook log prints the request
/// duration. Parsing durations is the action-file library's (<see cref="GoDuration"/>).
/// </summary>
internal static class GoDurationText
{
    public static string Format(TimeSpan duration)
    {
        // .NET keeps 100 ns ticks; Go counts nanoseconds.
        var nanoseconds = (decimal)duration.Ticks * 100;
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var negative = nanoseconds < 0;
        var u = Math.Abs(nanoseconds);
        string text;
        if (u < 1_000_000_000)
        {
            text = u switch
            {
                < 1_000 => u.ToString(CultureInfo.InvariantCulture) + "ns",
                < 1_000_000 => Fraction(u, 3) + "µs",
                _ => Fraction(u, 6) + "ms",
            };
        }
        else
        {
            var builder = new StringBuilder();
            var totalSeconds = decimal.Floor(u / 1_000_000_000);
            var hours = decimal.Floor(totalSeconds / 3600);
            var minutes = decimal.Floor((totalSeconds - (hours * 3600)) / 60);
            var seconds = u - (((hours * 3600) + (minutes * 60)) * 1_000_000_000);
            if (hours > 0)
            {
                builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            builder.Append(Fraction(seconds, 9)).Append('s');
            text = builder.ToString();
        }

        return negative ? "-" + text : text;
    }

    private static string Fraction(decimal value, int precision)
    {
        var divisor = (decimal)Math.Pow(10, precision);
        var whole = decimal.Floor(value / divisor);
        var fraction = value - (whole * divisor);
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction == 0)
        {
            return text;
        }

        var digits = ((long)fraction).ToString("D" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "." + digits;
    }
}
