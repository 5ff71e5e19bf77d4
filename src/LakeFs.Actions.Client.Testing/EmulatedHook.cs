namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// One hook of an <see cref="EmulatedRun"/>. Hooks run one after another in the order given; the emulator
/// gives each a hook run id <c>AAAA_HHHH</c> from the index of its action (in order of first appearance)
/// and its index within that action.
/// </summary>
public sealed class EmulatedHook
{
    /// <summary>Creates a hook.</summary>
    /// <param name="action">Name of the action the hook belongs to.</param>
    /// <param name="hookId">Id of the hook within the action.</param>
    /// <param name="status">Outcome; a <see cref="HookStatus.Skipped"/> hook never starts and has no end time.</param>
    /// <param name="output">What the hook printed; null means empty.</param>
    /// <exception cref="ArgumentException"><paramref name="action"/> or <paramref name="hookId"/> is null or empty.</exception>
    public EmulatedHook(string action, string hookId, HookStatus status, EmulatedHookOutput? output = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(hookId);
        Action = action;
        HookId = hookId;
        Status = status;
        Output = output ?? EmulatedHookOutput.Empty;
    }

    /// <summary>Name of the action the hook belongs to.</summary>
    public string Action { get; }

    /// <summary>Id of the hook within its action.</summary>
    public string HookId { get; }

    /// <summary>Outcome of the hook: completed, failed or skipped (or any other wire value).</summary>
    public HookStatus Status { get; }

    /// <summary>What <c>getRunHookOutput</c> returns for this hook (ignored for a skipped hook, whose output is empty).</summary>
    public EmulatedHookOutput Output { get; init; }

    /// <summary>How long the hook ran; defaults to 250 ms. Not used for a skipped hook.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A completed hook with the given log text.</summary>
    /// <param name="action">Name of the action.</param>
    /// <param name="hookId">Id of the hook.</param>
    /// <param name="log">What the hook printed.</param>
    /// <returns>The hook.</returns>
    public static EmulatedHook Completed(string action, string hookId, string log = "") =>
        new(action, hookId, HookStatus.Completed, EmulatedHookOutput.FromText(log));

    /// <summary>A failed hook with the given log text.</summary>
    /// <param name="action">Name of the action.</param>
    /// <param name="hookId">Id of the hook.</param>
    /// <param name="log">What the hook printed.</param>
    /// <returns>The hook.</returns>
    public static EmulatedHook Failed(string action, string hookId, string log = "") =>
        new(action, hookId, HookStatus.Failed, EmulatedHookOutput.FromText(log));

    /// <summary>A skipped hook (an earlier hook of the action failed).</summary>
    /// <param name="action">Name of the action.</param>
    /// <param name="hookId">Id of the hook.</param>
    /// <returns>The hook.</returns>
    public static EmulatedHook Skipped(string action, string hookId) => new(action, hookId, HookStatus.Skipped);
}
