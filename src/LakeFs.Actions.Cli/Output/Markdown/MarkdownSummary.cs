using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>What <c>list</c> and <c>view</c> write with <c>--output markdown</c>.</summary>
internal static class MarkdownSummary
{
    /// <summary><c>list</c>: a heading, the runs table, then the failed hooks of the failed runs with the tail of their logs.</summary>
    public static async Task WriteListAsync(
        ILakeFsActionsClient client, TextWriter output, string repository, IReadOnlyCollection<ActionRun> runs, CancellationToken cancellationToken)
    {
        var writer = new MarkdownSummaryWriter(output);
        await writer.WriteHeadingAsync($"lakeFS action runs in {MarkdownText.Escape(repository)}");
        await writer.WriteRunTableAsync(runs);
        await writer.WriteHookLogsAsync("Failed hooks", await HookLog.OfFailedRunsAsync(client, repository, runs, cancellationToken));
    }

    /// <summary>
    /// <c>view</c>: a heading, the run as a one-row runs table, its hooks, then the failed hooks with the tail of
    /// their logs (with <c>--logs</c>: every hook).
    /// </summary>
    public static async Task WriteViewAsync(
        ILakeFsActionsClient client, TextWriter output, string repository, ActionRun run, IReadOnlyCollection<HookRun> hooks, bool allLogs, CancellationToken cancellationToken)
    {
        var writer = new MarkdownSummaryWriter(output);
        await writer.WriteHeadingAsync($"lakeFS action run {MarkdownText.Escape(run.RunId)} in {MarkdownText.Escape(repository)}");
        await writer.WriteRunTableAsync([run]);
        await writer.WriteHookTableAsync(hooks);
        var logs = await HookLog.OfHooksAsync(client, repository, run, hooks, onlyFailed: !allLogs, cancellationToken);
        await writer.WriteHookLogsAsync(allLogs ? "Hook logs" : "Failed hooks", logs);
    }
}
