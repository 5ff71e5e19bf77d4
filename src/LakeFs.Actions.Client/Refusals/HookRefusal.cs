using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LakeFs.Actions.Client;

/// <summary>
/// A lakeFS hook abort, read from the error message of the refused operation:
/// <c>[update branch[ &lt;dest&gt;]: ]&lt;event&gt; hook aborted, run id '&lt;id&gt;': &lt;cause&gt;</c>, where the cause is
/// a go-multierror list (<c>1 error occurred:\n\t* ...</c>) of failed hooks (<see cref="FailedHooks"/>) or broken action
/// files (<see cref="BrokenFiles"/>), or a plain text. Servers before v1.60 send only the cause (<see cref="IsLegacyFormat"/>).
/// </summary>
/// <remarks>
/// <para>A hook ran and failed (<see cref="HookRefusalKind.HooksFailed"/>): lakeFS answers 412 and the run
/// <see cref="RunId"/> exists. Anything else is a 500: an action file could not be loaded or its hooks set up, and no run
/// exists (<see cref="HookRefusalKind.ActionFilesBroken"/>, <see cref="HookRefusalKind.ActionsNotStarted"/>), or only
/// <c>if</c> expressions failed and the run exists (<see cref="HookRefusalKind.ConditionFailed"/>).</para>
/// <para>The parser is linear in the length of the text, reads at most <see cref="MaxMessageLength"/> characters and
/// <see cref="MaxItems"/> items, and never throws on text from a server: hostile or cut text gives what could be read,
/// with <see cref="IsTruncated"/> or <see cref="IsAmbiguous"/> set. The client's <see cref="LakeFsApiException.ServerMessage"/>
/// holds the message with whitespace collapsed and cut to a few hundred characters; that form is read too.</para>
/// </remarks>
public sealed class HookRefusal
{
    /// <summary>The longest text read; the rest is ignored and <see cref="IsTruncated"/> set.</summary>
    public const int MaxMessageLength = 64 * 1024;

    /// <summary>The most list items read; the rest are ignored and <see cref="IsTruncated"/> set.</summary>
    public const int MaxItems = 256;

    internal HookRefusal(HookAbortParts parts)
    {
        Message = parts.Message;
        EventType = parts.EventType;
        Prefix = parts.Prefix;
        Destination = parts.Destination;
        RunId = parts.RunId;
        Cause = parts.Cause;
        DeclaredErrorCount = parts.DeclaredErrorCount;
        FailedHooks = parts.FailedHooks;
        BrokenFiles = parts.BrokenFiles;
        OtherErrors = parts.OtherErrors;
        IsLegacyFormat = parts.IsLegacy;
        IsTruncated = parts.IsTruncated;
        IsAmbiguous = parts.IsAmbiguous;
        // lakeFS answers 412 only when a hook ran and failed: a status read from the response outranks a cut text.
        Kind = FailedHooks.Any(hook => hook.HookRan) || (parts.StatusCode == 412 && !parts.IsLegacy) ? HookRefusalKind.HooksFailed
            : FailedHooks.Count > 0 ? HookRefusalKind.ConditionFailed
            : BrokenFiles.Count > 0 || OtherErrors.Any(IsDuplicateName) ? HookRefusalKind.ActionFilesBroken
            : HookRefusalKind.ActionsNotStarted;
    }

    /// <summary>The text that was read (at most <see cref="MaxMessageLength"/> characters).</summary>
    public string Message { get; }

    /// <summary>The refused event, e.g. <c>pre-commit</c>, <c>pre-merge</c>, <c>prepare-commit</c>; null from a server before v1.60.</summary>
    public string? EventType { get; }

    /// <summary>Which <c>update branch</c> prefix the message had: the kind of operation.</summary>
    public HookRefusalPrefix Prefix { get; }

    /// <summary>The merge or import destination from <c>update branch &lt;dest&gt;: </c>; null otherwise.</summary>
    public string? Destination { get; }

    /// <summary>The run id lakeFS gave the hooks; null from a server before v1.60. For a 500 that is not a <see cref="HookRefusalKind.ConditionFailed"/> it names no recorded run.</summary>
    public string? RunId { get; }

    /// <summary>Everything after the run id: the multierror list or the plain text.</summary>
    public string Cause { get; }

    /// <summary>The <c>N</c> of <c>N error(s) occurred</c>; null when the cause is plain text.</summary>
    public int? DeclaredErrorCount { get; }

    /// <summary>The hooks named as failed, in message order (one per failed action, its first failure).</summary>
    public IReadOnlyList<HookFailure> FailedHooks { get; }

    /// <summary>The action files named as unreadable or invalid.</summary>
    public IReadOnlyList<BrokenActionFile> BrokenFiles { get; }

    /// <summary>Errors that are neither a hook nor a file: an instantiation error, <c>syntax error in pattern</c>, a duplicate action name, an old Lua <c>&lt;hook&gt;: &lt;msg&gt;</c>.</summary>
    public IReadOnlyList<string> OtherErrors { get; }

    /// <summary>What kind of abort this is: whether a hook ran, and whether a run was recorded.</summary>
    public HookRefusalKind Kind { get; }

    /// <summary>True when a run was recorded under <see cref="RunId"/>: <see cref="HookRefusalKind.HooksFailed"/> or <see cref="HookRefusalKind.ConditionFailed"/> with a run id.</summary>
    public bool RunRecorded => RunId is not null && Kind is HookRefusalKind.HooksFailed or HookRefusalKind.ConditionFailed;

    /// <summary>
    /// The status lakeFS answers this abort with: 412 when a hook ran and failed, else 500. Servers before v1.60
    /// answered every hook abort with 412.
    /// </summary>
    public int ExpectedStatusCode => IsLegacyFormat || Kind == HookRefusalKind.HooksFailed ? 412 : 500;

    /// <summary>True for a server before v1.60: only the cause, no event, no run id.</summary>
    public bool IsLegacyFormat { get; }

    /// <summary>True when the text was cut (by the client's bounded error message, a proxy, or the length limits here): the last item may be incomplete and items may be missing.</summary>
    public bool IsTruncated { get; }

    /// <summary>
    /// True when the list holds a different number of items than its <c>N error(s) occurred</c> says: a cause (a Lua
    /// error, say) contains text that looks like a list item, or items are missing from a list cut short. The run's
    /// hook listing is then the authority.
    /// </summary>
    public bool IsAmbiguous { get; }

    /// <summary>Reads a hook abort.</summary>
    /// <param name="message">The error message of the refused operation (the <c>message</c> of lakeFS's JSON error body).</param>
    /// <param name="refusal">The abort, or null.</param>
    /// <returns>False when the text is not a hook abort (e.g. 412 <c>path already exists</c>).</returns>
    public static bool TryParse([NotNullWhen(true)] string? message, [NotNullWhen(true)] out HookRefusal? refusal)
    {
        refusal = message is null ? null : HookAbortParser.Parse(message, collapsedAndCut: false);
        return refusal is not null;
    }

    /// <summary>Reads a hook abort.</summary>
    /// <param name="message">The error message of the refused operation.</param>
    /// <returns>The abort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a lakeFS hook abort.</exception>
    public static HookRefusal Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return HookAbortParser.Parse(message, collapsedAndCut: false)
            ?? throw new FormatException($"Not a lakeFS hook abort (no \"<event> hook aborted, run id '...'\" and no hook or action-file errors): {ErrorText.Snippet(message, 200)}");
    }

    /// <summary>Reads the hook abort a failed request reported, from its <see cref="LakeFsApiException.ServerMessage"/>.</summary>
    /// <param name="error">The exception of the refused operation.</param>
    /// <param name="refusal">The abort, or null.</param>
    /// <returns>False when the error is not a hook abort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static bool TryParse(LakeFsApiException error, [NotNullWhen(true)] out HookRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(error);
        refusal = error.ServerMessage is { } message ? HookAbortParser.Parse(message, collapsedAndCut: true, error.StatusCode) : null;
        return refusal is not null;
    }

    /// <summary>A one-paragraph description: what was refused, why, and whether a run was recorded.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var what = EventType ?? "A hook";
        var where = Destination is not null ? $" (into {Destination})" : string.Empty;
        var run = RunId is null ? "the server (before lakeFS v1.60) does not name the run"
            : RunRecorded ? $"run {RunId}"
            : $"no run recorded (run id {RunId} points at nothing)";
        var reason = Kind switch
        {
            HookRefusalKind.HooksFailed or HookRefusalKind.ConditionFailed => string.Join("; ", FailedHooks.Select(h => h.ToString())),
            HookRefusalKind.ActionFilesBroken => "broken action files: " + string.Join("; ", BrokenFiles.Select(f => f.ToString()).Concat(OtherErrors)),
            _ => string.Join("; ", OtherErrors),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what}{where} refused ({ExpectedStatusCode}, {Kind}, {run}): {reason}");
    }

    private static bool IsDuplicateName(string error) => error.Contains("already loaded: invalid action", StringComparison.Ordinal);
}
