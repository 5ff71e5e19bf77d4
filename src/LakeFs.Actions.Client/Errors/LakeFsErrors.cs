using System.Diagnostics;
using System.Globalization;
using System.Text;
using LakeFs.Actions.Client.Diagnostics;
using LakeFs.Actions.Client.Http;
using Newtonsoft.Json;
using Polly.Timeout;

namespace LakeFs.Actions.Client;

/// <summary>
/// Builds every <see cref="LakeFsApiException"/> the client throws, whatever failed: an error status, a
/// successful answer that is not the JSON it must be, a body too large or unreadable, a page that breaks
/// the cursor protocol, a transport failure or a timeout. Text taken from a response is redacted of the
/// request's credentials and bounded; <see cref="LakeFsApiException.ErrorType"/> is set for telemetry.
/// </summary>
internal static class LakeFsErrors
{
    /// <summary>An answer with an error status, or a successful one that is not what the operation expects.</summary>
    public static async Task<LakeFsApiException> FromResponseAsync(HttpResponseMessage response, LakeFsOperation operation, TimeProvider timeProvider, CancellationToken cancellationToken, string? reason = null)
    {
        var status = (int)response.StatusCode;
        var redactor = CredentialRedactor.For(response.RequestMessage);
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return new LakeFsApiException(status, redactor.Redact(reason ?? Describe(response))!, ErrorText.ServerMessage(redactor.Redact(body)!, redactor), RequestId(response, redactor), operation.Id)
        {
            RetryAfter = RetryAfter(response, timeProvider),
            ErrorType = status >= 300 ? status.ToString(CultureInfo.InvariantCulture) : typeof(LakeFsApiException).FullName,
        };
    }

    /// <summary>A successful answer whose Content-Type says it is not JSON.</summary>
    public static Task<LakeFsApiException> NotJsonAsync(HttpResponseMessage response, LakeFsOperation operation, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        FromResponseAsync(response, operation, timeProvider, cancellationToken,
            $"The server answered {(int)response.StatusCode} with Content-Type '{ErrorText.Snippet(response.Content.Headers.ContentType?.MediaType ?? string.Empty, 100)}' where JSON was expected; is the endpoint a lakeFS server?");

    /// <summary>A JSON body that is not the document the operation returns.</summary>
    public static LakeFsApiException UnreadableBody(HttpResponseMessage response, LakeFsOperation operation, JsonException error)
    {
        var redactor = CredentialRedactor.For(response.RequestMessage);
        var bounded = ErrorText.Bounded(error, redactor);
        return new LakeFsApiException((int)response.StatusCode, $"The server's response could not be read as lakeFS JSON: {bounded.Message}", requestId: RequestId(response, redactor), operation: operation.Id, innerException: bounded)
        {
            ErrorType = bounded.GetType().FullName,
        };
    }

    /// <summary>A successful answer with no JSON document (an empty body or <c>null</c>).</summary>
    public static LakeFsApiException EmptyBody(HttpResponseMessage response, LakeFsOperation operation) =>
        new((int)response.StatusCode, "The server's response could not be read as lakeFS JSON: the body is empty or null.", requestId: RequestId(response, CredentialRedactor.For(response.RequestMessage)), operation: operation.Id)
        {
            ErrorType = typeof(JsonSerializationException).FullName,
        };

    /// <summary>A JSON body larger than <see cref="LakeFsClientOptions.MaxResponseBodySize"/>.</summary>
    public static LakeFsApiException BodyTooLarge(HttpResponseMessage response, LakeFsOperation operation, long limit) =>
        new((int)response.StatusCode, string.Create(CultureInfo.InvariantCulture, $"The server's response is larger than {nameof(LakeFsClientOptions.MaxResponseBodySize)} ({limit} bytes); it was not read."), requestId: RequestId(response, CredentialRedactor.For(response.RequestMessage)), operation: operation.Id)
        {
            ErrorType = typeof(InsufficientMemoryException).FullName,
        };

    /// <summary>
    /// A page that breaks lakeFS's cursor protocol although its status is 200. Also marks the listing's
    /// activity as failed: the pager, not the request pipeline, detects these.
    /// </summary>
    public static LakeFsApiException BrokenPage(string operation, Activity? listing, string reason)
    {
        var error = new LakeFsApiException(200, reason, operation: operation) { ErrorType = typeof(LakeFsApiException).FullName };
        LakeFsTelemetry.RecordFailure(listing, error);
        return error;
    }

    /// <summary>
    /// A successful answer that lacks what the operation needs (a task id, a dump's refs): the server is broken
    /// or not lakeFS.
    /// </summary>
    public static LakeFsApiException IncompleteAnswer(int statusCode, LakeFsOperation operation, string reason) =>
        new(statusCode, reason, operation: operation.Id) { ErrorType = typeof(LakeFsApiException).FullName };

    /// <summary>
    /// <paramref name="original"/> said again in the terms of a helper that made the request (e.g. which rule
    /// change gave up, why a restore was refused), keeping its status, server message, request id and operation.
    /// </summary>
    public static LakeFsApiException Restated(LakeFsApiException original, string reason, int? attempts = null) =>
        new(original.StatusCode, reason, original.ServerMessage, original.RequestId, original.Operation, original)
        {
            Attempts = attempts ?? original.Attempts,
            ErrorType = original.ErrorType,
        };

    /// <summary>
    /// What the caller gets for a failure of the request pipeline: a <see cref="LakeFsApiException"/> (with the
    /// number of attempts), or the exception itself when it is not about lakeFS (e.g. the caller's cancellation).
    /// </summary>
    public static Exception FromFailure(Exception error, LakeFsOperation operation, int attempts, Uri endpoint, TimeSpan timeout)
    {
        attempts = Math.Max(attempts, 1);
        switch (error)
        {
            case LakeFsApiException api:
                api.Attempts = attempts;
                return api;
            case TimeoutRejectedException:
                return new LakeFsApiException(0, $"The server did not answer within {timeout}.", operation: operation.Id, innerException: error)
                {
                    Attempts = attempts,
                    ErrorType = typeof(TimeoutException).FullName,
                };
            case HttpRequestException or IOException or OperationCanceledException:
                return new LakeFsApiException(0, $"Could not talk to lakeFS at {endpoint.GetLeftPart(UriPartial.Authority)}: {ErrorText.Snippet(error.Message)}", operation: operation.Id, innerException: error)
                {
                    Attempts = attempts,
                    ErrorType = (error is OperationCanceledException ? typeof(OperationCanceledException) : error.GetType()).FullName,
                };
            default:
                return error;
        }
    }

    private static string? RequestId(HttpResponseMessage response, CredentialRedactor redactor) =>
        LakeFsStatusCodes.RequestId(response) is { } id ? ErrorText.Snippet(redactor.Redact(id)!, 200) : null;

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
            _ => string.Create(CultureInfo.InvariantCulture, $"The server answered {status} {ErrorText.Snippet(response.ReasonPhrase ?? string.Empty, 100)}."),
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
        return ErrorText.Snippet(location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString.Split('?')[0], 200);
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
                var buffer = new byte[ErrorText.MaxBodyBytes];
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
}
