using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The URL a lakeFS webhook request goes to, as Go builds and prints it: the configured URL's own query is parsed
/// (<c>url.ParseQuery</c>: pairs with a bad escape or a semicolon are dropped), the hook's query parameters are
/// added, and the query is always re-encoded with keys sorted (<c>url.Values.Encode</c>), even when the hook adds
/// none. The scheme is lower-cased; the rest of the text is kept as configured.
/// </summary>
internal sealed record GoWebhookUrl(string Text, string Scheme)
{
    public bool IsHttp => Scheme is "http" or "https";

    public static GoWebhookUrl Build(string url, IReadOnlyList<KeyValuePair<string, string>> added)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : url[hash..];
        var rest = hash < 0 ? url : url[..hash];
        var scheme = SchemeOf(rest);
        if (scheme.Length > 0)
        {
            rest = scheme + rest[scheme.Length..];
        }

        var forceQuery = rest.EndsWith('?') && rest.Count(c => c == '?') == 1;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rest : rest[..question];
        var rawQuery = question < 0 || forceQuery ? string.Empty : rest[(question + 1)..];

        var values = new List<KeyValuePair<string, string>>();
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0 || pair.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (GoText.TryQueryUnescape(eq < 0 ? pair : pair[..eq], out var key, out _)
                && GoText.TryQueryUnescape(eq < 0 ? string.Empty : pair[(eq + 1)..], out var value, out _))
            {
                values.Add(new(key, value));
            }
        }

        values.AddRange(added);
        var query = string.Join('&', values
            .Select((p, i) => (p, i))
            .OrderBy(static x => x.p.Key, StringComparer.Ordinal).ThenBy(static x => x.i)
            .Select(static x => QueryEscape(x.p.Key) + "=" + QueryEscape(x.p.Value)));
        var text = path + (forceQuery || query.Length > 0 ? "?" + query : string.Empty) + fragment;
        return new GoWebhookUrl(text, scheme);
    }

    /// <summary>Go's <c>getScheme</c>: a letter, then letters, digits, <c>+</c>, <c>-</c> or <c>.</c>, up to a colon; lower-cased.</summary>
    private static string SchemeOf(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return string.Empty;
                }

                continue;
            }

            return c == ':' && i > 0 ? url[..i].ToLowerInvariant() : string.Empty;
        }

        return string.Empty;
    }

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved characters stay, a space becomes <c>+</c>, the rest <c>%XX</c> (upper case).</summary>
    private static string QueryEscape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
