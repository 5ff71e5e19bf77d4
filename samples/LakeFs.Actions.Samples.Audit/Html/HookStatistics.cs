using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit.Html;

/// <summary>How often an action, or one hook of it, failed over the audited runs.</summary>
/// <param name="Action">The action's name.</param>
/// <param name="Hook">The hook id; null for a whole action.</param>
/// <param name="Executions">How many times it ran (skipped ones not counted).</param>
/// <param name="Failed">How many of those failed.</param>
/// <param name="Skipped">How many times it was skipped.</param>
internal sealed record FailureRate(string Action, string? Hook, int Executions, int Failed, int Skipped)
{
    /// <summary>Failed / executions; null when it never ran.</summary>
    public double? Rate => Executions == 0 ? null : (double)Failed / Executions;

    /// <summary>Per action: an action failed in a run when one of its hooks failed there, and ran when one of its hooks was not skipped.</summary>
    public static IReadOnlyList<FailureRate> PerAction(IEnumerable<AuditedRun> runs) => Order(
        runs.SelectMany(run => run.Hooks.GroupBy(h => h.Hook.Action, StringComparer.Ordinal))
            .GroupBy(inRun => inRun.Key, StringComparer.Ordinal)
            .Select(action => new FailureRate(
                action.Key,
                null,
                action.Count(inRun => inRun.Any(h => h.Hook.Status != HookStatus.Skipped)),
                action.Count(inRun => inRun.Any(h => h.Hook.Status == HookStatus.Failed)),
                action.Count(inRun => inRun.All(h => h.Hook.Status == HookStatus.Skipped)))));

    /// <summary>Per hook (action and hook id).</summary>
    public static IReadOnlyList<FailureRate> PerHook(IEnumerable<AuditedRun> runs) => Order(
        runs.SelectMany(run => run.Hooks)
            .GroupBy(h => (h.Hook.Action, h.Hook.HookId))
            .Select(hook => new FailureRate(
                hook.Key.Action,
                hook.Key.HookId,
                hook.Count(h => h.Hook.Status != HookStatus.Skipped),
                hook.Count(h => h.Hook.Status == HookStatus.Failed),
                hook.Count(h => h.Hook.Status == HookStatus.Skipped))));

    private static IReadOnlyList<FailureRate> Order(IEnumerable<FailureRate> rates) =>
        [.. rates.OrderByDescending(r => r.Rate ?? -1).ThenByDescending(r => r.Failed)
            .ThenBy(r => r.Action, StringComparer.Ordinal).ThenBy(r => r.Hook, StringComparer.Ordinal)];
}
