using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>The Go standard library's parsing rules that lakeFS's parameter binding applies.</summary>
internal static class GoText
{
    /// <summary>Go's <c>strconv.ParseBool</c>: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Go's <c>strconv.ParseFloat</c> for decimal text: an optional sign, digits, a point and an exponent; no spaces.</summary>
    public static bool TryParseFloat(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && !double.IsInfinity(value);

    /// <summary>
    /// Go's <c>url.QueryUnescape</c>: <c>+</c> becomes a space and <c>%XX</c> a byte; a bad escape is an error
    /// worded as Go words it (<c>invalid URL escape "%zz"</c>).
    /// </summary>
    public static bool TryQueryUnescape(string text, out string value, out string? error)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    var bad = text.Substring(i, Math.Min(3, text.Length - i));
                    value = string.Empty;
                    error = $"invalid URL escape \"{bad}\"";
                    return false;
                }

                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        value = Encoding.UTF8.GetString([.. bytes]);
        error = null;
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
