namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The seam between the actions engine and the action-file library: turns the files under <c>_lakefs_actions/</c>
/// (in path order) into actions, matches them to an event and evaluates hook <c>if</c> conditions. The engine knows
/// nothing about YAML or lakeFS's validation rules.
/// </summary>
internal interface IActionSource
{
    /// <summary>Loads every file as lakeFS does; <see cref="ActionSet.Error"/> is lakeFS's error text when a file cannot be loaded.</summary>
    ActionSet Load(IReadOnlyList<ActionFileContent> files);

    /// <summary>Whether an action runs for an event on a branch (empty for tag events); <paramref name="error"/> is a bad pattern's error text.</summary>
    bool Matches(RuntimeAction action, string eventType, string branchId, out string? error);

    /// <summary>Evaluates a hook's <c>if</c> (null or empty means <c>success()</c>); <paramref name="error"/> is the expression's error text.</summary>
    bool EvaluateCondition(string? condition, bool succeeded, out string? error);
}

/// <summary>One object directly under <c>_lakefs_actions/</c>.</summary>
internal sealed record ActionFileContent(string Path, byte[] Content);

/// <summary>The loaded actions in path order, or the load error.</summary>
internal sealed record ActionSet(IReadOnlyList<RuntimeAction> Actions, string? Error);

/// <summary>An action as the engine runs it; <see cref="Model"/> is the library's own object, for matching.</summary>
internal sealed record RuntimeAction(string Path, string Name, IReadOnlyList<RuntimeHook> Hooks, object Model);

/// <summary>
/// A hook as the engine runs it. Property values are neutral: <see cref="string"/> for YAML strings,
/// <see cref="long"/>/<see cref="double"/>/<see cref="bool"/> for plain scalars of those types, null,
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value for maps and <see cref="IReadOnlyList{T}"/> for lists.
/// </summary>
internal sealed record RuntimeHook(string Id, string Type, string? Condition, IReadOnlyDictionary<string, object?> Properties);
