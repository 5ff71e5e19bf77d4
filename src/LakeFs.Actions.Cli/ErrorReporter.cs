using System.Text;
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
        HintedException { InnerException: { } inner } => ExitCodeOf(inner, cancellationToken),
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
        await stderr.WriteLineAsync("lakefs-runs: " + OneLine(MessageOf(error, exitCode)));
        return exitCode;
    }

    /// <summary>
    /// <paramref name="text"/> on one line: line breaks become spaces, other control characters (a NUL from a
    /// binary file, say) are shown as <c>\u0000</c> escapes.
    /// </summary>
    /// <param name="text">A message.</param>
    /// <returns>The line.</returns>
    public static string OneLine(string text)
    {
        var joined = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!joined.Any(char.IsControl))
        {
            return joined;
        }

        var line = new StringBuilder(joined.Length + 16);
        foreach (var c in joined)
        {
            line.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return line.ToString();
    }

    private static string MessageOf(Exception error, int exitCode) => error switch
    {
        HintedException { InnerException: { } inner } => $"{MessageOf(inner, exitCode)} {error.Message}",
        _ when exitCode == ExitCodes.Interrupted => "interrupted",
        ArgumentException argument => WithoutParameterName(argument),
        UsageException or TimeoutException or LakeFsApiException => error.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    // ArgumentException.Message ends with " (Parameter 'name')": a detail for programmers, not for a command line.
    private static string WithoutParameterName(ArgumentException error)
    {
        var suffix = $" (Parameter '{error.ParamName}')";
        return error.ParamName is not null && error.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? error.Message[..^suffix.Length]
            : error.Message;
    }
}
