using System.Globalization;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Reads durations written like Go's and lakectl's: a sequence of numbers with units, e.g. <c>500ms</c>,
/// <c>2s</c>, <c>30m</c>, <c>1h30m</c>, <c>1.5h</c>, <c>1d</c> (units <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>).
/// </summary>
internal static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="duration">The duration, when it parses.</param>
    /// <returns>True when the text is a valid, non-negative duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var total = 0.0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < span.Length && char.IsAsciiLetter(span[numberLength + unitLength]))
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            double? milliseconds = span.Slice(numberLength, unitLength) switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => null,
            };
            if (milliseconds is null)
            {
                return false;
            }

            total += number * milliseconds.Value;
            span = span[(numberLength + unitLength)..];
        }

        if (total > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Writes a duration compactly for people, e.g. <c>850ms</c>, <c>4.2s</c>, <c>3m05s</c>, <c>2h10m</c>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Negate());
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return FormattableString.Invariant($"{(int)duration.TotalMilliseconds}ms");
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return FormattableString.Invariant($"{Math.Floor(duration.TotalSeconds * 10) / 10:0.#}s");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return FormattableString.Invariant($"{duration.Minutes}m{duration.Seconds:00}s");
        }

        return FormattableString.Invariant($"{(int)duration.TotalHours}h{duration.Minutes:00}m");
    }
}
