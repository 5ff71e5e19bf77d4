using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Client.Http;

/// <summary>
/// Turns an unsuccessful (or unreadable) lakeFS answer into a <see cref="LakeFsApiException"/>: reads at
/// most <see cref="MaxBodyBytes"/> of the body, takes the <c>{"message"}</c> of a JSON body or a short
/// snippet of any other body, the <c>X-Request-ID</c> and the <c>Retry-After</c> delay.
/// </summary>
internal static partial class LakeFsErrorResponse
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxSnippetChars = 300;

    public static async Task<LakeFsApiException> CreateExceptionAsync(HttpResponseMessage response, LakeFsRoute route, string reason, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return new LakeFsApiException(status, reason, ExtractMessage(body), RequestId(response), route.Operation)
        {
            RetryAfter = RetryAfter(response, timeProvider),
        };
    }

    public static Task<LakeFsApiException> CreateExceptionAsync(HttpResponseMessage response, LakeFsRoute route, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        CreateExceptionAsync(response, route, Describe(response), timeProvider, cancellationToken);

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-ID", out var values) ? values.FirstOrDefault() : null;

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            400 => "The server rejected the request as invalid.",
            401 => "Authentication failed: check the access key id and secret access key (or the bearer token).",
            403 => "Permission denied: the credentials are valid but may not read this resource.",
            404 => "Not found: the repository, run or hook run does not exist.",
            410 => "Gone: the hook run's output log is no longer in the repository's object store (deleted or expired); it cannot be read again.",
            420 or 429 => "The server is throttling requests (too many requests).",
            503 => "The server is unavailable or throttling requests.",
            >= 300 and < 400 => $"The server answered with a redirect to '{Location(response)}'; the client does not follow redirects, check the endpoint URL.",
            _ => string.Create(CultureInfo.InvariantCulture, $"The server answered {status} {response.ReasonPhrase}."),
        };
    }

    private static string Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return "(no location)";
        }

        // Leave out a query string: it may carry a token.
        return location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString.Split('?')[0];
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return string.Empty;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxBodyBytes];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
        catch (Exception error) when (error is IOException or HttpRequestException)
        {
            // The error body is a courtesy: a broken one must not hide the status.
            return string.Empty;
        }
    }

    private static string? ExtractMessage(string body)
    {
        var trimmed = body.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed[0] == '{')
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 16, DateParseHandling = DateParseHandling.None };
                if (JToken.ReadFrom(reader) is JObject json && json["message"] is JValue { Value: string message })
                {
                    return Snippet(message);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all (or cut at the size limit): fall through to the snippet.
            }
        }

        // A proxy's error page (nginx, a load balancer): its text says what happened, its markup does not.
        return Snippet(trimmed[0] == '<' ? MarkupTag().Replace(body, " ") : body);
    }

    // Comments, tags and doctype, including one cut open at the 16 KB read limit. Non-backtracking: linear in
    // the body whatever a server sends.
    [GeneratedRegex(@"<!--.*?(?:-->|\z)|<[^>]*(?:>|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MarkupTag();

    internal static string Snippet(string text)
    {
        var collapsed = new StringBuilder(Math.Min(text.Length, MaxSnippetChars + 3));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (collapsed.Length >= MaxSnippetChars)
            {
                collapsed.Append("...");
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && collapsed.Length > 0)
                {
                    collapsed.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            collapsed.Append(c);
            lastWasSpace = false;
        }

        return collapsed.ToString().TrimEnd();
    }

    /// <summary>True for statuses that are safe and useful to retry for a GET.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 420 or 429 or 500 or 502 or 503 or 504;

    /// <summary>True for the statuses lakeFS and proxies use to throttle.</summary>
    public static bool IsThrottlingStatus(int status) => status is 420 or 429 or 503;

    /// <summary>The status as an <see cref="HttpStatusCode"/> name, for logs.</summary>
    public static string Name(int status) => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : status.ToString(CultureInfo.InvariantCulture);
}
