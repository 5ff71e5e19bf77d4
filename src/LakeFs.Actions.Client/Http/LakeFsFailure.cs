namespace LakeFs.Actions.Client;

/// <summary>
/// An answer that is not what its operation expects (an error status, a body that is not the operation's JSON),
/// described as data. The request pipeline decides from it whether to retry, and builds the one
/// <see cref="LakeFsApiException"/> of the call from the last one, with the final attempt count.
/// </summary>
internal sealed class LakeFsFailure
{
    /// <summary>The HTTP status of the answer.</summary>
    public required int StatusCode { get; init; }

    /// <summary>What went wrong, in a sentence (credentials redacted).</summary>
    public required string Reason { get; init; }

    /// <summary>The server's <c>message</c> or a bounded snippet of its body.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The answer's <c>X-Request-ID</c>, bounded and redacted.</summary>
    public string? RequestId { get; init; }

    /// <summary>The <c>Retry-After</c> the server asked for.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The OpenTelemetry <c>error.type</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The parser error of an unreadable body, bounded.</summary>
    public Exception? InnerException { get; init; }
}
