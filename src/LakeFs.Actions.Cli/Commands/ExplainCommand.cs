using System.CommandLine;
using LakeFs.Actions.Client;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Cli;

/// <summary>
/// <c>lakefs-runs explain</c>: why lakeFS refused an operation with a hook abort (the message, as printed or as the
/// JSON error body), or what the failed hooks of a run said (a run id).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var text = new Argument<string>("message-or-run-id")
        {
            Description = "The refused operation's error message (\"pre-commit hook aborted, run id '...': 1 error occurred: ...\"; also the JSON error body or its \\n-escaped text), or a run id.",
        };
        var command = new Command("explain", "Explain a hook refusal: the run, each failed hook with the end of its log, or (HTTP 500) which action file is broken and why.")
        {
            repository, text,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var request = new ExplainRequest(parseResult.GetRequiredValue(repository), parseResult.GetRequiredValue(text), settings.Output);
            return ClientCommand.RunAsync(environment, settings, (client, token) => ExecuteAsync(client, environment, request, token), cancellationToken);
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static async Task<int> ExecuteAsync(ILakeFsActionsClient client, CliEnvironment environment, ExplainRequest request, CancellationToken cancellationToken)
    {
        var explanation = await ExplainAsync(client, request.Repository, request.Text, cancellationToken);
        var writer = new ExplanationWriter(environment.Out);
        await (request.Format switch
        {
            OutputFormat.Json => writer.WriteJsonAsync(explanation, cancellationToken),
            OutputFormat.Markdown => writer.WriteMarkdownAsync(explanation),
            _ => writer.WriteTextAsync(explanation),
        });
        return ExitCodes.Success;
    }

    private static Task<HookRefusalExplanation> ExplainAsync(ILakeFsActionsClient client, string repository, string text, CancellationToken cancellationToken)
    {
        var message = Unwrap(text);
        if (HookRefusal.TryParse(message, out var refusal))
        {
            return client.ExplainRefusalAsync(repository, refusal, cancellationToken);
        }

        var trimmed = message.Trim();
        if (trimmed.Length is > 0 and <= 64 && !trimmed.Any(char.IsWhiteSpace) && !trimmed.Contains('\''))
        {
            return client.ExplainRunAsync(repository, trimmed, cancellationToken);
        }

        throw new UsageException($"'{Snippet(trimmed)}' is neither a lakeFS hook abort (\"<event> hook aborted, run id '...': ...\") nor a run id.");
    }

    /// <summary>The message inside a pasted JSON error body (<c>{"message": "..."}</c>), or a message pasted with its JSON escapes (<c>\n\t* </c>).</summary>
    internal static string Unwrap(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                if (JToken.Parse(trimmed) is JObject { } body && body["message"] is JValue { Type: JTokenType.String } value)
                {
                    return (string)value!;
                }
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // Not JSON after all: read it as the message itself.
            }
        }

        if (!trimmed.Contains('\n') && trimmed.Contains("\\n", StringComparison.Ordinal))
        {
            try
            {
                return (string)JToken.Parse("\"" + trimmed.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\\\\\"", "\\\"", StringComparison.Ordinal) + "\"")!;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static string Snippet(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private sealed record ExplainRequest(string Repository, string Text, OutputFormat Format);
}
