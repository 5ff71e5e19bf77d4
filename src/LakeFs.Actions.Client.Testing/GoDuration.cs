using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Go's <c>time.Duration</c>: its <c>String()</c> form (<c>850µs</c>, <c>12.345ms</c>, <c>1m30s</c>) and <c>time.ParseDuration</c>.</summary>
internal static class GoDuration
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

    /// <summary>Go's <c>time.ParseDuration</c>; false with Go's error text when the text is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;
        var quoted = "\"" + text + "\"";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = "time: invalid duration " + quoted;
            return false;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var number = s[..i];
            if (number.Length == 0 || number == ".")
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            s = s[i..];
            var j = 0;
            while (j < s.Length && !char.IsAsciiDigit(s[j]) && s[j] != '.')
            {
                j++;
            }

            var unit = s[..j];
            s = s[j..];
            if (unit.Length == 0)
            {
                error = "time: missing unit in duration " + quoted;
                return false;
            }

            decimal scale = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60m * 1_000_000_000,
                "h" => 3600m * 1_000_000_000,
                _ => -1,
            };
            if (scale < 0)
            {
                error = $"time: unknown unit \"{unit}\" in duration {quoted}";
                return false;
            }

            total += decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
        }

        var ticks = total / 100;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = "time: invalid duration " + quoted;
            return false;
        }

        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
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
