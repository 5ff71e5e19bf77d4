using System.Globalization;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client;

/// <summary>
/// Resolves a plain scalar's tag the way gopkg.in/yaml.v3 does (YAML 1.2 core schema plus its timestamp and
/// underscore-tolerant number rules), so type errors and property types read as lakeFS reads them.
/// </summary>
internal static partial class YamlScalarResolver
{
    public static string Resolve(string value, string? explicitTag, bool isPlain)
    {
        if (!string.IsNullOrEmpty(explicitTag) && explicitTag != "!")
        {
            return ShortTag(explicitTag);
        }

        if (!isPlain || explicitTag == "!")
        {
            return YamlTags.String;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return YamlTags.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return YamlTags.Bool;
            case ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
                return YamlTags.Float;
            case "<<":
                return YamlTags.Merge;
        }

        var first = value[0];
        if (first is not ('-' or '+' or '.' or (>= '0' and <= '9')))
        {
            return YamlTags.String;
        }

        if (TryParseInt(value, out _))
        {
            return YamlTags.Int;
        }

        if (FloatPattern().IsMatch(value.Replace("_", string.Empty, StringComparison.Ordinal)))
        {
            return YamlTags.Float;
        }

        if (first is >= '0' and <= '9' && TimestampPattern().IsMatch(value))
        {
            return YamlTags.Timestamp;
        }

        return YamlTags.String;
    }

    public static string ShortTag(string tag)
    {
        const string Prefix = "tag:yaml.org,2002:";
        return tag.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag[Prefix.Length..] : tag;
    }

    public static bool ParseBool(string value) => value is "true" or "True" or "TRUE";

    public static bool TryParseInt(string value, out long result)
    {
        result = 0;
        var plain = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (plain.Length == 0)
        {
            return false;
        }

        var negative = false;
        var digits = plain;
        if (digits[0] is '+' or '-')
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        var style = 10;
        if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'x' or 'X')
        {
            style = 16;
            digits = digits[2..];
        }
        else if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'b' or 'B')
        {
            style = 2;
            digits = digits[2..];
        }
        else if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'o' or 'O')
        {
            style = 8;
            digits = digits[2..];
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            style = 8;
            digits = digits[1..];
        }

        if (digits.Length == 0)
        {
            return false;
        }

        ulong accumulated = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= style)
            {
                return false;
            }

            if (accumulated > (ulong.MaxValue - (ulong)digit) / (ulong)style)
            {
                return false;
            }

            accumulated = (accumulated * (ulong)style) + (ulong)digit;
        }

        if (negative)
        {
            if (accumulated > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            result = unchecked(-(long)accumulated);
            return true;
        }

        if (accumulated > long.MaxValue)
        {
            // yaml.v3 keeps large positive integers as uint64; still an integer.
            result = long.MaxValue;
            return true;
        }

        result = (long)accumulated;
        return true;
    }

    public static bool TryParseFloat(string value, out double result)
    {
        switch (value)
        {
            case ".nan" or ".NaN" or ".NAN":
                result = double.NaN;
                return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                result = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                result = double.NegativeInfinity;
                return true;
        }

        return double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?(([ \t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
