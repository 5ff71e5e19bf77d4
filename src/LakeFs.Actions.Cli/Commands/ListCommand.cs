using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs list</c>: the action runs of a repository, newest first (like <c>lakectl actions runs list</c>).</summary>
internal static class ListCommand
{
    public const int DefaultLimit = 20;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var branch = new Option<string?>("--branch") { Description = "Only runs on exactly this branch (not main-dev for main).", HelpName = "branch" };
        var commit = new Option<string?>("--commit") { Description = "Only runs of this commit: a full id or an abbreviation, like git (an ambiguous one exits 2). Not with --branch.", HelpName = "commit-id" };
        var status = new Option<string?>("--status") { Description = "Only runs with this status.", HelpName = "completed|failed" }
            .AcceptOnlyFromAmong("completed", "failed");
        var eventType = new Option<string?>("--event") { Description = "Only runs of this event type, e.g. pre-commit, post-merge.", HelpName = "event" };
        var since = new Option<string?>("--since")
        {
            Description = "Only runs started at or after this time: ISO-8601 (2025-06-01T12:00:00Z, UTC unless an offset is given) or a duration back from now (2h, 30m, 1d).",
            HelpName = "time|duration",
        };
        var limit = IntegerOption.Create("--limit", $"Show at most this many runs; 0 shows all. Default {DefaultLimit}.", DefaultLimit, minimum: 0, "-L");

        var command = new Command("list", "List the action runs of a repository, newest first.")
        {
            repository, branch, commit, status, eventType, since, limit,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var repositoryId = parseResult.GetRequiredValue(repository);
            var sinceText = parseResult.GetValue(since);
            var statusText = parseResult.GetValue(status);
            var max = parseResult.GetValue(limit);
            return ClientCommand.RunAsync(environment, settings, (client, token) =>
            {
                var query = new RunQuery
                {
                    Branch = parseResult.GetValue(branch),
                    Commit = parseResult.GetValue(commit),
                    Status = statusText is null ? null : (RunStatus?)new RunStatus(statusText),
                    EventType = parseResult.GetValue(eventType),
                    Since = sinceText is null ? null : ParseSince(sinceText, environment.TimeProvider.GetUtcNow()),
                };

                // Without client-side filters, one page of exactly --limit runs is all that is needed.
                if (max is > 0 and <= LakeFsClientOptions.MaxPageSize && query.Status is null && query.EventType is null && query.Since is null)
                {
                    query.PageSize = max;
                }

                return ExecuteAsync(client, environment, settings.Output, repositoryId, query, max, token);
            }, cancellationToken);
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static DateTimeOffset ParseSince(string text, DateTimeOffset now) =>
        SinceParser.TryParse(text, now, out var since)
            ? since
            : throw new UsageException($"--since must be an ISO-8601 time such as 2025-06-01T12:00:00Z or a duration such as 2h, 30m, 1d (was '{text}').");

    private static async Task<int> ExecuteAsync(
        ILakeFsActionsClient client, CliEnvironment environment, OutputFormat format, string repository, RunQuery query, int limit, CancellationToken cancellationToken)
    {
        var runs = client.ListRunsAsync(repository, query, cancellationToken);
        var limited = limit > 0 ? runs.Take(limit) : runs;
        if (format == OutputFormat.Json)
        {
            var json = new JsonLineWriter(environment.Out);
            await foreach (var run in limited.WithCancellation(cancellationToken))
            {
                await json.WriteLineAsync(run, cancellationToken);
            }

            return ExitCodes.Success;
        }

        if (format == OutputFormat.Markdown)
        {
            await MarkdownSummary.WriteListAsync(client, environment.Out, repository, await limited.ToListAsync(cancellationToken), cancellationToken);
            return ExitCodes.Success;
        }

        RunTableWriter.Write(ConsoleFactory.Create(environment), await limited.ToListAsync(cancellationToken));
        return ExitCodes.Success;
    }
}
