using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>
/// The audit's data gathering: lists the runs (of a commit, or the latest N), the hooks of each run, and the tail
/// of each failed hook's output. Rendering is elsewhere (<see cref="AuditTextWriter"/>, <see cref="Html.AuditHtmlReport"/>).
/// </summary>
internal sealed class AuditRunner(ILakeFsActionsClient client)
{
    /// <summary>How many runs' hooks are fetched at once.</summary>
    private const int HookConcurrency = 8;

    public async Task<AuditFindings> CollectAsync(AuditRequest request, CancellationToken cancellationToken)
    {
        var runs = new List<ActionRun>();
        await foreach (var run in client.ListRunsAsync(request.Repository, new RunQuery { Commit = request.Commit }, cancellationToken))
        {
            runs.Add(run);
            if (request.Commit is null && runs.Count == request.Latest)
            {
                break;
            }
        }

        // The hooks of the runs are fetched HookConcurrency runs at a time, and come back in the runs' order.
        var audited = new List<AuditedRun>(runs.Count);
        await foreach (var (run, runHooks) in client.ListHooksAsync(request.Repository, runs.ToAsyncEnumerable(), HookConcurrency, cancellationToken))
        {
            var hooks = new List<AuditedHook>(runHooks.Count);
            foreach (var hook in runHooks)
            {
                var tail = hook.Status == HookStatus.Failed
                    ? await TailAsync(request.Repository, run.RunId, hook.HookRunId, request.TailLines, cancellationToken)
                    : [];
                hooks.Add(new AuditedHook(hook, tail));
            }

            audited.Add(new AuditedRun(run, hooks));
        }

        return new AuditFindings(request, audited);
    }

    // Reads the hook's log as a stream, keeping only the last lines: a big log is never held in memory.
    private async Task<IReadOnlyList<string>> TailAsync(string repository, string runId, string hookRunId, int lines, CancellationToken cancellationToken)
    {
        await using var log = await client.GetHookOutputAsync(repository, runId, hookRunId, cancellationToken);
        using var reader = new StreamReader(log.Content);
        var tail = new Queue<string>(lines);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (tail.Count == lines)
            {
                tail.Dequeue();
            }

            tail.Enqueue(line);
        }

        return [.. tail];
    }
}
