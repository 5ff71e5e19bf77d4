using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>Turns what went wrong into one line on standard error and an exit code; never a stack trace, never a secret.</summary>
internal static class ErrorReporter
{
    /// <summary>The exit code for <paramref name="error"/>.</summary>
    /// <param name="error">What was thrown.</param>
    /// <param name="cancellationToken">The command's token: when it was cancelled, the command was interrupted.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeOf(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => ExitCodes.Interrupted,
        TimeoutException => ExitCodes.Timeout,
        UsageException or ArgumentException => ExitCodes.Usage,
        LakeFsApiException { StatusCode: 404 or 410 } => ExitCodes.NotFound,
        LakeFsApiException { StatusCode: 401 or 403 } => ExitCodes.Unauthorized,
        LakeFsApiException { StatusCode: 409 or 412 } => ExitCodes.Conflict,
        _ => ExitCodes.ApiError,
    };

    /// <summary>Writes one line about <paramref name="error"/> to <paramref name="stderr"/>.</summary>
    /// <param name="error">What was thrown.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="cancellationToken">The command's token.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> ReportAsync(Exception error, TextWriter stderr, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodeOf(error, cancellationToken);
        var message = exitCode switch
        {
            ExitCodes.Interrupted => "interrupted",
            ExitCodes.Timeout or ExitCodes.Usage => error.Message,
            _ when error is LakeFsApiException => error.Message,
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        await stderr.WriteLineAsync("lakefs-runs: " + OneLine(message));
        return exitCode;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
