using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Samples.Audit.Html;

/// <summary>
/// Text from the server (ids, names, hook logs: none of it trusted) made safe for the report: HTML-escaped for
/// text and attribute values, terminal colour sequences removed, and characters that HTML and XML forbid
/// (control characters, lone surrogates, U+FFFE/U+FFFF) dropped, so the document stays well-formed.
/// </summary>
internal static partial class HtmlText
{
    /// <summary>Escapes <paramref name="text"/> for an element's content or a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        var clean = AnsiSequence().Replace(text ?? string.Empty, string.Empty);
        var builder = new StringBuilder(clean.Length + 16);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < clean.Length && char.IsLowSurrogate(clean[i + 1]))
                    {
                        builder.Append(c).Append(clean[++i]);
                    }
                    else if (!char.IsControl(c) && !char.IsSurrogate(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A number for SVG coordinates: invariant culture, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A UTC time to the minute.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    /// <summary>A duration: 250 ms, 4.5 s, 3 min 05 s.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalSeconds: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalMilliseconds:0} ms"),
        { TotalMinutes: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.#} s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min {d.Seconds:00} s"),
    };

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1B]*(\x07|\x1B\\)?|[@-Z\\-_])")]
    private static partial Regex AnsiSequence();
}
