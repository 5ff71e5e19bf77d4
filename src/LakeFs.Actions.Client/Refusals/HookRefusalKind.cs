namespace LakeFs.Actions.Client;

/// <summary>What kind of hook abort a <see cref="HookRefusal"/> is, which tells whether a run was recorded.</summary>
public enum HookRefusalKind
{
    /// <summary>
    /// At least one hook ran and failed (an item carries <c>action failed: </c>): lakeFS answers 412 and the run is
    /// recorded under the message's run id, with each hook's log.
    /// </summary>
    HooksFailed,

    /// <summary>
    /// Hooks were started but only their <c>if</c> expressions failed (invalid, not boolean, an unknown function):
    /// lakeFS answers 500, yet the run is recorded.
    /// </summary>
    ConditionFailed,

    /// <summary>
    /// An action file under <c>_lakefs_actions/</c> could not be read or parsed, or two files use the same action name:
    /// lakeFS answers 500 and records no run; every hooked operation on that ref fails until the file is fixed.
    /// </summary>
    ActionFilesBroken,

    /// <summary>
    /// The actions were loaded but their hooks could not be set up (a bad <c>branches</c> glob, a webhook <c>timeout</c>
    /// that is not a Go duration, a missing <c>{{ ENV.X }}</c>, listing the files failed): lakeFS answers 500 and records no run.
    /// </summary>
    ActionsNotStarted,
}
