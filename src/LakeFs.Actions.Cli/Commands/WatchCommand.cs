using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs watch</c>: waits for the runs of a commit and prints each as it appears (like <c>gh run watch</c>).</summary>
internal static class WatchCommand
{
    public const string Description = """
        Wait for the runs of a commit (or a branch) and print each one as it appears, oldest first.
        --commit takes a full commit id or an abbreviation, like git (an ambiguous one exits 2);
        --branch is exact (main does not include main-dev). Give one of them, not both.
        Runs that land late, with ids older than runs already printed (a slow post-commit
        webhook), are still printed: each poll re-reads the runs started within --look-back.
        When to stop:
          with --event: as soon as a run of that event type arrived;
          without: once at least one run arrived and the next poll brought no new one
          (no new run for two poll intervals after the latest), so post-* runs that
          lakeFS records shortly after the pre-* ones are still caught.
        Gives up with exit code 124 after --timeout.
        """;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var commit = new Option<string?>("--commit") { Description = "Commit id (full or abbreviated) whose runs to wait for.", HelpName = "commit-id" };
        var branch = new Option<string?>("--branch") { Description = "Branch whose runs to wait for (exact name).", HelpName = "branch" };
        var eventType = new Option<string?>("--event") { Description = "Only runs of this event type; stop when one arrived.", HelpName = "event" };
        var interval = DurationOption.Create("--interval", "Time between two polls, e.g. 500ms, 2s.", TimeSpan.FromSeconds(2));
        var timeout = DurationOption.Create("--timeout", "Give up (exit 124) after this long, e.g. 90s, 10m, 1h.", TimeSpan.FromMinutes(10));
        var lookBack = DurationOption.Create("--look-back", "How far back each poll looks for runs that land late, e.g. 15m, 1h.", new WatchOptions().LookBack);
        var exitStatus = new Option<bool>("--exit-status") { Description = "Exit with 1 when one of the runs failed." };
        var command = new Command("watch", Description) { repository, commit, branch, eventType, interval, timeout, lookBack, exitStatus };
        command.Validators.Add(result =>
        {
            if (result.GetValue(commit) is null && result.GetValue(branch) is null)
            {
                result.AddError("watch needs --commit or --branch.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var request = new WatchRequest(
                parseResult.GetRequiredValue(repository),
                new RunQuery { Commit = parseResult.GetValue(commit), Branch = parseResult.GetValue(branch), EventType = parseResult.GetValue(eventType) },
                new WatchOptions { PollInterval = parseResult.GetValue(interval), Timeout = parseResult.GetValue(timeout), LookBack = parseResult.GetValue(lookBack) },
                parseResult.GetValue(exitStatus),
                settings.Output);
            return ClientCommand.RunAsync(environment, settings, (client, token) => ExecuteAsync(client, environment, request, token), cancellationToken);
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static async Task<int> ExecuteAsync(ILakeFsActionsClient client, CliEnvironment environment, WatchRequest request, CancellationToken cancellationToken)
    {
        // What is watched: "commit <short id>" or "branch <name>" (exactly one of them is given).
        var scope = request.Query.Commit is { } watchedCommit ? $"commit {DisplayTime.ShortCommit(watchedCommit)}" : $"branch {request.Query.Branch}";
        var json = request.Format == OutputFormat.Json ? new JsonLineWriter(environment.Out) : null;
        var markdown = request.Format == OutputFormat.Markdown ? new MarkdownWatchWriter(client, environment.Out, request.Repository, scope) : null;
        var lines = request.Format == OutputFormat.Table ? new RunLineWriter(ConsoleFactory.Create(environment)) : null;
        RunsVerdict verdict;
        var arrived = 0;
        var awaited = $"Waiting for {(request.Query.EventType is { } awaitedEvent ? $"a {awaitedEvent} run" : "runs")} of {scope} in {request.Repository}";
        using var progress = WaitProgress.Start(environment, awaited);
        try
        {
            var wait = new RunWaitOptions
            {
                Watch = request.Options,
                OnRun = async (run, token) =>
                {
                    progress.Clear();
                    if (json is not null)
                    {
                        await json.WriteLineAsync(run, token);
                    }
                    else if (markdown is not null)
                    {
                        await markdown.WriteRunAsync(run);
                    }
                    else
                    {
                        lines!.Write(run);
                    }

                    await environment.Out.FlushAsync(token);
                    progress.Update($"{awaited}: {++arrived} arrived");
                },
            };
            verdict = await client.WaitForRunsAsync(request.Repository, request.Query, wait, cancellationToken);

            progress.Dispose();
            if (markdown is not null)
            {
                await markdown.CompleteAsync(cancellationToken);
            }
        }
        catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            var what = request.Query.EventType is { } eventType ? $"a {eventType} run" : "runs";
            var of = request.Query.Commit is { } commitId ? $"commit {commitId}" : $"branch {request.Query.Branch}";
            throw new TimeoutException($"Timed out after {DurationParser.Format(request.Options.Timeout!.Value)} waiting for {what} of {of} in repository {request.Repository}.");
        }

        return request.ExitStatus && !verdict.Passed ? ExitCodes.RunFailed : ExitCodes.Success;
    }

    private sealed record WatchRequest(string Repository, RunQuery Query, WatchOptions Options, bool ExitStatus, OutputFormat Format);
}
