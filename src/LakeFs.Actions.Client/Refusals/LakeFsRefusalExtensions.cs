using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LakeFs.Actions.Client;

/// <summary>Explains why lakeFS refused an operation with a hook abort, from the abort message, the exception, or a run id.</summary>
public static class LakeFsRefusalExtensions
{
    /// <summary>
    /// Explains a hook abort. For a 412 (and an <c>if</c> error): reads the run
    /// (<c>GET /repositories/{repository}/actions/runs/{run_id}</c>), its hooks (<c>.../hooks</c>) and the end of each failed
    /// hook's log (<c>.../hooks/{hook_run_id}/output</c>). For a 500 before any hook ran: sends nothing (no run exists) and
    /// names the broken action files and why.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">The repository of the refused operation.</param>
    /// <param name="refusal">The parsed abort (<see cref="HookRefusal.TryParse(string?, out HookRefusal?)"/>).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="refusal"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is not a valid id.</exception>
    /// <exception cref="LakeFsApiException">A request failed other than with 404 for the run or 404/410 for a log (those are reported in the explanation).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Only the trailing CancellationToken is optional, as in every async method of the client; the first parameter's type tells the overloads apart.")]
    public static Task<HookRefusalExplanation> ExplainRefusalAsync(this ILakeFsActionsClient client, string repository, HookRefusal refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(refusal);
        return ExplainRefusalCoreAsync(client, repository, refusal, cancellationToken);
    }

    private static async Task<HookRefusalExplanation> ExplainRefusalCoreAsync(ILakeFsActionsClient client, string repository, HookRefusal refusal, CancellationToken cancellationToken)
    {
        var explanation = new HookRefusalExplanation(repository, refusal, refusal.RunId);
        var hooks = new SortedDictionary<string, ExplainedHook>(StringComparer.Ordinal);
        foreach (var item in refusal.FailedHooks)
        {
            if (!hooks.ContainsKey(item.HookRunId))
            {
                hooks[item.HookRunId] = new ExplainedHook(item.HookRunId, item.ActionName, item.HookId) { Cause = item.Cause, HookRan = item.HookRan };
            }
        }

        if (refusal.RunRecorded)
        {
            await ReadRunAsync(client, explanation, hooks, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            explanation.RunProblem = refusal.RunId is null
                ? "lakeFS before v1.60 does not name the run of a hook abort; find it with a listing of the branch's runs."
                : $"No run was recorded: lakeFS refused before any hook ran, so run id {refusal.RunId} points at nothing.";
        }

        explanation.FailedHooks = [.. hooks.Values];
        explanation.Summary = SummaryOf(refusal, explanation);
        return explanation;
    }

    /// <summary>Explains the hook abort a refused request reported (see <see cref="ExplainRefusalAsync(ILakeFsActionsClient, string, HookRefusal, CancellationToken)"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">The repository of the refused operation.</param>
    /// <param name="error">The exception of the refused operation, e.g. from a commit through lakeFS's SDK wrapped as a <see cref="LakeFsApiException"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The error is not a hook abort, or <paramref name="repository"/> is not a valid id.</exception>
    /// <exception cref="LakeFsApiException">A request failed (see the other overload).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Only the trailing CancellationToken is optional, as in every async method of the client; the first parameter's type tells the overloads apart.")]
    public static Task<HookRefusalExplanation> ExplainRefusalAsync(this ILakeFsActionsClient client, string repository, LakeFsApiException error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!HookRefusal.TryParse(error, out var refusal))
        {
            throw new ArgumentException($"The error is not a lakeFS hook abort (HTTP {error.StatusCode}): {ErrorText.Snippet(error.ServerMessage ?? error.Reason, 200)}", nameof(error));
        }

        return client.ExplainRefusalAsync(repository, refusal, cancellationToken);
    }

    /// <summary>Explains a hook abort from its message text (see <see cref="ExplainRefusalAsync(ILakeFsActionsClient, string, HookRefusal, CancellationToken)"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">The repository of the refused operation.</param>
    /// <param name="message">The error message, e.g. <c>pre-commit hook aborted, run id '...': 1 error occurred: ...</c>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The message is not a hook abort, or <paramref name="repository"/> is not a valid id.</exception>
    /// <exception cref="LakeFsApiException">A request failed (see the other overload).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Only the trailing CancellationToken is optional, as in every async method of the client; the first parameter's type tells the overloads apart.")]
    public static Task<HookRefusalExplanation> ExplainRefusalAsync(this ILakeFsActionsClient client, string repository, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!HookRefusal.TryParse(message, out var refusal))
        {
            throw new ArgumentException($"The text is not a lakeFS hook abort (no \"<event> hook aborted, run id '...'\" and no hook or action-file errors): {ErrorText.Snippet(message, 200)}", nameof(message));
        }

        return client.ExplainRefusalAsync(repository, refusal, cancellationToken);
    }

    /// <summary>
    /// Explains a run: reads it, its hooks and the end of each failed hook's log. For a run id taken from a hook abort,
    /// or from <c>lakefs-runs list</c>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="repository">The repository.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The explanation (<see cref="HookRefusalExplanation.Refusal"/> is null).</returns>
    /// <exception cref="ArgumentException">An id is not valid.</exception>
    /// <exception cref="LakeFsApiException">A request failed, including 404 for an unknown run.</exception>
    public static Task<HookRefusalExplanation> ExplainRunAsync(this ILakeFsActionsClient client, string repository, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        return ExplainRunCoreAsync(client, repository, runId, cancellationToken);
    }

    private static async Task<HookRefusalExplanation> ExplainRunCoreAsync(ILakeFsActionsClient client, string repository, string runId, CancellationToken cancellationToken)
    {
        var explanation = new HookRefusalExplanation(repository, refusal: null, runId);
        var run = await client.GetRunAsync(repository, runId, cancellationToken).ConfigureAwait(false);
        explanation.Run = run;
        var hooks = new SortedDictionary<string, ExplainedHook>(StringComparer.Ordinal);
        var all = await ReadHooksAsync(client, explanation, hooks, cancellationToken).ConfigureAwait(false);
        explanation.FailedHooks = [.. hooks.Values];
        var where = run.Branch.Length > 0 ? $" on {run.Branch}" : string.Empty;
        var failed = explanation.FailedHooks;
        explanation.Summary = failed.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Run {run.RunId} ({run.EventType}{where}) {run.Status}: none of its {all} hook(s) failed.")
            : string.Create(CultureInfo.InvariantCulture, $"Run {run.RunId} ({run.EventType}{where}) {run.Status}: {failed.Count} of {all} hook(s) failed: {string.Join("; ", failed.Select(h => $"{h.ActionName}/{h.HookId}"))}. The end of each failed hook's log says why.");
        return explanation;
    }

    private static async Task ReadRunAsync(ILakeFsActionsClient client, HookRefusalExplanation explanation, SortedDictionary<string, ExplainedHook> hooks, CancellationToken cancellationToken)
    {
        try
        {
            explanation.Run = await client.GetRunAsync(explanation.Repository, explanation.RunId!, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (error.StatusCode == 404)
        {
            explanation.RunProblem = $"lakeFS has no run {explanation.RunId} in {explanation.Repository} (404): it may be in another repository, or lakeFS may not have stored it yet.";
            return;
        }

        await ReadHooksAsync(client, explanation, hooks, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the run's hooks, adds the failed ones, reads the logs of those that ran; returns how many hooks the run has.</summary>
    private static async Task<int> ReadHooksAsync(ILakeFsActionsClient client, HookRefusalExplanation explanation, SortedDictionary<string, ExplainedHook> hooks, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var hookRun in client.ListRunHooksAsync(explanation.Repository, explanation.RunId!, cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (hooks.TryGetValue(hookRun.HookRunId, out var named))
            {
                named.HookRun = hookRun;

                // The listing is the authority on names (a message cut inside the item gives the hook run id only).
                named.ActionName = hookRun.Action;
                named.HookId = hookRun.HookId;
            }
            else if (hookRun.Status == HookStatus.Failed)
            {
                hooks[hookRun.HookRunId] = new ExplainedHook(hookRun.HookRunId, hookRun.Action, hookRun.HookId) { HookRun = hookRun };
            }
        }

        foreach (var hook in hooks.Values)
        {
            if (hook.HookRun is null)
            {
                hook.LogProblem = "The run's listing has no such hook.";
            }
            else if (hook.HookRun.Status == HookStatus.Skipped)
            {
                hook.LogProblem = "The hook was skipped: it has no log.";
            }
            else
            {
                await ReadLogTailAsync(client, explanation, hook, cancellationToken).ConfigureAwait(false);
            }
        }

        return count;
    }

    private static async Task ReadLogTailAsync(ILakeFsActionsClient client, HookRefusalExplanation explanation, ExplainedHook hook, CancellationToken cancellationToken)
    {
        try
        {
            var output = await client.GetHookOutputAsync(explanation.Repository, explanation.RunId!, hook.HookRunId, cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                var (lines, truncated) = await HookLogTail.ReadAsync(output.Content, HookRefusalExplanation.LogTailLines, cancellationToken).ConfigureAwait(false);
                hook.LogTail = lines;
                hook.LogTailTruncated = truncated;
            }
        }
        catch (LakeFsApiException error) when (error.StatusCode is 404 or 410)
        {
            hook.LogProblem = error.StatusCode == 410
                ? "The log is gone from the repository's object store (410)."
                : "lakeFS has no log for this hook run (404).";
        }
    }

    private static string SummaryOf(HookRefusal refusal, HookRefusalExplanation explanation)
    {
        var what = refusal.EventType ?? "The operation";
        var into = refusal.Destination is not null ? $" into {refusal.Destination}" : explanation.Run is { Branch.Length: > 0 } run ? $" on {run.Branch}" : string.Empty;
        var status = string.Create(CultureInfo.InvariantCulture, $"lakeFS answers {refusal.ExpectedStatusCode}");
        var hooks = string.Join("; ", explanation.FailedHooks.Select(h => $"{h.ActionName}/{h.HookId}" + (h.Cause is { Length: > 0 } cause ? $": {cause}" : string.Empty)));
        return refusal.Kind switch
        {
            HookRefusalKind.HooksFailed => $"{what}{into} was refused by its hooks ({status}): {hooks}. " +
                (explanation.Run is not null ? $"Run {explanation.RunId} has the hook logs; their last lines say why." : explanation.RunProblem ?? string.Empty),
            HookRefusalKind.ConditionFailed => $"{what}{into} failed because an 'if' expression could not be evaluated ({status}): {hooks}. Use true, success() or failure() (GitHub's always() is unknown to lakeFS).",
            HookRefusalKind.ActionFilesBroken => $"{what}{into} was refused before any hook ran ({status}; no run was recorded): " +
                (refusal.BrokenFiles.Count > 0
                    ? $"lakeFS could not load {refusal.BrokenFiles.Count} action file(s): {string.Join("; ", refusal.BrokenFiles.Select(f => f.ToString()))}."
                    : string.Join("; ", refusal.OtherErrors) + ".") +
                " Every hooked operation on that ref fails until the file is fixed or removed.",
            _ => $"{what}{into} was refused before any hook ran ({status}; no run was recorded): the hooks could not be set up: " +
                (refusal.OtherErrors.Count > 0 ? string.Join("; ", refusal.OtherErrors) + "." : "lakeFS gave no cause (the message may have been cut)."),
        };
    }
}
