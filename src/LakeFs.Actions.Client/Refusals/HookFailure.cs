namespace LakeFs.Actions.Client;

/// <summary>
/// One failed hook named in a hook abort: <c>hook run id '0000_0001' failed on action 'Check' hook 'no_temp': action failed: &lt;cause&gt;</c>.
/// lakeFS reports only the first failure of each action.
/// </summary>
public sealed class HookFailure
{
    /// <summary>Creates a failure item.</summary>
    /// <param name="hookRunId">The hook run id, <c>AAAA_HHHH</c> (action index, hook index among matched actions).</param>
    /// <param name="actionName">The action's name.</param>
    /// <param name="hookId">The hook's id.</param>
    /// <param name="cause">What went wrong, e.g. <c>webhook request failed (status code: 412)</c>.</param>
    /// <param name="hookRan">True when the hook ran and failed; false when its <c>if</c> expression could not be evaluated.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public HookFailure(string hookRunId, string actionName, string hookId, string cause, bool hookRan)
    {
        ArgumentNullException.ThrowIfNull(hookRunId);
        ArgumentNullException.ThrowIfNull(actionName);
        ArgumentNullException.ThrowIfNull(hookId);
        ArgumentNullException.ThrowIfNull(cause);
        HookRunId = hookRunId;
        ActionName = actionName;
        HookId = hookId;
        Cause = cause;
        HookRan = hookRan;
    }

    /// <summary>The hook run id, e.g. <c>0000_0001</c>: the key of its log.</summary>
    public string HookRunId { get; }

    /// <summary>The name of the action the hook belongs to.</summary>
    public string ActionName { get; }

    /// <summary>The hook's id within the action.</summary>
    public string HookId { get; }

    /// <summary>
    /// What went wrong, without lakeFS's <c>action failed: </c> marker: for a webhook, <c>webhook request failed (status
    /// code: N)</c> (the reason the webhook answered is in its log) or a transport error such as a timeout.
    /// </summary>
    public string Cause { get; }

    /// <summary>True when the hook ran and failed (lakeFS's <c>action failed</c>, a 412); false for an <c>if</c> expression error (500).</summary>
    public bool HookRan { get; }

    /// <summary>A one-line description.</summary>
    /// <returns>For example <c>0000_0000 Check/no_temp: webhook request failed (status code: 500)</c>.</returns>
    public override string ToString() => $"{HookRunId} {ActionName}/{HookId}: {Cause}";
}
