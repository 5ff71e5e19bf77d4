namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A .NET stand-in for a Lua hook's script (the emulator does not run Lua). Register it with
/// <see cref="LakeFsActionsEmulator.RegisterLuaHook"/>; throwing fails the hook with the exception's message as the
/// cause, as a script's <c>error(...)</c> does.
/// </summary>
/// <param name="context">The event and the hook's <c>args</c>; <see cref="EmulatedLuaHookContext.Print"/> writes to the hook log.</param>
/// <param name="cancellationToken">Cancelled when the emulator stops or the request that fired a pre-hook is aborted.</param>
/// <returns>A task that completes when the hook is done.</returns>
public delegate Task EmulatedLuaHook(EmulatedLuaHookContext context, CancellationToken cancellationToken);

/// <summary>What a Lua hook's script would see: the event, the hook's args and a log to print to.</summary>
public sealed class EmulatedLuaHookContext
{
    private readonly System.Text.StringBuilder _log;

    internal EmulatedLuaHookContext(string eventType, string actionName, string hookId, string payload, IReadOnlyDictionary<string, object?> args, System.Text.StringBuilder log)
    {
        EventType = eventType;
        ActionName = actionName;
        HookId = hookId;
        Payload = payload;
        Args = args;
        _log = log;
    }

    /// <summary>The event, e.g. <c>pre-commit</c>.</summary>
    public string EventType { get; }

    /// <summary>Name of the action.</summary>
    public string ActionName { get; }

    /// <summary>Id of the hook.</summary>
    public string HookId { get; }

    /// <summary>The event as the JSON a webhook would receive (lakeFS gives a Lua script the same fields as <c>action</c>).</summary>
    public string Payload { get; }

    /// <summary>The hook's <c>args</c> property (strings, numbers, booleans, maps and lists), empty when absent.</summary>
    public IReadOnlyDictionary<string, object?> Args { get; }

    /// <summary>Writes a line to the hook log, as Lua's <c>print</c> does.</summary>
    /// <param name="text">The text; a newline is added.</param>
    public void Print(string text) => _log.Append(text).Append('\n');
}
