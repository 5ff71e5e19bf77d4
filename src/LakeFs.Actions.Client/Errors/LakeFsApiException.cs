using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// A lakeFS request failed: the server answered with an error status, sent a response the client could not read,
/// or kept throttling until the retry attempts ran out.
/// </summary>
/// <remarks>
/// Carries the HTTP status, the server's <c>message</c>, the <c>X-Request-ID</c> to quote in a bug report and the
/// operation that failed. Never contains credentials.
/// </remarks>
public class LakeFsApiException : Exception
{
    /// <summary>Creates an exception for a failed lakeFS request.</summary>
    /// <param name="statusCode">HTTP status code (0 when no response was received).</param>
    /// <param name="reason">What went wrong, in a sentence.</param>
    /// <param name="serverMessage">The server's <c>message</c>, or a bounded snippet of a non-JSON body.</param>
    /// <param name="requestId">The <c>X-Request-ID</c> response header.</param>
    /// <param name="operation">The lakeFS operation id, e.g. <c>listRepositoryRuns</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LakeFsApiException(int statusCode, string reason, string? serverMessage = null, string? requestId = null, string? operation = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
        ServerMessage = serverMessage;
        RequestId = requestId;
        Operation = operation;
    }

    /// <summary>Creates an exception with a message only (status 0).</summary>
    public LakeFsApiException()
        : this(0, "The lakeFS request failed.")
    {
    }

    /// <summary>Creates an exception with a message only (status 0).</summary>
    /// <param name="message">What went wrong.</param>
    public LakeFsApiException(string message)
        : this(0, message)
    {
    }

    /// <summary>Creates an exception with a message and a cause (status 0).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LakeFsApiException(string message, Exception innerException)
        : this(0, message, innerException: innerException)
    {
    }

    /// <summary>HTTP status code of the last response; 0 when no response was received.</summary>
    public int StatusCode { get; }

    /// <summary>The server's error <c>message</c>, or a bounded snippet of a non-JSON error body.</summary>
    public string? ServerMessage { get; }

    /// <summary>The <c>X-Request-ID</c> of the failed response: quote it when reporting a server problem.</summary>
    public string? RequestId { get; }

    /// <summary>The lakeFS operation that failed, e.g. <c>listRepositoryRuns</c>.</summary>
    public string? Operation { get; }

    /// <summary>Number of attempts made, including retries (1 when the request was not retried).</summary>
    public int Attempts { get; internal init; } = 1;

    /// <summary>
    /// True when the client stopped retrying although this last answer was itself worth repeating (the retries ran
    /// out); false when the last answer was final (a 404 after an earlier 503, say).
    /// </summary>
    internal bool GaveUp { get; init; }

    /// <summary>What each earlier attempt got, oldest first (e.g. <c>HTTP 503</c>, <c>no answer in time</c>); empty for a single attempt.</summary>
    internal IReadOnlyList<string> EarlierAttempts { get; init; } = [];

    /// <summary>
    /// True when an earlier attempt failed in a way that does not rule out that the server acted on it (a 5xx, a
    /// timeout, a connection lost after sending): this answer may describe the state that attempt left behind.
    /// </summary>
    internal bool EarlierAttemptMayHaveActed { get; init; }

    /// <summary>True when the server (or a proxy) throttled the request: status 420, 429 or 503.</summary>
    public bool IsThrottled => LakeFsStatusCodes.IsThrottling(StatusCode);

    /// <summary>The <c>Retry-After</c> delay the server asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The OpenTelemetry <c>error.type</c> of this failure: the status code, or the type of the underlying error.</summary>
    internal string? ErrorType { get; init; }

    /// <summary>What went wrong, without the operation, status and request id.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = new StringBuilder();
            if (Operation is not null)
            {
                text.Append(Operation).Append(": ");
            }

            text.Append(Reason);
            if (ServerMessage is { Length: > 0 } && !Reason.Contains(ServerMessage, StringComparison.Ordinal))
            {
                text.Append(" Server message: ").Append(ServerMessage);
            }

            if (Attempts > 1 && GaveUp)
            {
                text.Append(CultureInfo.InvariantCulture, $" Gave up after {Attempts} attempts");
                text.Append(IsThrottled ? " (the server kept throttling the requests)." : ".");
            }
            else if (Attempts > 1)
            {
                // The last answer was final, not a reason to go on: say what came before it instead of "gave up".
                text.Append(CultureInfo.InvariantCulture, $" This was the answer to attempt {Attempts}");
                text.Append(EarlierAttempts.Count > 0 ? "; the earlier attempts got: " + string.Join(", ", EarlierAttempts) + "." : ".");
            }

            if (StatusCode != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (HTTP {StatusCode}");
                if (RequestId is not null)
                {
                    text.Append(", request id ").Append(RequestId);
                }

                text.Append(')');
            }

            return text.ToString();
        }
    }
}
