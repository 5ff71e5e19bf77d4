namespace LakeFs.Actions.Client.Testing;

/// <summary>The operation ids (from the lakeFS OpenAPI document) of the endpoints the emulator serves.</summary>
public static class EmulatorOperations
{
    /// <summary><c>GET /api/v1/repositories</c>.</summary>
    public const string ListRepositories = "listRepositories";

    /// <summary><c>POST /api/v1/repositories</c>.</summary>
    public const string CreateRepository = "createRepository";

    /// <summary><c>GET /api/v1/repositories/{repository}</c>.</summary>
    public const string GetRepository = "getRepository";

    /// <summary><c>DELETE /api/v1/repositories/{repository}</c>.</summary>
    public const string DeleteRepository = "deleteRepository";

    /// <summary><c>GET /api/v1/repositories/{repository}/metadata</c>.</summary>
    public const string GetRepositoryMetadata = "getRepositoryMetadata";

    /// <summary><c>GET /api/v1/repositories/{repository}/settings/gc_rules</c>.</summary>
    public const string GetGCRules = "getGCRules";

    /// <summary><c>PUT /api/v1/repositories/{repository}/settings/gc_rules</c>.</summary>
    public const string SetGCRules = "setGCRules";

    /// <summary><c>DELETE /api/v1/repositories/{repository}/settings/gc_rules</c>.</summary>
    public const string DeleteGCRules = "deleteGCRules";

    /// <summary><c>GET /api/v1/repositories/{repository}/settings/branch_protection</c>.</summary>
    public const string GetBranchProtectionRules = "getBranchProtectionRules";

    /// <summary><c>PUT /api/v1/repositories/{repository}/settings/branch_protection</c>.</summary>
    public const string SetBranchProtectionRules = "setBranchProtectionRules";

    /// <summary><c>POST /api/v1/repositories/{repository}/dump</c>.</summary>
    public const string DumpSubmit = "dumpSubmit";

    /// <summary><c>GET /api/v1/repositories/{repository}/dump?task_id=</c>.</summary>
    public const string DumpStatus = "dumpStatus";

    /// <summary><c>POST /api/v1/repositories/{repository}/restore</c>.</summary>
    public const string RestoreSubmit = "restoreSubmit";

    /// <summary><c>GET /api/v1/repositories/{repository}/restore?task_id=</c>.</summary>
    public const string RestoreStatus = "restoreStatus";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs</c>.</summary>
    public const string ListRepositoryRuns = "listRepositoryRuns";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}</c>.</summary>
    public const string GetRun = "getRun";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks</c>.</summary>
    public const string ListRunHooks = "listRunHooks";

    /// <summary><c>GET /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks/{hook_run_id}/output</c>.</summary>
    public const string GetRunHookOutput = "getRunHookOutput";

    /// <summary><c>GET /api/v1/repositories/{repository}/branches</c>.</summary>
    public const string ListBranches = "listBranches";

    /// <summary><c>POST /api/v1/repositories/{repository}/branches</c>.</summary>
    public const string CreateBranch = "createBranch";

    /// <summary><c>GET /api/v1/repositories/{repository}/branches/{branch}</c>.</summary>
    public const string GetBranch = "getBranch";

    /// <summary><c>DELETE /api/v1/repositories/{repository}/branches/{branch}</c>.</summary>
    public const string DeleteBranch = "deleteBranch";

    /// <summary><c>POST /api/v1/repositories/{repository}/branches/{branch}/commits</c>.</summary>
    public const string Commit = "commit";

    /// <summary><c>POST /api/v1/repositories/{repository}/refs/{sourceRef}/merge/{destinationBranch}</c>.</summary>
    public const string MergeIntoBranch = "mergeIntoBranch";

    /// <summary><c>POST /api/v1/repositories/{repository}/tags</c>.</summary>
    public const string CreateTag = "createTag";

    /// <summary><c>DELETE /api/v1/repositories/{repository}/tags/{tag}</c>.</summary>
    public const string DeleteTag = "deleteTag";

    /// <summary><c>POST /api/v1/repositories/{repository}/branches/{branch}/objects?path=</c>.</summary>
    public const string UploadObject = "uploadObject";

    /// <summary><c>GET /api/v1/repositories/{repository}/refs/{ref}/objects?path=</c>.</summary>
    public const string GetObject = "getObject";

    /// <summary><c>GET /api/v1/repositories/{repository}/refs/{ref}/objects/ls</c>.</summary>
    public const string ListObjects = "listObjects";

    /// <summary><c>DELETE /api/v1/repositories/{repository}/branches/{branch}/objects?path=</c>.</summary>
    public const string DeleteObject = "deleteObject";

    /// <summary>Every operation id above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ListRepositories, CreateRepository, GetRepository, DeleteRepository, GetRepositoryMetadata,
        GetGCRules, SetGCRules, DeleteGCRules, GetBranchProtectionRules, SetBranchProtectionRules,
        DumpSubmit, DumpStatus, RestoreSubmit, RestoreStatus,
        ListRepositoryRuns, GetRun, ListRunHooks, GetRunHookOutput,
        ListBranches, CreateBranch, GetBranch, DeleteBranch, Commit, MergeIntoBranch, CreateTag, DeleteTag,
        UploadObject, GetObject, ListObjects, DeleteObject,
    ];
}
