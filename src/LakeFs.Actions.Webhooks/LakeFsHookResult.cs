namespace LakeFs.Actions.Webhooks;

/// <summary>
/// What a webhook handler decided: <see cref="Pass"/> lets the lakeFS operation go on, <see cref="Fail"/> refuses
/// it (for <c>prepare-commit</c> and <c>pre-*</c> events; a <c>post-*</c> failure only marks the run failed).
/// </summary>
/// <remarks>
/// The endpoint answers a pass with 200 and a failure with <see cref="LakeFsWebhookOptions.RefusalStatusCode"/>
/// (412 unless configured), the text as a <c>text/plain</c> body. lakeFS copies the response into the hook's log,
/// so the reason is what the committer reads in <c>lakefs-runs view --logs</c> or <c>lakectl actions runs describe</c>.
/// </remarks>
public sealed class LakeFsHookResult
{
    private LakeFsHookResult(bool passed, string text)
    {
        Passed = passed;
        Text = text;
    }

    /// <summary>True when the hook passed.</summary>
    public bool Passed { get; }

    /// <summary>The reason of a failure, or the optional message of a pass (empty when none was given).</summary>
    public string Text { get; }

    /// <summary>The hook passed.</summary>
    /// <param name="message">Optional text for the hook log, e.g. what was checked.</param>
    /// <returns>A passing result.</returns>
    public static LakeFsHookResult Pass(string? message = null) => new(true, message ?? string.Empty);

    /// <summary>The hook fails, refusing the operation of a <c>pre-*</c> event.</summary>
    /// <param name="reason">Why, in words the committer understands: it ends up in the hook log.</param>
    /// <returns>A failing result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or whitespace.</exception>
    public static LakeFsHookResult Fail(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }

    /// <summary><c>passed</c>, or <c>failed: </c> and the reason.</summary>
    /// <returns>The outcome as text.</returns>
    public override string ToString() => Passed ? (Text.Length == 0 ? "passed" : "passed: " + Text) : "failed: " + Text;
}
