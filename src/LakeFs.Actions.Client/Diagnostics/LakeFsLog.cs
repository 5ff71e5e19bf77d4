using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client;

/// <summary>The client's log messages. None of them takes a credential or a header value.</summary>
internal static partial class LakeFsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "lakeFS {Method} {Route} answered {StatusCode} in {ElapsedMilliseconds:F1} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "lakeFS {Method} {Route} failed after {ElapsedMilliseconds:F1} ms: {Error}")]
    public static partial void RequestFailed(ILogger logger, string method, string route, double elapsedMilliseconds, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "lakeFS {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds:F0} ms (status {StatusCode})")]
    public static partial void RetryScheduled(ILogger logger, string operation, int attempt, double delayMilliseconds, int statusCode, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "lakeFS credentials are sent with HTTP {Scheme} authentication over plain http to {Host}, which is not a loopback address; use https")]
    public static partial void InsecureAuthentication(ILogger logger, string scheme, string host);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "lakeFS {Operation} returned {Count} item(s) not past the cursor '{After}' it was asked to start after (the first: '{Key}'); dropped them so the listing yields no item twice")]
    public static partial void ItemsNotPastCursorDropped(ILogger logger, string operation, int count, string key, string after);
}
