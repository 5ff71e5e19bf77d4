using LakeFs.Actions.Client;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>The errors the audit reports as one line (exit code 2) rather than a stack trace.</summary>
internal static class AuditErrors
{
    /// <summary>One line about <paramref name="error"/>, or null for an error the audit does not expect.</summary>
    /// <param name="error">What was thrown.</param>
    /// <returns>The line, or null.</returns>
    public static string? Describe(Exception error) => error switch
    {
        OptionsValidationException validation => "invalid lakeFS settings: " + string.Join(" ", validation.Failures),
        LakeFsApiException api => OneLine(api.Message),
        ArgumentException { ParamName: { } name } argument when argument.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal) =>
            OneLine(argument.Message[..^$" (Parameter '{name}')".Length]),
        ArgumentException argument => OneLine(argument.Message),
        IOException or UnauthorizedAccessException => "could not write the HTML report: " + OneLine(error.Message),
        InvalidOperationException configuration => "configuration: " + OneLine(configuration.Message),
        _ => null,
    };

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
