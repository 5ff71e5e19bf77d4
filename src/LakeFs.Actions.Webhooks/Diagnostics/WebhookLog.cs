using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Webhooks;

/// <summary>The endpoint's log messages. None of them takes the secret, a header value or the query string.</summary>
internal static partial class WebhookLog
{
    public const string Category = "LakeFs.Actions.Webhooks";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "lakeFS {EventType} hook call: repository {Repository}, branch {Branch}, action {Action}, hook {Hook}")]
    public static partial void HookReceived(ILogger logger, string eventType, string repository, string? branch, string action, string hook);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "lakeFS {EventType} hook {Action}/{Hook} on {Repository} passed")]
    public static partial void HookPassed(ILogger logger, string eventType, string action, string hook, string repository);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "lakeFS {EventType} hook {Action}/{Hook} on {Repository} refused: {Reason}")]
    public static partial void HookRefused(ILogger logger, string eventType, string action, string hook, string repository, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "lakeFS {EventType} hook {Action}/{Hook} on {Repository} ran out of time after {ElapsedSeconds:F1} s (deadline {DeadlineSeconds:F1} s)")]
    public static partial void HookTimedOut(ILogger logger, string eventType, string action, string hook, string repository, double elapsedSeconds, double deadlineSeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "lakeFS {EventType} hook {Action}/{Hook} on {Repository}: the handler failed")]
    public static partial void HandlerFailed(ILogger logger, string eventType, string action, string hook, string repository, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Rejected a lakeFS webhook request to {Path} with {StatusCode}: {Problem}")]
    public static partial void RequestRejected(ILogger logger, string path, int statusCode, string problem);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Rejected a lakeFS webhook request to {Path} with 401: the shared secret is {Problem} (expected in the {Where})")]
    public static partial void SecretRejected(ILogger logger, string path, string problem, string where);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "lakeFS went away before {EventType} hook {Action}/{Hook} on {Repository} answered (the operation was cancelled or lakeFS's timeout passed)")]
    public static partial void ClientWentAway(ILogger logger, string eventType, string action, string hook, string repository);
}
