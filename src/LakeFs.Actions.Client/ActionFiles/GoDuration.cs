using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// Go's <c>time.ParseDuration</c>, which lakeFS applies to a webhook's or an airflow hook's <c>timeout</c>:
/// a sequence of decimal numbers with a unit each (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>ms</c>, <c>s</c>,
/// <c>m</c>, <c>h</c>), e.g. <c>30s</c>, <c>1m30s</c>, <c>1.5h</c>, <c>-2m</c>; <c>0</c> alone needs no
/// unit. Errors carry Go's exact texts (e.g. <c>time: missing unit in duration "30"</c>).
/// </summary>
public static class GoDuration
{
    private const ulong MaxMagnitude = 1UL << 63;

    /// <summary>Parses a Go duration.</summary>
    /// <param name="text">The text, e.g. <c>"30s"</c>.</param>
    /// <param name="duration">The duration, truncated to .NET ticks (100 ns).</param>
    /// <param name="error">Go's error text when the text is not a duration.</param>
    /// <returns>True when the text is a Go duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, out TimeSpan duration, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        error = null;
        if (!TryParseNanoseconds(text, out var nanoseconds, out error))
        {
            return false;
        }

        duration = TimeSpan.FromTicks(nanoseconds / 100);
        return true;
    }

    /// <summary>Parses a Go duration into nanoseconds, as Go's <c>time.Duration</c> holds it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="nanoseconds">The duration in nanoseconds.</param>
    /// <param name="error">Go's error text when the text is not a duration.</param>
    /// <returns>True when the text is a Go duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParseNanoseconds(string text, out long nanoseconds, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        error = null;
        var original = text;
        var s = Encoding.UTF8.GetBytes(text).AsSpan();
        string Invalid() => "time: invalid duration " + Quote(original);

        var negative = false;
        if (s.Length > 0 && s[0] is (byte)'-' or (byte)'+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 1 && s[0] == '0')
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = Invalid();
            return false;
        }

        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || s[0] is >= (byte)'0' and <= (byte)'9'))
            {
                error = Invalid();
                return false;
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var value))
            {
                error = Invalid();
                return false;
            }

            var hasInteger = before != s.Length;
            var hasFraction = false;
            ulong fraction = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var beforeFraction = s.Length;
                LeadingFraction(ref s, out fraction, out scale);
                hasFraction = beforeFraction != s.Length;
            }

            if (!hasInteger && !hasFraction)
            {
                error = Invalid();
                return false;
            }

            var i = 0;
            while (i < s.Length && !(s[i] == '.' || s[i] is >= (byte)'0' and <= (byte)'9'))
            {
                i++;
            }

            if (i == 0)
            {
                error = "time: missing unit in duration " + Quote(original);
                return false;
            }

            var unitText = Encoding.UTF8.GetString(s[..i]);
            s = s[i..];
            ulong unit = unitText switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => 0,
            };
            if (unit == 0)
            {
                error = "time: unknown unit " + Quote(unitText) + " in duration " + Quote(original);
                return false;
            }

            if (value > MaxMagnitude / unit)
            {
                error = Invalid();
                return false;
            }

            value *= unit;
            if (fraction > 0)
            {
                value += (ulong)(fraction * (unit / scale));
                if (value > MaxMagnitude)
                {
                    error = Invalid();
                    return false;
                }
            }

            total += value;
            if (total > MaxMagnitude)
            {
                error = Invalid();
                return false;
            }
        }

        if (negative)
        {
            nanoseconds = unchecked(-(long)total);
            return true;
        }

        if (total > MaxMagnitude - 1)
        {
            error = Invalid();
            return false;
        }

        nanoseconds = (long)total;
        return true;
    }

    private static bool LeadingInt(ref Span<byte> s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            if (value > MaxMagnitude / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > MaxMagnitude)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    private static void LeadingFraction(ref Span<byte> s, out ulong fraction, out double scale)
    {
        fraction = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            if (overflow)
            {
                continue;
            }

            if (fraction > long.MaxValue / 10)
            {
                overflow = true;
                continue;
            }

            var next = (fraction * 10) + (ulong)(s[i] - '0');
            if (next > MaxMagnitude)
            {
                overflow = true;
                continue;
            }

            fraction = next;
            scale *= 10;
        }

        s = s[i..];
    }

    /// <summary>Go's <c>time</c> package quoting: double quotes, <c>\"</c> and <c>\\</c> escaped, other bytes outside printable ASCII as <c>\xNN</c>.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b >= 0x80 || b < 0x20)
            {
                builder.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    builder.Append('\\');
                }

                builder.Append((char)b);
            }
        }

        return builder.Append('"').ToString();
    }
}
