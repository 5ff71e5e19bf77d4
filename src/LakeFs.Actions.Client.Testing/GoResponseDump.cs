using System.Globalization;
using System.Net;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Go's <c>httputil.DumpResponse(resp, true)</c> as a hook log shows it: the status line and headers with CRLF
/// (<c>Content-Length</c> first, then the other headers sorted by their canonical name), an empty line, the whole
/// body, no newline added. A response without a length is shown chunked, as Go shows it.
/// </summary>
internal static class GoResponseDump
{
    public static string Format(HttpResponseMessage response, byte[] body)
    {
        var text = new StringBuilder();
        var code = (int)response.StatusCode;
        text.Append(CultureInfo.InvariantCulture, $"HTTP/{response.Version.Major}.{response.Version.Minor} {code:D3} {StatusText(response.StatusCode)}\r\n");
        var chunked = response.Headers.TransferEncodingChunked == true;
        if (!chunked)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }
        else
        {
            text.Append("Transfer-Encoding: chunked\r\n");
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(static h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            .Select(static h => (Name: Canonical(h.Key), h.Value))
            .OrderBy(static h => h.Name, StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        text.Append("\r\n");
        var content = Encoding.UTF8.GetString(body);
        if (chunked)
        {
            if (body.Length > 0)
            {
                text.Append(body.Length.ToString("x", CultureInfo.InvariantCulture)).Append("\r\n").Append(content).Append("\r\n");
            }

            text.Append("0\r\n\r\n");
        }
        else
        {
            text.Append(content);
        }

        return text.ToString();
    }

    /// <summary>Go's <c>http.CanonicalHeaderKey</c>: the first letter and each letter after a hyphen upper case, the rest lower case.</summary>
    public static string Canonical(string name)
    {
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            upper = chars[i] == '-';
        }

        return new string(chars);
    }

    private static string StatusText(HttpStatusCode status) => (int)status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        418 => "I'm a teapot",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " "),
    };
}
