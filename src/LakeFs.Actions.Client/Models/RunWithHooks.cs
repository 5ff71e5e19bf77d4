namespace LakeFs.Actions.Client;

/// <summary>
/// An action run together with all of its hook runs, as yielded by
/// <see cref="LakeFsActionsClientExtensions.ListHooksAsync(ILakeFsActionsClient, string, IAsyncEnumerable{ActionRun}, int, CancellationToken)"/>.
/// </summary>
public sealed class RunWithHooks
{
    /// <summary>Pairs a run with its hook runs.</summary>
    /// <param name="run">The run.</param>
    /// <param name="hooks">Its hook runs, in hook run id order.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RunWithHooks(ActionRun run, IReadOnlyList<HookRun> hooks)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(hooks);
        Run = run;
        Hooks = hooks;
    }

    /// <summary>The run, as it came from the stream of runs.</summary>
    public ActionRun Run { get; }

    /// <summary>The run's hook runs, in hook run id order (every page of <c>GET .../actions/runs/{run_id}/hooks</c>).</summary>
    public IReadOnlyList<HookRun> Hooks { get; }

    /// <summary>Takes the pair apart: <c>var (run, hooks) = item;</c>.</summary>
    /// <param name="run">The run.</param>
    /// <param name="hooks">Its hook runs.</param>
    public void Deconstruct(out ActionRun run, out IReadOnlyList<HookRun> hooks)
    {
        run = Run;
        hooks = Hooks;
    }
}
