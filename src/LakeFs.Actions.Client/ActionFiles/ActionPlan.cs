namespace LakeFs.Actions.Client;

/// <summary>
/// Which actions and hooks lakeFS runs for one event on one branch (or tag), in lakeFS's order, with their
/// hook run ids; or why lakeFS refuses the operation before running anything (<see cref="Error"/>).
/// </summary>
public sealed class ActionPlan
{
    internal ActionPlan(ActionEventType eventType, string? branchId, IReadOnlyList<PlannedAction> actions, string? error, int errorStatusCode)
    {
        EventType = eventType;
        BranchId = branchId;
        Actions = actions;
        Hooks = actions.SelectMany(a => a.Hooks).ToList();
        Error = error;
        ErrorStatusCode = errorStatusCode;
        InstantiationError = Hooks.Select(h => h.Hook.InstantiationError).FirstOrDefault(e => e is not null);
    }

    /// <summary>The event.</summary>
    public ActionEventType EventType { get; }

    /// <summary>The branch matched; null for tag events.</summary>
    public string? BranchId { get; }

    /// <summary>The matched actions in lakeFS's order (file path order); each takes an index, with or without hooks.</summary>
    public IReadOnlyList<PlannedAction> Actions { get; }

    /// <summary>Every hook of the matched actions, in order.</summary>
    public IReadOnlyList<PlannedHook> Hooks { get; }

    /// <summary>
    /// Why lakeFS refuses the operation before matching completes: the folder does not load (see
    /// <see cref="ActionFolderResult.LoadError"/>), or a branch pattern reached while matching is malformed
    /// (<c>syntax error in pattern</c>). Null when matching succeeds.
    /// </summary>
    public string? Error { get; }

    /// <summary>The status that goes with <see cref="Error"/> (500, or 404 for a subfolder); 0 without an error.</summary>
    public int ErrorStatusCode { get; }

    /// <summary>The first hook whose building fails (lakeFS builds every matched hook before running any; 500, no run recorded), or null.</summary>
    public string? InstantiationError { get; }

    /// <summary>True when lakeFS answers 500/404 instead of running the hooks (<see cref="Error"/> or <see cref="InstantiationError"/>).</summary>
    public bool IsRefused => Error is not null || InstantiationError is not null;
}

/// <summary>A matched action of an <see cref="ActionPlan"/>.</summary>
public sealed class PlannedAction
{
    internal PlannedAction(int index, ActionFile action)
    {
        Index = index;
        Action = action;
        Hooks = action.Hooks.Select(h => new PlannedHook(this, h)).ToList();
    }

    /// <summary>The action's 0-based index among the matched actions (the first half of a hook run id).</summary>
    public int Index { get; }

    /// <summary>The action.</summary>
    public ActionFile Action { get; }

    /// <summary>Its hooks, in order (possibly none: the action matches but records nothing).</summary>
    public IReadOnlyList<PlannedHook> Hooks { get; }
}

/// <summary>A hook of a matched action, with its hook run id.</summary>
public sealed class PlannedHook
{
    internal PlannedHook(PlannedAction action, ActionHook hook)
    {
        PlannedAction = action;
        Hook = hook;
        HookRunId = $"{action.Index:D4}_{hook.Index:D4}";
    }

    /// <summary>The matched action this hook belongs to.</summary>
    public PlannedAction PlannedAction { get; }

    /// <summary>The action file.</summary>
    public ActionFile Action => PlannedAction.Action;

    /// <summary>The hook.</summary>
    public ActionHook Hook { get; }

    /// <summary>The action's index among matched actions.</summary>
    public int ActionIndex => PlannedAction.Index;

    /// <summary>The hook's index in its action.</summary>
    public int HookIndex => Hook.Index;

    /// <summary>lakeFS's hook run id, <c>AAAA_HHHH</c> (action index, hook index, each zero-padded to 4 digits).</summary>
    public string HookRunId { get; }
}

/// <summary>Matches loaded actions against an event as lakeFS does.</summary>
public static class ActionPlanner
{
    /// <summary>
    /// Keeps the actions (in the given order, which should be file path order) whose <c>on</c> has the event and,
    /// when it lists branches, where a pattern matches the branch (Go <c>path.Match</c>, patterns tried in order).
    /// Tag events never have a branch. A malformed pattern reached while matching refuses the whole operation
    /// (<see cref="ActionPlan.Error"/> = <c>syntax error in pattern</c>).
    /// </summary>
    /// <param name="actions">The loaded actions, in path order.</param>
    /// <param name="eventType">The event.</param>
    /// <param name="branchId">The branch: the destination for a merge, the new branch for create-branch, the branch otherwise; ignored for tag events.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> is null.</exception>
    public static ActionPlan Plan(IEnumerable<ActionFile> actions, ActionEventType eventType, string? branchId)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var branch = eventType.IsTagEvent ? null : branchId;
        var matched = new List<PlannedAction>();
        foreach (var action in actions)
        {
            bool isMatch;
            try
            {
                isMatch = action.Matches(eventType, branch ?? string.Empty);
            }
            catch (FormatException exception)
            {
                return new ActionPlan(eventType, branch, [], exception.Message, 500);
            }

            if (isMatch)
            {
                matched.Add(new PlannedAction(matched.Count, action));
            }
        }

        return new ActionPlan(eventType, branch, matched, null, 0);
    }
}
