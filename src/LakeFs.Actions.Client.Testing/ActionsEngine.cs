using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's actions service inside the emulator: for one event, loads the files under <c>_lakefs_actions/</c> of the
/// event's source ref with the action-file library (the same parser, validator and matcher the CLI uses), matches
/// the actions, builds their hooks (a failure there is a 500 with no run), runs the
/// matched actions in parallel and the hooks of each in order with <c>if</c>, writes each hook's log, and records
/// the run once every matched action finished. Hook times come from the emulator's clock.
/// </summary>
internal sealed class ActionsEngine : IDisposable
{
    public const string ActionsFolder = "_lakefs_actions/";

    private readonly EmulatorStore _store;
    private readonly LakeFsEmulatorOptions _options;
    private readonly RunIdGenerator _runIds;
    private readonly WebhookSender _sender;
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();
    private readonly CancellationTokenSource _stopping = new();

    public ActionsEngine(EmulatorStore store, LakeFsEmulatorOptions options, RunIdGenerator runIds)
    {
        _store = store;
        _options = options;
        _runIds = runIds;
        _sender = new WebhookSender(options.TimeProvider);
    }

    public ConcurrentDictionary<string, EmulatedLuaHook> LuaHooks { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    private TimeProvider Time => _options.TimeProvider;

    /// <summary>Cancelled when the emulator stops: post-* hooks (which lakeFS runs on its service context) end then.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void Dispose()
    {
        _stopping.Cancel();
        _sender.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Starts post-* work in the background and keeps track of it until it ends.</summary>
    public Task RunInBackground(Func<Task> work)
    {
        var task = Task.Run(work);
        _background[task] = true;
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Completes when no background work is left (work started meanwhile is waited for too).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (!_background.IsEmpty)
        {
            await Task.WhenAll(_background.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Allocates a run id for an event that fails before any action file is read.</summary>
    public string NewRunId() => _runIds.Next(Time.GetUtcNow());

    /// <summary>Runs the hooks of one event. The objects are those of the event's source ref.</summary>
    public async Task<EventOutcome> RunAsync(string repositoryId, HookEvent hookEvent, ImmutableSortedDictionary<string, ObjectRecord> sourceObjects, CancellationToken cancellationToken)
    {
        var runId = _runIds.Next(Time.GetUtcNow());
        if (!_options.ActionsEnabled)
        {
            return EventOutcome.Passed(runId);
        }

        // lakeFS lists the folder with delimiter '/': objects directly under it are files, a subfolder is one entry.
        var entries = new List<ActionFileSource>();
        foreach (var (path, entry) in sourceObjects)
        {
            if (!path.StartsWith(ActionsFolder, StringComparison.Ordinal))
            {
                continue;
            }

            var slash = path.IndexOf('/', ActionsFolder.Length);
            if (slash < 0)
            {
                entries.Add(new ActionFileSource(path, entry.Content));
            }
            else if (entries.Count == 0 || entries[^1].Path != path[..(slash + 1)])
            {
                entries.Add(ActionFileSource.ForFolder(path[..(slash + 1)]));
            }
        }

        var folder = new ActionFileValidator().ValidateFolder(entries);
        if (folder.LoadError is { } loadError)
        {
            return EventOutcome.Refused(runId, folder.LoadErrorStatusCode, loadError);
        }

        var plan = folder.Plan(new ActionEventType(hookEvent.EventType), hookEvent.BranchId);
        if (plan.Error is { } planError)
        {
            return EventOutcome.Refused(runId, plan.ErrorStatusCode, planError);
        }

        if (plan.Actions.Count == 0)
        {
            return EventOutcome.Passed(runId);
        }

        // Instantiation: every hook of every matched action is built before any runs.
        if (plan.InstantiationError is { } instantiationError)
        {
            return EventOutcome.Refused(runId, StatusCodes.Status500InternalServerError, instantiationError);
        }

        var plans = new List<HookPlan[]>();
        try
        {
            foreach (var action in plan.Actions)
            {
                plans.Add([.. action.Hooks.Select(Instantiate)]);
            }
        }
        catch (HookInstantiationException e)
        {
            return EventOutcome.Refused(runId, StatusCodes.Status500InternalServerError, e.Message);
        }

        if (plans.All(static p => p.Length == 0))
        {
            return EventOutcome.Passed(runId);
        }

        var results = await Task.WhenAll(plan.Actions.Select(action =>
            Task.Run(() => RunActionAsync(runId, hookEvent, action.Action.Name, plans[action.Index], cancellationToken), CancellationToken.None))).ConfigureAwait(false);

        var hooks = results.SelectMany(static r => r.Hooks).OrderBy(static h => h.HookRunId, StringComparer.Ordinal).ToList();
        var ran = hooks.Where(static h => h.StartTime is not null).ToList();
        var start = ran.Count == 0 ? DateTimeOffset.MinValue : ran.Min(static h => h.StartTime!.Value);
        var end = ran.Count == 0 ? DateTimeOffset.MinValue : ran.Max(static h => h.EndTime!.Value);
        var errors = results.Select(static r => r.Error).OfType<string>().ToList();
        var record = new RunRecord(runId, hookEvent.BranchId, hookEvent.CommitId, hookEvent.EventType, start, end, errors.Count == 0 ? RunStatus.Completed : RunStatus.Failed, hooks);
        if (_store.FindRepository(repositoryId) is not null)
        {
            _store.AddRun(repositoryId, record);
        }

        if (errors.Count == 0)
        {
            return EventOutcome.Passed(runId, recorded: true);
        }

        var status = errors.Any(static e => e.Contains("action failed", StringComparison.Ordinal))
            ? StatusCodes.Status412PreconditionFailed
            : StatusCodes.Status500InternalServerError;
        return EventOutcome.Refused(runId, status, GoMultiError.Format(errors), recorded: true);
    }

    private HookPlan Instantiate(PlannedHook planned)
    {
        string? Env(string name) => _options.ActionsEnvironment?.Invoke(name) ?? Environment.GetEnvironmentVariable(name);
        var hook = planned.Hook;
        return hook.Type switch
        {
            "webhook" => new HookPlan(planned, HookSettings.ForWebhook(hook, Env), null),
            "airflow" => new HookPlan(planned, null, HookSettings.ForAirflow(hook, Env)),
            _ => new HookPlan(planned, null, null),
        };
    }

    private async Task<ActionResult> RunActionAsync(string runId, HookEvent hookEvent, string actionName, HookPlan[] plans, CancellationToken cancellationToken)
    {
        var records = new List<HookRecord>();
        string? firstError = null;
        var succeeded = true;
        foreach (var plan in plans)
        {
            var hook = plan.Hook.Hook;
            var hookRunId = plan.Hook.HookRunId;

            // lakeFS evaluates `if` when the hook's turn comes: a bad expression fails that hook (a 500 unless another hook failed normally).
            if (hook.ConditionError is { } conditionError)
            {
                var now = Time.GetUtcNow();
                records.Add(new HookRecord(hookRunId, actionName, hook.Id, HookStatus.Failed, now, now, EmulatedHookOutput.FromText($"Error: {conditionError}\n")));
                firstError ??= $"hook run id '{hookRunId}' failed on action '{actionName}' hook '{hook.Id}': {conditionError}";
                succeeded = false;
                continue;
            }

            if (!(hook.Condition?.Evaluate(succeeded) ?? succeeded))
            {
                records.Add(new HookRecord(hookRunId, actionName, hook.Id, HookStatus.Skipped, null, null, EmulatedHookOutput.Empty));
                continue;
            }

            var start = Time.GetUtcNow();
            var log = new StringBuilder();
            var payload = WebhookPayload.Create(hookEvent, actionName, hook.Id, Time.GetUtcNow());
            string? cause;
            try
            {
                cause = await RunHookAsync(runId, hookRunId, hookEvent, actionName, plan, payload, log, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cause = "context canceled";
            }

            if (cause is not null)
            {
                log.Append("Error: action failed: ").Append(cause).Append('\n');
                firstError ??= $"hook run id '{hookRunId}' failed on action '{actionName}' hook '{hook.Id}': action failed: {cause}";
                succeeded = false;
            }

            records.Add(new HookRecord(hookRunId, actionName, hook.Id, cause is null ? HookStatus.Completed : HookStatus.Failed, start, Time.GetUtcNow(), EmulatedHookOutput.FromText(log.ToString())));
        }

        return new ActionResult(records, firstError);
    }

    private async Task<string?> RunHookAsync(string runId, string hookRunId, HookEvent hookEvent, string actionName, HookPlan plan, string payload, StringBuilder log, CancellationToken cancellationToken)
    {
        var hook = plan.Hook.Hook;
        WebhookCall Record(string url, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            var call = new WebhookCall(runId, hookRunId, hookEvent.EventType, actionName, hook.Id, url, headers, payload);
            _calls.Enqueue(call);
            return call;
        }

        if (plan.Webhook is { } webhook)
        {
            return await _sender.SendWebhookAsync(webhook, payload, log, Record, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Airflow is { } airflow)
        {
            return await _sender.SendAirflowAsync(airflow, payload, $"lakeFS_hook_{hook.Id}_{runId}", log, Record, cancellationToken).ConfigureAwait(false);
        }

        if (!LuaHooks.TryGetValue(hook.Id, out var standIn))
        {
            log.Append("The lakeFS emulator does not run Lua scripts; register a .NET stand-in for hook '")
                .Append(hook.Id).Append("' with LakeFsActionsEmulator.RegisterLuaHook.\n");
            return $"lua hook '{hook.Id}': the emulator does not run Lua";
        }

        var args = HookSettings.PlainProperties(hook).TryGetValue("args", out var value) && value is IReadOnlyDictionary<string, object?> map
            ? map
            : new Dictionary<string, object?>();
        try
        {
            await standIn(new EmulatedLuaHookContext(hookEvent.EventType, actionName, hook.Id, payload, args, log), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }

    private sealed record HookPlan(PlannedHook Hook, WebhookSettings? Webhook, AirflowSettings? Airflow);

    private sealed record ActionResult(IReadOnlyList<HookRecord> Hooks, string? Error);
}

/// <summary>How an event's hooks ended: passed, or refused with a status and lakeFS's cause text.</summary>
internal sealed record EventOutcome(string RunId, int StatusCode, string? Cause, bool Recorded)
{
    public bool IsRefused => Cause is not null;

    public static EventOutcome Passed(string runId, bool recorded = false) => new(runId, 0, null, recorded);

    public static EventOutcome Refused(string runId, int statusCode, string cause, bool recorded = false) => new(runId, statusCode, cause, recorded);

    /// <summary>lakeFS's hook abort text: <c>[prefix]&lt;event&gt; hook aborted, run id '&lt;id&gt;': &lt;cause&gt;</c>.</summary>
    public string AbortMessage(string eventType, string prefix = "") => $"{prefix}{eventType} hook aborted, run id '{RunId}': {Cause}";
}
