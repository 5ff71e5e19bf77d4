namespace LakeFs.Actions.Client;

/// <summary>What <see cref="ILakeFsActionsClient.WaitForRunsAsync"/> found once the awaited runs had arrived.</summary>
public sealed class RunsVerdict
{
    /// <summary>Builds a verdict over the runs that arrived.</summary>
    /// <param name="runs">The runs, in the order they arrived.</param>
    /// <exception cref="ArgumentNullException"><paramref name="runs"/> is null.</exception>
    public RunsVerdict(IReadOnlyList<ActionRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Runs = runs;
        FailedRuns = runs.Where(run => run.Status == RunStatus.Failed).ToArray();
    }

    /// <summary>Every run that arrived, in arrival order. lakeFS lists a run only once all its hooks finished.</summary>
    public IReadOnlyList<ActionRun> Runs { get; }

    /// <summary>The runs whose status is <see cref="RunStatus.Failed"/>.</summary>
    public IReadOnlyList<ActionRun> FailedRuns { get; }

    /// <summary><c>true</c> when no run failed.</summary>
    public bool Passed => FailedRuns.Count == 0;
}
