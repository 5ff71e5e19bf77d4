using System.Globalization;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>
/// The audit workflow: list the runs (of a commit, or the latest N), report each with its status, drill into the
/// failed ones and print each failed hook with its times and the tail of its output.
/// </summary>
internal sealed class AuditRunner(ILakeFsActionsClient client, TextWriter output)
{
    /// <summary>How many failed runs' hooks are fetched at once.</summary>
    private const int HookConcurrency = 8;

    public async Task<AuditReport> RunAsync(AuditRequest request, CancellationToken cancellationToken)
    {
        var scope = request.Commit is null ? $"latest {request.Latest} runs" : $"runs of commit {request.Commit}";
        await output.WriteLineAsync($"Audit of {request.Repository}: {scope}");

        var runs = new List<ActionRun>();
        await foreach (var run in client.ListRunsAsync(request.Repository, new RunQuery { Commit = request.Commit }, cancellationToken))
        {
            runs.Add(run);
            if (request.Commit is null && runs.Count == request.Latest)
            {
                break;
            }
        }

        foreach (var run in runs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {run.RunId}  {run.Status,-9}  {run.EventType,-18}  {run.Branch,-12}  {Short(run.CommitId)}  {run.StartTime:u}"));
        }

        int failedHooks = 0, skippedHooks = 0;
        // The hooks of the failed runs are fetched HookConcurrency runs at a time, and come back in the runs' order.
        var failedRuns = runs.Where(r => r.Status == RunStatus.Failed).ToAsyncEnumerable();
        await foreach (var (run, hooks) in client.ListHooksAsync(request.Repository, failedRuns, HookConcurrency, cancellationToken))
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Run {run.RunId} failed ({run.EventType} on {run.Branch}, commit {Short(run.CommitId)})");
            foreach (var hook in hooks)
            {
                if (hook.Status == HookStatus.Skipped)
                {
                    skippedHooks++;
                    await output.WriteLineAsync($"  hook {hook.Action}/{hook.HookId}: skipped (an earlier hook failed)");
                }
                else if (hook.Status == HookStatus.Failed)
                {
                    failedHooks++;
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  hook {hook.Action}/{hook.HookId}: failed, started {hook.StartTime:u}, ended {hook.EndTime:u}, took {Duration(hook)}"));
                    foreach (var line in await TailAsync(request.Repository, run.RunId, hook.HookRunId, request.TailLines, cancellationToken))
                    {
                        await output.WriteLineAsync($"    | {line}");
                    }
                }
            }
        }

        var report = new AuditReport(runs.Count, runs.Count(r => r.Status == RunStatus.Failed), failedHooks, skippedHooks);
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"{report.Runs} runs, {report.FailedRuns} failed; {report.FailedHooks} failed hooks, {report.SkippedHooks} skipped hooks.");
        return report;
    }

    // Reads the hook's log as a stream, keeping only the last lines: a big log is never held in memory.
    private async Task<IReadOnlyCollection<string>> TailAsync(string repository, string runId, string hookRunId, int lines, CancellationToken cancellationToken)
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

        return tail;
    }

    private static string Short(string commitId) => commitId.Length > 12 ? commitId[..12] : commitId;

    private static string Duration(HookRun hook) =>
        hook is { StartTime: { } start, EndTime: { } end } ? $"{(end - start).TotalSeconds:0.###}s" : "-";
}
