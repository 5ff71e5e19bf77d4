using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's actions service inside the emulator: for one event, loads the files under <c>_lakefs_actions/</c> of the
/// event's source ref, matches the actions, builds their hooks (a failure there is a 500 with no run), runs the
/// matched actions in parallel and the hooks of each in order with <c>if</c>, writes each hook's log, and records
/// the run once every matched action finished. Hook times come from the emulator's clock.
/// </summary>
internal sealed class ActionsEngine : IDisposable
{
    public const string ActionsFolder = "_lakefs_actions/";

    private readonly EmulatorStore _store;
    private readonly LakeFsEmulatorOptions _options;
    private readonly RunIdGenerator _runIds;
    private readonly IActionSource _source;
    private readonly WebhookSender _sender;
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();

    public ActionsEngine(EmulatorStore store, LakeFsEmulatorOptions options, RunIdGenerator runIds, IActionSource source)
    {
        _store = store;
        _options = options;
        _runIds = runIds;
        _source = source;
        _sender = new WebhookSender(options.TimeProvider);
    }

    public ConcurrentDictionary<string, EmulatedLuaHook> LuaHooks { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    private TimeProvider Time => _options.TimeProvider;

    public void Dispose() => _sender.Dispose();

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

    /// <summary>Runs the hooks of one event. The objects are those of the event's source ref.</summary>
    public async Task<EventOutcome> RunAsync(string repositoryId, HookEvent hookEvent, ImmutableSortedDictionary<string, ObjectRecord> sourceObjects, CancellationToken cancellationToken)
    {
        var runId = _runIds.Next(Time.GetUtcNow());
        if (!_options.ActionsEnabled)
        {
            return EventOutcome.Passed(runId);
        }

        var files = new List<ActionFileContent>();
        var missing = new List<string>();
        foreach (var (path, entry) in sourceObjects)
        {
            if (!path.StartsWith(ActionsFolder, StringComparison.Ordinal))
            {
                continue;
            }

            var slash = path.IndexOf('/', ActionsFolder.Length);
            if (slash < 0)
            {
                files.Add(new ActionFileContent(path, entry.Content));
            }
            else
            {
                // Listed with delimiter '/', a subfolder is a common prefix; loading it as an object finds nothing.
                var prefix = path[..(slash + 1)];
                if (!missing.Contains(prefix))
                {
                    missing.Add(prefix);
                }
            }
        }

        if (missing.Count > 0)
        {
            return EventOutcome.Refused(runId, StatusCodes.Status404NotFound, InterimActionSource.MultiError([.. missing.Select(static p => $"loading file {p}: not found")]));
        }

        var loaded = _source.Load(files);
        if (loaded.Error is { } loadError)
        {
            return EventOutcome.Refused(runId, StatusCodes.Status500InternalServerError, loadError);
        }

        var matched = new List<RuntimeAction>();
        foreach (var action in loaded.Actions)
        {
            var matches = _source.Matches(action, hookEvent.EventType, hookEvent.BranchId, out var patternError);
            if (patternError is not null)
            {
                return EventOutcome.Refused(runId, StatusCodes.Status500InternalServerError, patternError);
            }

            if (matches)
            {
                matched.Add(action);
            }
        }

        if (matched.Count == 0)
        {
            return EventOutcome.Passed(runId);
        }

        // Instantiation: every hook of every matched action is built before any runs.
        var plans = new List<HookPlan[]>();
        try
        {
            foreach (var action in matched)
            {
                plans.Add([.. action.Hooks.Select(h => Instantiate(h))]);
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

        var results = await Task.WhenAll(matched.Select((action, index) =>
            Task.Run(() => RunActionAsync(runId, hookEvent, action, index, plans[index], cancellationToken), CancellationToken.None))).ConfigureAwait(false);

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
        return EventOutcome.Refused(runId, status, InterimActionSource.MultiError(errors), recorded: true);
    }

    private HookPlan Instantiate(RuntimeHook hook)
    {
        string? Env(string name) => _options.ActionsEnvironment?.Invoke(name) ?? Environment.GetEnvironmentVariable(name);
        return hook.Type switch
        {
            "webhook" => new HookPlan(hook, HookSettings.ForWebhook(hook, Env), null),
            "airflow" => new HookPlan(hook, null, HookSettings.ForAirflow(hook, Env)),
            _ => new HookPlan(hook, null, null),
        };
    }

    private async Task<ActionResult> RunActionAsync(string runId, HookEvent hookEvent, RuntimeAction action, int actionIndex, HookPlan[] plans, CancellationToken cancellationToken)
    {
        var records = new List<HookRecord>();
        string? firstError = null;
        var succeeded = true;
        for (var hookIndex = 0; hookIndex < plans.Length; hookIndex++)
        {
            var plan = plans[hookIndex];
            var hook = plan.Hook;
            var hookRunId = $"{actionIndex:D4}_{hookIndex:D4}";
            var run = _source.EvaluateCondition(hook.Condition, succeeded, out var conditionError);
            if (conditionError is not null)
            {
                var now = Time.GetUtcNow();
                records.Add(new HookRecord(hookRunId, action.Name, hook.Id, HookStatus.Failed, now, now, EmulatedHookOutput.FromText($"Error: {conditionError}\n")));
                firstError ??= $"hook run id '{hookRunId}' failed on action '{action.Name}' hook '{hook.Id}': {conditionError}";
                succeeded = false;
                continue;
            }

            if (!run)
            {
                records.Add(new HookRecord(hookRunId, action.Name, hook.Id, HookStatus.Skipped, null, null, EmulatedHookOutput.Empty));
                continue;
            }

            var start = Time.GetUtcNow();
            var log = new StringBuilder();
            var payload = WebhookPayload.Create(hookEvent, action.Name, hook.Id, Time.GetUtcNow());
            string? cause;
            try
            {
                cause = await RunHookAsync(runId, hookRunId, hookEvent, action, plan, payload, log, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cause = "context canceled";
            }

            if (cause is not null)
            {
                log.Append("Error: action failed: ").Append(cause).Append('\n');
                firstError ??= $"hook run id '{hookRunId}' failed on action '{action.Name}' hook '{hook.Id}': action failed: {cause}";
                succeeded = false;
            }

            records.Add(new HookRecord(hookRunId, action.Name, hook.Id, cause is null ? HookStatus.Completed : HookStatus.Failed, start, Time.GetUtcNow(), EmulatedHookOutput.FromText(log.ToString())));
        }

        return new ActionResult(records, firstError);
    }

    private async Task<string?> RunHookAsync(string runId, string hookRunId, HookEvent hookEvent, RuntimeAction action, HookPlan plan, string payload, StringBuilder log, CancellationToken cancellationToken)
    {
        WebhookCall Record(string url, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            var call = new WebhookCall(runId, hookRunId, hookEvent.EventType, action.Name, plan.Hook.Id, url, headers, payload);
            _calls.Enqueue(call);
            return call;
        }

        if (plan.Webhook is { } webhook)
        {
            return await _sender.SendWebhookAsync(webhook, payload, log, Record, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Airflow is { } airflow)
        {
            return await _sender.SendAirflowAsync(airflow, payload, $"lakeFS_hook_{plan.Hook.Id}_{runId}", log, Record, cancellationToken).ConfigureAwait(false);
        }

        if (!LuaHooks.TryGetValue(plan.Hook.Id, out var standIn))
        {
            log.Append("The lakeFS emulator does not run Lua scripts; register a .NET stand-in for hook '")
                .Append(plan.Hook.Id).Append("' with LakeFsActionsEmulator.RegisterLuaHook.\n");
            return $"lua hook '{plan.Hook.Id}': the emulator does not run Lua";
        }

        var args = plan.Hook.Properties.TryGetValue("args", out var value) && value is IReadOnlyDictionary<string, object?> map
            ? map
            : new Dictionary<string, object?>();
        try
        {
            await standIn(new EmulatedLuaHookContext(hookEvent.EventType, action.Name, plan.Hook.Id, payload, args, log), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return e.Message;
        }
    }

    private sealed record HookPlan(RuntimeHook Hook, WebhookSettings? Webhook, AirflowSettings? Airflow);

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
