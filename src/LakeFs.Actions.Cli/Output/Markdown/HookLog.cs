using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>A hook run of a run, with the tail of its output.</summary>
internal sealed record HookLog(ActionRun Run, HookRun Hook, LogTail Tail)
{
    /// <summary>How many lines of a log a summary shows at most.</summary>
    public const int TailLines = 20;

    /// <summary>How many bytes of the end of a log a summary looks at, at most.</summary>
    public const int TailBytes = 8 * 1024;

    /// <summary>How many runs' hooks are fetched at once.</summary>
    public const int HookConcurrency = 8;

    /// <summary>The failed hooks of the failed runs among <paramref name="runs"/>, each with the tail of its log, in the order of the runs.</summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">Repository id.</param>
    /// <param name="runs">The runs shown; only the failed ones are looked into.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The failed hooks.</returns>
    public static async Task<IReadOnlyList<HookLog>> OfFailedRunsAsync(
        ILakeFsActionsClient client, string repository, IEnumerable<ActionRun> runs, CancellationToken cancellationToken)
    {
        // The hooks of the failed runs are fetched HookConcurrency runs at a time, in the runs' order.
        var logs = new List<HookLog>();
        var failed = runs.Where(run => run.Status == RunStatus.Failed).ToAsyncEnumerable();
        await foreach (var (run, hooks) in client.ListHooksAsync(repository, failed, HookConcurrency, cancellationToken).ConfigureAwait(false))
        {
            logs.AddRange(await OfHooksAsync(client, repository, run, hooks, onlyFailed: true, cancellationToken));
        }

        return logs;
    }

    /// <summary>The hooks of one run (all, or only the failed ones), each with the tail of its log.</summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">Repository id.</param>
    /// <param name="run">The run.</param>
    /// <param name="hooks">Its hooks.</param>
    /// <param name="onlyFailed">Only the failed hooks.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The hooks with their logs.</returns>
    public static async Task<IReadOnlyList<HookLog>> OfHooksAsync(
        ILakeFsActionsClient client, string repository, ActionRun run, IEnumerable<HookRun> hooks, bool onlyFailed, CancellationToken cancellationToken)
    {
        var logs = new List<HookLog>();
        foreach (var hook in hooks.Where(hook => !onlyFailed || hook.Status == HookStatus.Failed))
        {
            await using var output = await client.GetHookOutputAsync(repository, run.RunId, hook.HookRunId, cancellationToken);
            logs.Add(new HookLog(run, hook, await LogTail.ReadAsync(output.Content, TailLines, TailBytes, cancellationToken)));
        }

        return logs;
    }
}
