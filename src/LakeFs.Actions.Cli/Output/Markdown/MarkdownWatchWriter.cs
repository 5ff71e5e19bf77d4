using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>
/// What <c>watch</c> writes with <c>--output markdown</c>: the heading and the table header with the first run,
/// a row per run as it arrives, and when the watch ends the failed hooks of the failed runs with the tail of their logs.
/// </summary>
internal sealed class MarkdownWatchWriter(ILakeFsActionsClient client, TextWriter output, string repository, string scope)
{
    private readonly MarkdownSummaryWriter _writer = new(output);
    private readonly List<ActionRun> _runs = [];

    /// <summary>Writes a row for <paramref name="run"/> (after the heading and table header, for the first run).</summary>
    public async Task WriteRunAsync(ActionRun run)
    {
        if (_runs.Count == 0)
        {
            await _writer.WriteHeadingAsync($"lakeFS action runs of {MarkdownText.Escape(scope)} in {MarkdownText.Escape(repository)}");
            await _writer.WriteRunTableHeaderAsync();
        }

        _runs.Add(run);
        await _writer.WriteRunRowAsync(run);
    }

    /// <summary>Ends the table and writes the failed hooks; nothing when no run arrived.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_runs.Count == 0)
        {
            return;
        }

        await output.WriteAsync("\n");
        await _writer.WriteHookLogsAsync("Failed hooks", await HookLog.OfFailedRunsAsync(client, repository, _runs, cancellationToken));
    }
}
