namespace LakeFs.Actions.Client;

/// <summary>
/// Why a lakeFS operation was refused by its hooks, or what a run's failed hooks said: the run, each failed hook with the
/// end of its log, or for a 500 the action files lakeFS could not load. Made by
/// <see cref="LakeFsRefusalExtensions.ExplainRefusalAsync(ILakeFsActionsClient, string, HookRefusal, CancellationToken)"/> and
/// <see cref="LakeFsRefusalExtensions.ExplainRunAsync"/>.
/// </summary>
public sealed class HookRefusalExplanation
{
    /// <summary>How many lines of each failed hook's log are kept.</summary>
    public const int LogTailLines = 20;

    internal HookRefusalExplanation(string repository, HookRefusal? refusal, string? runId)
    {
        Repository = repository;
        Refusal = refusal;
        RunId = runId;
    }

    /// <summary>The repository.</summary>
    public string Repository { get; }

    /// <summary>The parsed abort message; null when a run id was explained.</summary>
    public HookRefusal? Refusal { get; }

    /// <summary>The run id, from the message or as given; null from a server before v1.60.</summary>
    public string? RunId { get; }

    /// <summary>The run as lakeFS records it; null when none was recorded (a 500 before any hook ran) or it could not be found.</summary>
    public ActionRun? Run { get; internal set; }

    /// <summary>Why <see cref="Run"/> is null, in a sentence; null when the run was read.</summary>
    public string? RunProblem { get; internal set; }

    /// <summary>The failed hooks: those the message names and those the run's listing marks failed, in hook run id order.</summary>
    public IReadOnlyList<ExplainedHook> FailedHooks { get; internal set; } = [];

    /// <summary>The action files lakeFS could not load (a 500: fix or remove them; every hooked operation on the ref fails until then).</summary>
    public IReadOnlyList<BrokenActionFile> BrokenFiles => Refusal?.BrokenFiles ?? [];

    /// <summary>One or two sentences: what was refused, why, and where to look.</summary>
    public string Summary { get; internal set; } = string.Empty;

    /// <summary>The summary.</summary>
    /// <returns><see cref="Summary"/>.</returns>
    public override string ToString() => Summary;
}
