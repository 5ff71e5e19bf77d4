using System.Globalization;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>The audit as text for the console: each run with its status, then each failed run with its failed hooks and the tail of their output, then the totals.</summary>
internal static class AuditTextWriter
{
    public static async Task WriteAsync(AuditFindings findings, TextWriter output)
    {
        var request = findings.Request;
        var scope = request.Commit is null ? $"latest {request.Latest} runs" : $"runs of commit {request.Commit}";
        await output.WriteLineAsync($"Audit of {request.Repository}: {scope}");
        foreach (var run in findings.Runs.Select(r => r.Run))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {run.RunId}  {run.Status,-9}  {run.EventType,-18}  {run.Branch,-12}  {Short(run.CommitId)}  {run.StartTime:u}"));
        }

        foreach (var (run, hooks) in findings.Runs.Where(r => r.Run.Status == RunStatus.Failed))
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Run {run.RunId} failed ({run.EventType} on {run.Branch}, commit {Short(run.CommitId)})");
            foreach (var audited in hooks)
            {
                var hook = audited.Hook;
                if (hook.Status == HookStatus.Skipped)
                {
                    await output.WriteLineAsync($"  hook {hook.Action}/{hook.HookId}: skipped (an earlier hook failed)");
                }
                else if (hook.Status == HookStatus.Failed)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  hook {hook.Action}/{hook.HookId}: failed, started {hook.StartTime:u}, ended {hook.EndTime:u}, took {Duration(audited)}"));
                    foreach (var line in audited.LogTail)
                    {
                        await output.WriteLineAsync($"    | {line}");
                    }
                }
            }
        }

        var report = findings.Report;
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"{report.Runs} runs, {report.FailedRuns} failed; {report.FailedHooks} failed hooks, {report.SkippedHooks} skipped hooks.");
    }

    private static string Short(string commitId) => commitId.Length > 12 ? commitId[..12] : commitId;

    private static string Duration(AuditedHook hook) =>
        hook.Duration is { } duration ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s") : "-";
}
