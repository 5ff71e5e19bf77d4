using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Writes JSON strings as Go's <c>encoding/json</c> does by default: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028
/// and U+2029 as <c>\u003c</c>-style escapes, control characters as <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>,
/// <c>\f</c> or <c>\u00XX</c> (lowercase hex), and a lone surrogate (invalid UTF-8 in Go) as <c>\ufffd</c>.
/// </summary>
internal static class GoJson
{
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    AppendUnicodeEscape(output, c);
                    break;
                default:
                    if (c < 0x20)
                    {
                        AppendUnicodeEscape(output, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        output.Append("\\ufffd");
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder output, char c) =>
        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
