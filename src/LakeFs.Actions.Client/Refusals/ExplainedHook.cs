namespace LakeFs.Actions.Client;

/// <summary>A failed hook in a <see cref="HookRefusalExplanation"/>: what the abort message said, what the run records, and the end of its log.</summary>
public sealed class ExplainedHook
{
    internal ExplainedHook(string hookRunId, string actionName, string hookId)
    {
        HookRunId = hookRunId;
        ActionName = actionName;
        HookId = hookId;
    }

    /// <summary>The hook run id, e.g. <c>0000_0001</c>.</summary>
    public string HookRunId { get; }

    /// <summary>The action's name.</summary>
    public string ActionName { get; internal set; }

    /// <summary>The hook's id.</summary>
    public string HookId { get; internal set; }

    /// <summary>The hook run as the run's listing records it; null when the message names a hook the listing does not have (or no run could be read).</summary>
    public HookRun? HookRun { get; internal set; }

    /// <summary>What the abort message gives as the cause (without <c>action failed: </c>); null for a hook found only in the listing.</summary>
    public string? Cause { get; internal set; }

    /// <summary>True when the hook ran (lakeFS's <c>action failed</c>, or a failed status in the listing); false for an <c>if</c> expression error.</summary>
    public bool HookRan { get; internal set; } = true;

    /// <summary>The last lines of the hook's log (at most <see cref="HookRefusalExplanation.LogTailLines"/>); for a webhook, its response body and lakeFS's <c>Error:</c> line. Empty when there is no log.</summary>
    public IReadOnlyList<string> LogTail { get; internal set; } = [];

    /// <summary>True when the log had more lines before <see cref="LogTail"/>, or a line was cut.</summary>
    public bool LogTailTruncated { get; internal set; }

    /// <summary>Why there is no log tail (the log is gone from the object store, the hook did not run), or null.</summary>
    public string? LogProblem { get; internal set; }

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>0000_0000 Check/no_temp: webhook request failed (status code: 412)</c>.</returns>
    public override string ToString() => $"{HookRunId} {ActionName}/{HookId}: {Cause ?? HookRun?.Status.ToString() ?? "failed"}";
}
