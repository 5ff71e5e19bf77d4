using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LakeFs.Actions.Client;

/// <summary>Builds the Polly pipeline every call runs in: a per-attempt timeout inside a retry with backoff, jitter and <c>Retry-After</c>.</summary>
/// <remarks>
/// It wraps each whole attempt (request and reading the body), so a body cut off mid-JSON is retried like a
/// transport error; a complete but malformed body is not. An attempt's failed answer is its result
/// (<see cref="ILakeFsAttempt"/>), classified here from its status; exceptions are transport failures and timeouts.
/// </remarks>
internal static class LakeFsRetryPipeline
{
    /// <summary>The operation of the call: for logs, and whether it is safe to repeat.</summary>
    public static readonly ResiliencePropertyKey<LakeFsOperation> OperationKey = new("lakefs.operation");

    public static ResiliencePipeline Create(LakeFsClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = LakeFsTelemetry.Name };
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                // A success (every call, nearly) is decided before looking up the operation.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome switch
                {
                    { Result: ILakeFsAttempt { Failure: null } } => false,
                    { Result: ILakeFsAttempt { Failure: { } answer } } => IsTransient(answer.StatusCode, args.Context.Properties.GetValue(OperationKey, LakeFsOperation.Unknown)),
                    { Exception: { } error } => IsTransient(error, args.Context.Properties.GetValue(OperationKey, LakeFsOperation.Unknown), args.Context.CancellationToken),
                    _ => false,
                }),
                DelayGenerator = args =>
                {
                    var retryAfter = (args.Outcome.Result as ILakeFsAttempt)?.Failure?.RetryAfter ?? (args.Outcome.Exception as LakeFsApiException)?.RetryAfter;
                    if (retry.RespectRetryAfter && retryAfter is { } wait)
                    {
                        return new ValueTask<TimeSpan?>(wait > retry.MaxDelay ? retry.MaxDelay : wait);
                    }

                    return new ValueTask<TimeSpan?>((TimeSpan?)null);
                },
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, LakeFsOperation.Unknown).Id;
                    var answer = (args.Outcome.Result as ILakeFsAttempt)?.Failure;
                    var status = answer?.StatusCode ?? (args.Outcome.Exception as LakeFsApiException)?.StatusCode ?? 0;
                    var reason = answer?.Reason ?? (args.Outcome.Exception is LakeFsApiException api ? api.Reason : args.Outcome.Exception?.GetType().Name ?? "unknown");
                    LakeFsLog.RetryScheduled(logger, operation, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, status, reason);
                    LakeFsTelemetry.Retries.Add(1, new(LakeFsTelemetry.OperationTag, operation), new(LakeFsTelemetry.StatusCodeTag, status));
                    return default;
                },
            });
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }

        return builder.Build();
    }

    /// <summary>True when an answer with <paramref name="status"/> is worth repeating for <paramref name="operation"/> (see the overload for exceptions).</summary>
    public static bool IsTransient(int status, LakeFsOperation operation) =>
        operation.IsSafeToRepeat ? LakeFsStatusCodes.IsTransient(status) : LakeFsStatusCodes.IsRefusedUnread(status);

    /// <summary>
    /// For an operation that is safe to repeat (GET, PUT, DELETE): throttling (420, 429, 503), 408, 500, 502, 504,
    /// attempt timeouts, transport errors and bodies cut off mid-stream are transient.
    /// </summary>
    /// <remarks>
    /// For one that is not (POST): only a refusal before the server acted on it, i.e. 420 or 429 and a connection
    /// that was never made; after a 5xx, a timeout or a broken connection the server may have acted, so it is not
    /// repeated. 4xx answers, malformed bodies, TLS trust failures and the caller's own cancellation are never
    /// transient.
    /// </remarks>
    public static bool IsTransient(Exception? error, LakeFsOperation operation, CancellationToken callerToken) => error switch
    {
        null => false,
        OperationCanceledException when callerToken.IsCancellationRequested => false,
        LakeFsApiException api => IsTransient(api.StatusCode, operation),
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException { InnerException: AuthenticationException } => false,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => true, // never sent
        _ when !operation.IsSafeToRepeat => false,
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        OperationCanceledException => true, // HttpClient.Timeout of a client configured by the user
        _ => false,
    };
}
