namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// One fault the emulator injects into a request, made with the static factories and given to
/// <see cref="EmulatorFaults"/>. Restrict it to one operation with <see cref="ForOperation"/>.
/// </summary>
public sealed record EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind) => Kind = kind;

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>HTTP status for <see cref="EmulatorFaultKind.Throttle"/> (420, 429 or 503) and <see cref="EmulatorFaultKind.ServerError"/> (500); 0 otherwise.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The <c>message</c> of the error body, for throttling and server errors.</summary>
    public string? Message { get; private init; }

    /// <summary><c>Retry-After</c> sent with a throttling answer (in whole seconds, rounded up); null sends none.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Delay of a <see cref="EmulatorFaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Operation id (see <see cref="EmulatorOperations"/>) the fault is limited to; null applies it to any request.</summary>
    public string? Operation { get; private init; }

    /// <summary>
    /// A throttling answer: 429 "Too Many Requests" (lakeFS since July 2025), 503 "Throughput exceeded. Slow down
    /// and retry" (KV store throttling) or 420 "too many requests" (older servers and proxies).
    /// </summary>
    /// <param name="statusCode">420, 429 or 503.</param>
    /// <param name="retryAfter">Value of <c>Retry-After</c> (as a proxy would add); null sends none, as lakeFS itself does.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 420, 429 or 503, or <paramref name="retryAfter"/> is negative.</exception>
    public static EmulatorFault Throttle(int statusCode = 429, TimeSpan? retryAfter = null)
    {
        var message = statusCode switch
        {
            420 => "too many requests",
            429 => "Too Many Requests",
            503 => "Throughput exceeded. Slow down and retry",
            _ => throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Throttling status must be 420, 429 or 503."),
        };
        if (retryAfter is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(retryAfter));
        }

        return new EmulatorFault(EmulatorFaultKind.Throttle) { StatusCode = statusCode, Message = message, RetryAfter = retryAfter };
    }

    /// <summary>A 500 answer with a <c>{"message"}</c> body.</summary>
    /// <param name="message">The error message.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServerError(string message = "internal server error") =>
        new(EmulatorFaultKind.ServerError) { StatusCode = 500, Message = message };

    /// <summary>Waits <paramref name="delay"/> on the emulator's clock, then answers normally.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static EmulatorFault Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new EmulatorFault(EmulatorFaultKind.Latency) { Delay = delay };
    }

    /// <summary>Drops the connection before any header is sent.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection);

    /// <summary>Sends the headers and half of the body (declaring the full length), then drops the connection.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault DropMidResponse() => new(EmulatorFaultKind.DropMidResponse);

    /// <summary>Sends a complete 200 JSON response whose body is cut in half, so it does not parse.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedJson() => new(EmulatorFaultKind.MalformedJson);

    /// <summary>A copy of this fault that only applies to requests for <paramref name="operation"/>.</summary>
    /// <param name="operation">An operation id from <see cref="EmulatorOperations"/>.</param>
    /// <returns>The restricted fault.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is not a known operation id.</exception>
    public EmulatorFault ForOperation(string operation)
    {
        if (!EmulatorOperations.All.Contains(operation))
        {
            throw new ArgumentException($"Unknown operation id '{operation}'.", nameof(operation));
        }

        return this with { Operation = operation };
    }

    /// <summary>True when the fault applies to a request for <paramref name="operation"/>.</summary>
    internal bool AppliesTo(string? operation) => Operation is null || string.Equals(Operation, operation, StringComparison.Ordinal);
}
