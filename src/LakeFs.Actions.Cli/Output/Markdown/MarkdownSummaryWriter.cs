using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Writes runs and hooks as GitHub-flavoured markdown for CI job summaries (<c>$GITHUB_STEP_SUMMARY</c>, Azure
/// DevOps' <c>##vso[task.uploadsummary]</c>): a heading, a table of runs with their status, and the hooks with
/// the tail of their logs in collapsible <c>&lt;details&gt;</c> blocks. Lines end with <c>\n</c> on every platform.
/// </summary>
internal sealed class MarkdownSummaryWriter(TextWriter writer)
{
    /// <summary>A <c>##</c> heading (escaped) and a blank line.</summary>
    public Task WriteHeadingAsync(string text) => writer.WriteAsync($"## {text}\n\n");

    /// <summary>The header of the runs table; rows follow with <see cref="WriteRunRowAsync"/>.</summary>
    public Task WriteRunTableHeaderAsync() => writer.WriteAsync(
        "| Run | Event | Branch | Commit | Status | Started (UTC) | Duration |\n" +
        "| --- | --- | --- | --- | --- | --- | --- |\n");

    /// <summary>One row of the runs table.</summary>
    public Task WriteRunRowAsync(ActionRun run) => writer.WriteAsync(
        $"| {MarkdownText.Code(run.RunId)} | {MarkdownText.Escape(run.EventType)} | {MarkdownText.Escape(run.Branch)} | " +
        $"{MarkdownText.Code(DisplayTime.ShortCommit(run.CommitId))} | {Status(run.Status.Value)} | {DisplayTime.Of(run.StartTime)} | " +
        $"{DisplayTime.DurationOf(run.StartTime, run.EndTime)} |\n");

    /// <summary>The runs table, or <c>No runs.</c>; then a blank line.</summary>
    public async Task WriteRunTableAsync(IReadOnlyCollection<ActionRun> runs)
    {
        if (runs.Count == 0)
        {
            await writer.WriteAsync("No runs.\n\n");
            return;
        }

        await WriteRunTableHeaderAsync();
        foreach (var run in runs)
        {
            await WriteRunRowAsync(run);
        }

        await writer.WriteAsync("\n");
    }

    /// <summary>The hooks of one run as a table, or <c>No hooks.</c>; then a blank line.</summary>
    public async Task WriteHookTableAsync(IReadOnlyCollection<HookRun> hooks)
    {
        if (hooks.Count == 0)
        {
            await writer.WriteAsync("No hooks.\n\n");
            return;
        }

        await writer.WriteAsync(
            "| Hook run | Action | Hook | Status | Started (UTC) | Ended (UTC) | Duration |\n" +
            "| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var hook in hooks)
        {
            await writer.WriteAsync(
                $"| {MarkdownText.Code(hook.HookRunId)} | {MarkdownText.Escape(hook.Action)} | {MarkdownText.Escape(hook.HookId)} | " +
                $"{Status(hook.Status.Value)} | {DisplayTime.Of(hook.StartTime)} | {DisplayTime.Of(hook.EndTime)} | " +
                $"{DisplayTime.DurationOf(hook.StartTime, hook.EndTime)} |\n");
        }

        await writer.WriteAsync("\n");
    }

    /// <summary>A <c>###</c> heading and one collapsible block per hook with the tail of its log; nothing when there are none.</summary>
    public async Task WriteHookLogsAsync(string heading, IReadOnlyCollection<HookLog> logs)
    {
        if (logs.Count == 0)
        {
            return;
        }

        await writer.WriteAsync($"### {heading}\n\n");
        foreach (var log in logs)
        {
            var summary = $"{Emoji(log.Hook.Status.Value)} {log.Hook.Action}/{log.Hook.HookId} · run {log.Run.RunId} · {log.Run.EventType} on {log.Run.Branch}";
            if (log.Tail.Truncated)
            {
                summary += $" · last {log.Tail.Lines.Count} lines";
            }

            await writer.WriteAsync($"<details><summary>{MarkdownText.Html(summary)}</summary>\n\n");
            await writer.WriteAsync(log.Tail.Lines.Count == 0 ? "*(no output)*\n" : MarkdownText.FencedBlock(log.Tail.Lines));
            await writer.WriteAsync("\n</details>\n\n");
        }
    }

    /// <summary>A status with its sign: ✅ completed, ❌ failed, ⏭️ skipped, ⏳ anything else.</summary>
    public static string Status(string status) => $"{Emoji(status)} {MarkdownText.Escape(status)}";

    private static string Emoji(string status) => status.ToLowerInvariant() switch
    {
        "completed" => "✅",
        "failed" => "❌",
        "skipped" => "⏭️",
        _ => "⏳",
    };
}
