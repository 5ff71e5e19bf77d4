namespace LakeFs.Actions.Client;

/// <summary>
/// One action file as lakeFS decodes it (gopkg.in/yaml.v3 into lakeFS's <c>Action</c>), with the source
/// position of each part. Values lakeFS would see as empty (missing keys, nulls) are empty strings here.
/// </summary>
public sealed class ActionFile
{
    internal ActionFile(string path) => Path = path;

    /// <summary>The file's path as given (for a ref, the object path, e.g. <c>_lakefs_actions/check.yaml</c>).</summary>
    public string Path { get; }

    /// <summary>Where the document starts.</summary>
    public SourcePosition Position { get; internal set; } = SourcePosition.Start;

    /// <summary>The action's name (<c>name</c>), or empty.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Where <c>name</c>'s value is, or the document start when it is absent.</summary>
    public SourcePosition NamePosition { get; internal set; } = SourcePosition.Start;

    /// <summary>The description (<c>description</c>), which lakeFS ignores.</summary>
    public string Description { get; internal set; } = string.Empty;

    /// <summary>The events the action runs on (<c>on</c>), in file order.</summary>
    public IReadOnlyList<ActionTrigger> On { get; internal set; } = [];

    /// <summary>Where <c>on</c> is, or the document start when it is absent.</summary>
    public SourcePosition OnPosition { get; internal set; } = SourcePosition.Start;

    /// <summary>The hooks (<c>hooks</c>), in file order.</summary>
    public IReadOnlyList<ActionHook> Hooks { get; internal set; } = [];

    /// <summary>The trigger for <paramref name="eventType"/>, or null when the action does not run on it.</summary>
    /// <param name="eventType">The event.</param>
    /// <returns>The trigger.</returns>
    public ActionTrigger? FindTrigger(ActionEventType eventType)
    {
        foreach (var trigger in On)
        {
            if (trigger.EventType == eventType)
            {
                return trigger;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether lakeFS runs this action for <paramref name="eventType"/> on <paramref name="branchId"/>: the
    /// action has the event, and it lists no branches or one of its patterns matches (Go <c>path.Match</c>,
    /// patterns tried in order; a bad pattern fails only when it is reached).
    /// </summary>
    /// <param name="eventType">The event.</param>
    /// <param name="branchId">The branch matched (empty or null for tag events).</param>
    /// <returns>True when the action matches.</returns>
    /// <exception cref="FormatException">A pattern tried before any match is not a valid glob: <c>syntax error in pattern</c>.</exception>
    public bool Matches(ActionEventType eventType, string? branchId)
    {
        var trigger = FindTrigger(eventType);
        if (trigger is null)
        {
            return false;
        }

        if (trigger.Branches.Count == 0)
        {
            return true;
        }

        foreach (var pattern in trigger.Branches)
        {
            if (!GoPathPattern.TryMatch(pattern.Pattern, branchId ?? string.Empty, out var matched))
            {
                throw new FormatException(GoPathPattern.BadPatternMessage);
            }

            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The action's name and path.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Path})";
}

/// <summary>One event an action runs on (an entry of <c>on</c>).</summary>
public sealed class ActionTrigger
{
    internal ActionTrigger(ActionEventType eventType, SourcePosition position, bool hasParameters, IReadOnlyList<BranchPattern> branches)
    {
        EventType = eventType;
        Position = position;
        HasParameters = hasParameters;
        Branches = branches;
    }

    /// <summary>The event, as written (it may be unknown to lakeFS).</summary>
    public ActionEventType EventType { get; }

    /// <summary>Where the event's key is.</summary>
    public SourcePosition Position { get; }

    /// <summary>True when the event's value is not null (even <c>{}</c>); lakeFS refuses a tag event only when its <see cref="Branches"/> are not empty.</summary>
    public bool HasParameters { get; }

    /// <summary>The branch patterns; empty means every branch.</summary>
    public IReadOnlyList<BranchPattern> Branches { get; }
}

/// <summary>A branch glob of <c>branches</c>.</summary>
public sealed class BranchPattern
{
    internal BranchPattern(string pattern, SourcePosition position)
    {
        Pattern = pattern;
        Position = position;
    }

    /// <summary>The glob, matched with Go's <c>path.Match</c>.</summary>
    public string Pattern { get; }

    /// <summary>Where the glob is.</summary>
    public SourcePosition Position { get; }

    /// <summary>The glob.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Pattern;
}

/// <summary>One hook of an action (an item of <c>hooks</c>).</summary>
public sealed class ActionHook
{
    internal ActionHook(int index, SourcePosition position)
    {
        Index = index;
        Position = position;
    }

    /// <summary>The hook's 0-based index in the action.</summary>
    public int Index { get; }

    /// <summary>Where the hook's item starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The hook id (<c>id</c>), or empty.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>Where <c>id</c>'s value is, or the hook's start.</summary>
    public SourcePosition IdPosition { get; internal set; }

    /// <summary>The hook type (<c>type</c>): <c>webhook</c>, <c>airflow</c>, <c>lua</c>, or anything written.</summary>
    public string Type { get; internal set; } = string.Empty;

    /// <summary>Where <c>type</c>'s value is, or the hook's start.</summary>
    public SourcePosition TypePosition { get; internal set; }

    /// <summary>The description (<c>description</c>).</summary>
    public string Description { get; internal set; } = string.Empty;

    /// <summary>The condition (<c>if</c>); empty means <c>success()</c>.</summary>
    public string If { get; internal set; } = string.Empty;

    /// <summary>Where <c>if</c>'s value is, or the hook's start.</summary>
    public SourcePosition IfPosition { get; internal set; }

    /// <summary>The properties (<c>properties</c>), or null when absent or null (lakeFS refuses that).</summary>
    public ActionMapping? Properties { get; internal set; }

    /// <summary>Where <c>properties</c> is, or the hook's start.</summary>
    public SourcePosition PropertiesPosition { get; internal set; }

    /// <summary>The parsed <see cref="If"/>, or null when it is not a valid condition (see <see cref="ConditionError"/>).</summary>
    public HookCondition? Condition { get; internal set; }

    /// <summary>Why <see cref="If"/> is not a valid condition (the hook fails when it would run), or null.</summary>
    public string? ConditionError { get; internal set; }

    /// <summary>
    /// The error lakeFS fails with when it builds this hook for a matched event (the operation answers 500 and
    /// no run is recorded), e.g. <c>webhook url must be string: webhook wrong format</c>; null when it builds.
    /// </summary>
    public string? InstantiationError { get; internal set; }

    /// <summary>The hook id and type.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({Type})";
}
