using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>What an audit found: the audited runs, newest first, each with its hooks; the data every rendering (text, HTML) works from.</summary>
/// <param name="Request">What was audited.</param>
/// <param name="Runs">The runs, newest first.</param>
internal sealed record AuditFindings(AuditRequest Request, IReadOnlyList<AuditedRun> Runs)
{
    /// <summary>The totals: runs, failed runs, and the failed and skipped hooks of the failed runs.</summary>
    public AuditReport Report
    {
        get
        {
            var failed = Runs.Where(r => r.Run.Status == RunStatus.Failed).ToList();
            return new AuditReport(
                Runs.Count,
                failed.Count,
                failed.Sum(r => r.Hooks.Count(h => h.Hook.Status == HookStatus.Failed)),
                failed.Sum(r => r.Hooks.Count(h => h.Hook.Status == HookStatus.Skipped)));
        }
    }
}

/// <summary>One audited run and its hooks, in the order lakeFS ran them.</summary>
internal sealed record AuditedRun(ActionRun Run, IReadOnlyList<AuditedHook> Hooks);

/// <summary>One hook run; a failed hook comes with the last lines of its output.</summary>
/// <param name="Hook">The hook run.</param>
/// <param name="LogTail">The last lines of a failed hook's output; empty for the others.</param>
internal sealed record AuditedHook(HookRun Hook, IReadOnlyList<string> LogTail)
{
    /// <summary>How long the hook ran; null when it did not start or did not end.</summary>
    public TimeSpan? Duration => Hook is { StartTime: { } start, EndTime: { } end } && end >= start ? end - start : null;
}
