using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Polly.Timeout;

namespace LakeFs.Actions.Client;

/// <summary>
/// Builds every <see cref="LakeFsApiException"/> the client throws, whatever failed: an error status, a
/// successful answer that is not the JSON it must be, a body too large or unreadable, a page that breaks the
/// cursor protocol, a transport failure or a timeout.
/// </summary>
/// <remarks>
/// Text taken from a response is redacted of the request's credentials and bounded;
/// <see cref="LakeFsApiException.ErrorType"/> is set for telemetry.
/// </remarks>
internal static class LakeFsErrors
{
    /// <summary>An answer with an error status, or a successful one that is not what the operation expects.</summary>
    public static async Task<LakeFsFailure> FromResponseAsync(HttpResponseMessage response, LakeFsOperation operation, TimeProvider timeProvider, CancellationToken cancellationToken, string? reason = null)
    {
        var status = (int)response.StatusCode;
        var redactor = CredentialRedactor.For(response.RequestMessage);
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var serverMessage = ErrorText.ServerMessage(redactor.Redact(body)!, redactor);
        return new LakeFsFailure
        {
            StatusCode = status,
            Reason = redactor.Redact(reason ?? Describe(response, operation, serverMessage))!,
            ServerMessage = serverMessage,
            RequestId = RequestId(response, redactor),
            RetryAfter = RetryAfter(response, timeProvider),
            ErrorType = status >= 300 ? status.ToString(CultureInfo.InvariantCulture) : typeof(LakeFsApiException).FullName,
        };
    }

    /// <summary>A successful answer whose Content-Type says it is not JSON.</summary>
    public static Task<LakeFsFailure> NotJsonAsync(HttpResponseMessage response, LakeFsOperation operation, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        FromResponseAsync(response, operation, timeProvider, cancellationToken,
            $"The server answered {(int)response.StatusCode} with Content-Type '{ErrorText.Snippet(response.Content.Headers.ContentType?.MediaType ?? string.Empty, 100)}' where JSON was expected; is the endpoint a lakeFS server?");

    /// <summary>A JSON body that is not the document the operation returns.</summary>
    public static LakeFsFailure UnreadableBody(HttpResponseMessage response, JsonException error)
    {
        var redactor = CredentialRedactor.For(response.RequestMessage);
        var bounded = ErrorText.Bounded(error, redactor);
        return new LakeFsFailure
        {
            StatusCode = (int)response.StatusCode,
            Reason = $"The server's response could not be read as lakeFS JSON: {bounded.Message}",
            RequestId = RequestId(response, redactor),
            InnerException = bounded,
            ErrorType = bounded.GetType().FullName,
        };
    }

    /// <summary>A successful answer with no JSON document (an empty body or <c>null</c>).</summary>
    public static LakeFsFailure EmptyBody(HttpResponseMessage response) => new()
    {
        StatusCode = (int)response.StatusCode,
        Reason = "The server's response could not be read as lakeFS JSON: the body is empty or null.",
        RequestId = RequestId(response, CredentialRedactor.For(response.RequestMessage)),
        ErrorType = typeof(JsonSerializationException).FullName,
    };

    /// <summary>A JSON body larger than <see cref="LakeFsClientOptions.MaxResponseBodySize"/>.</summary>
    public static LakeFsFailure BodyTooLarge(HttpResponseMessage response, long limit) => new()
    {
        StatusCode = (int)response.StatusCode,
        Reason = string.Create(CultureInfo.InvariantCulture, $"The server's response is larger than {nameof(LakeFsClientOptions.MaxResponseBodySize)} ({limit} bytes); it was not read."),
        RequestId = RequestId(response, CredentialRedactor.For(response.RequestMessage)),
        ErrorType = typeof(InsufficientMemoryException).FullName,
    };

    /// <summary>The call's exception for its last answer, built once with the final attempt count.</summary>
    /// <param name="answer">The last attempt's answer.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="failures">The attempts' failures, oldest first (the last is <paramref name="answer"/>).</param>
    /// <param name="callerToken">The caller's token.</param>
    public static LakeFsApiException FromAnswer(LakeFsFailure answer, LakeFsOperation operation, int attempts, IReadOnlyList<object> failures, CancellationToken callerToken)
    {
        attempts = Math.Max(attempts, 1);
        var (earlier, mayHaveActed) = Earlier(failures, attempts, callerToken);
        return new LakeFsApiException(answer.StatusCode, answer.Reason, answer.ServerMessage, answer.RequestId, operation.Id, answer.InnerException)
        {
            RetryAfter = answer.RetryAfter,
            ErrorType = answer.ErrorType,
            Attempts = attempts,
            GaveUp = attempts > 1 && LakeFsRetryPipeline.IsTransient(answer.StatusCode, operation),
            EarlierAttempts = earlier,
            EarlierAttemptMayHaveActed = mayHaveActed,
        };
    }

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
    /// <param name="original">The failure of the request.</param>
    /// <param name="reason">What went wrong, in the helper's terms.</param>
    /// <param name="attempts">The helper's own count of attempts when it repeated the request (then it gave up); null keeps the request's.</param>
    public static LakeFsApiException Restated(LakeFsApiException original, string reason, int? attempts = null) =>
        new(original.StatusCode, reason, original.ServerMessage, original.RequestId, original.Operation, original)
        {
            Attempts = attempts ?? original.Attempts,
            GaveUp = attempts is not null || original.GaveUp,
            EarlierAttempts = attempts is null ? original.EarlierAttempts : [],
            EarlierAttemptMayHaveActed = original.EarlierAttemptMayHaveActed,
            ErrorType = original.ErrorType,
        };

    /// <summary>
    /// What the caller gets for an exception of the request pipeline (a transport failure, a timeout): a new
    /// <see cref="LakeFsApiException"/> with the number of attempts, whether the client gave up on a retryable
    /// failure, and what the earlier attempts got; or the exception itself when it is not about lakeFS (the
    /// caller's cancellation, or a <see cref="LakeFsApiException"/> already built).
    /// </summary>
    /// <param name="error">The last attempt's failure.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="failures">The attempts' failures, oldest first (the last is <paramref name="error"/> or what it was translated from).</param>
    /// <param name="endpoint">The server, for the text of a transport failure.</param>
    /// <param name="timeout">The attempt timeout, for the text of a timeout.</param>
    /// <param name="callerToken">The caller's token: a cancellation of it is not a failure to report.</param>
    public static Exception FromFailure(Exception error, LakeFsOperation operation, int attempts, IReadOnlyList<object> failures, Uri endpoint, TimeSpan timeout, CancellationToken callerToken)
    {
        attempts = Math.Max(attempts, 1);
        string reason;
        string? errorType;
        switch (error)
        {
            case TimeoutRejectedException:
                reason = $"The server did not answer within {timeout}.";
                errorType = typeof(TimeoutException).FullName;
                break;
            case HttpRequestException or IOException or OperationCanceledException:
                reason = $"Could not talk to lakeFS at {endpoint.GetLeftPart(UriPartial.Authority)}: {ErrorText.Snippet(error.Message)}";
                errorType = (error is OperationCanceledException ? typeof(OperationCanceledException) : error.GetType()).FullName;
                break;
            default:
                return error;
        }

        var (earlier, mayHaveActed) = Earlier(failures, attempts, callerToken);
        return new LakeFsApiException(0, reason, operation: operation.Id, innerException: error)
        {
            ErrorType = errorType,
            Attempts = attempts,
            GaveUp = attempts > 1 && LakeFsRetryPipeline.IsTransient(error, operation, callerToken),
            EarlierAttempts = earlier,
            EarlierAttemptMayHaveActed = mayHaveActed,
        };
    }

    /// <summary>What the attempts before the last got, and whether any of them may have been acted on.</summary>
    private static (IReadOnlyList<string> Earlier, bool MayHaveActed) Earlier(IReadOnlyList<object> failures, int attempts, CancellationToken callerToken)
    {
        var count = Math.Min(failures.Count, attempts) - 1;
        if (count <= 0)
        {
            return ([], false);
        }

        var earlier = new List<string>(count);
        var mayHaveActed = false;
        for (var i = 0; i < count; i++)
        {
            earlier.Add(DescribeAttempt(failures[i], callerToken));
            mayHaveActed |= MayHaveActed(failures[i]);
        }

        return (earlier, mayHaveActed);
    }

    /// <summary>What one failed attempt got, in a few words: <c>HTTP 503</c>, <c>no answer in time</c>, <c>a lost connection</c>.</summary>
    private static string DescribeAttempt(object failure, CancellationToken callerToken) => failure switch
    {
        LakeFsFailure { StatusCode: >= 300 } answer => string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.StatusCode}"),
        LakeFsFailure => "an unreadable answer",
        LakeFsApiException { StatusCode: > 0 } api => string.Create(CultureInfo.InvariantCulture, $"HTTP {api.StatusCode}"),
        LakeFsApiException => "an unreadable answer",
        TimeoutRejectedException => "no answer in time",
        OperationCanceledException when !callerToken.IsCancellationRequested => "no answer in time",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => "no connection",
        HttpRequestException or IOException => "a lost connection",
        _ => failure.GetType().Name,
    };

    /// <summary>False only for failures that say the server did not act: a 420/429 refusal, a connection never made.</summary>
    private static bool MayHaveActed(object failure) => failure switch
    {
        LakeFsFailure answer => !LakeFsStatusCodes.IsRefusedUnread(answer.StatusCode),
        LakeFsApiException api => !LakeFsStatusCodes.IsRefusedUnread(api.StatusCode),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => false,
        _ => true,
    };

    private static string? RequestId(HttpResponseMessage response, CredentialRedactor redactor) =>
        LakeFsStatusCodes.RequestId(response) is { } id ? ErrorText.Snippet(redactor.Redact(id)!, 200) : null;

    private static string Describe(HttpResponseMessage response, LakeFsOperation operation, string? serverMessage)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            400 => "The server rejected the request as invalid.",
            401 => "Authentication failed: check the access key id and secret access key (or the bearer token).",
            403 => "Permission denied: the credentials are valid but may not read this resource.",
            404 => "Not found: the repository, run or hook run does not exist.",
            410 => Gone(operation, serverMessage),
            420 or 429 => "The server is throttling requests (too many requests).",
            503 => "The server is unavailable or throttling requests.",
            >= 300 and < 400 => $"The server answered with a redirect to '{Location(response)}'; the client does not follow redirects, check the endpoint URL.",
            _ => string.Create(CultureInfo.InvariantCulture, $"The server answered {status} {ErrorText.Snippet(response.ReasonPhrase ?? string.Empty, 100)}."),
        };
    }

    /// <summary>
    /// What a 410 means depends on what was asked for and what the server says: each cause is named with what to
    /// do about it. lakeFS answers 410 <c>repository in deletion</c> for every call on a repository whose deletion
    /// did not finish, and 410 <c>No data</c> for a hook output log missing from the object store.
    /// </summary>
    private static string Gone(LakeFsOperation operation, string? serverMessage)
    {
        var inDeletion = serverMessage?.Contains("deletion", StringComparison.OrdinalIgnoreCase) == true;
        if (ReferenceEquals(operation, LakeFsRestClient.Operations.CreateRepository))
        {
            return "Gone: a repository of this name is being deleted (an earlier deletion did not finish); delete it again to finish the deletion, then create it.";
        }

        if (ReferenceEquals(operation, LakeFsRestClient.Operations.GetRunHookOutput) && !inDeletion)
        {
            return "Gone: the hook run's output log is no longer in the repository's object store (deleted or expired); it cannot be read again.";
        }

        if (inDeletion || operation.Route.StartsWith("/repositories/{repository}", StringComparison.Ordinal))
        {
            return "Gone: the repository is being deleted (an earlier deletion did not finish); delete it again to finish the deletion.";
        }

        return "Gone: the server says the resource no longer exists.";
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
