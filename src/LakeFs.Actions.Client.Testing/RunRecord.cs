namespace LakeFs.Actions.Client.Testing;

/// <summary>An action run as stored by the emulator: the wire fields plus its hook runs in id order.</summary>
internal sealed record RunRecord(
    string RunId,
    string Branch,
    string CommitId,
    string EventType,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    RunStatus Status,
    IReadOnlyList<HookRecord> Hooks)
{
    /// <summary>Fixes ids and times of <paramref name="run"/>'s hooks and makes the stored record.</summary>
    public static RunRecord Create(string runId, EmulatedRun run, DateTimeOffset startTime)
    {
        var hooks = new List<HookRecord>(run.Hooks.Count);
        var actionIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var hookCounts = new List<int>();
        var clock = startTime;
        DateTimeOffset? lastEnd = null;
        var anyFailed = false;
        foreach (var hook in run.Hooks)
        {
            ArgumentNullException.ThrowIfNull(hook, nameof(run));
            if (!actionIndexes.TryGetValue(hook.Action, out var actionIndex))
            {
                actionIndex = actionIndexes.Count;
                actionIndexes.Add(hook.Action, actionIndex);
                hookCounts.Add(0);
            }

            var hookIndex = hookCounts[actionIndex]++;
            var hookRunId = $"{actionIndex:D4}_{hookIndex:D4}";
            if (hook.Status == HookStatus.Skipped)
            {
                hooks.Add(new HookRecord(hookRunId, hook.Action, hook.HookId, hook.Status, null, null, EmulatedHookOutput.Empty));
                continue;
            }

            var end = clock + hook.Duration;
            hooks.Add(new HookRecord(hookRunId, hook.Action, hook.HookId, hook.Status, clock, end, hook.Output));
            anyFailed |= hook.Status == HookStatus.Failed;
            lastEnd = end;
            clock = end;
        }

        hooks.Sort(static (a, b) => string.CompareOrdinal(a.HookRunId, b.HookRunId));
        var status = run.Status ?? (anyFailed ? RunStatus.Failed : RunStatus.Completed);
        var endTime = run.EndTime ?? lastEnd ?? startTime;
        return new RunRecord(runId, run.Branch, run.CommitId, run.EventType, startTime, endTime, status, hooks);
    }

    /// <summary>Finds a hook run by id, or null.</summary>
    public HookRecord? FindHook(string hookRunId)
    {
        foreach (var hook in Hooks)
        {
            if (string.Equals(hook.HookRunId, hookRunId, StringComparison.Ordinal))
            {
                return hook;
            }
        }

        return null;
    }
}
