namespace LakeFs.Actions.Client.Testing;

/// <summary>The operation ids (from the lakeFS OpenAPI document) of the endpoints the emulator serves.</summary>
public static class EmulatorOperations
{
    /// <summary><c>GET /api/v1/repositories</c>.</summary>
    public const string ListRepositories = "listRepositories";

    /// <summary><c>GET /api/v1/repositories/{repository}</c>.</summary>
    public const string GetRepository = "getRepository";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs</c>.</summary>
    public const string ListRepositoryRuns = "listRepositoryRuns";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}</c>.</summary>
    public const string GetRun = "getRun";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks</c>.</summary>
    public const string ListRunHooks = "listRunHooks";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks/{hook_run_id}/output</c>.</summary>
    public const string GetRunHookOutput = "getRunHookOutput";

    /// <summary>Every operation id above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ListRepositories, GetRepository, ListRepositoryRuns, GetRun, ListRunHooks, GetRunHookOutput];
}
