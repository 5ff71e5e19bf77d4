namespace LakeFs.Actions.Client.Http;

/// <summary>
/// Names the lakeFS operation and route template of a request URL, for logs, metrics and errors. Ids
/// are percent-encoded as single segments, so splitting the raw path on '/' is exact, and the route
/// template never contains an id (no user data in metric tags).
/// </summary>
internal readonly record struct LakeFsRoute(string Operation, string Template)
{
    private const string ApiPrefix = "/api/v1/";

    public static readonly LakeFsRoute Unknown = new("unknown", "(unknown)");

    public static LakeFsRoute Match(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return Unknown;
        }

        var path = uri.AbsolutePath;
        var start = path.LastIndexOf(ApiPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return Unknown;
        }

        var segments = path[(start + ApiPrefix.Length)..].Split('/');
        return segments switch
        {
            ["repositories"] => new("listRepositories", "/repositories"),
            ["repositories", _] => new("getRepository", "/repositories/{repository}"),
            ["repositories", _, "actions", "runs"] => new("listRepositoryRuns", "/repositories/{repository}/actions/runs"),
            ["repositories", _, "actions", "runs", _] => new("getRun", "/repositories/{repository}/actions/runs/{run_id}"),
            ["repositories", _, "actions", "runs", _, "hooks"] => new("listRunHooks", "/repositories/{repository}/actions/runs/{run_id}/hooks"),
            ["repositories", _, "actions", "runs", _, "hooks", _, "output"] => new("getRunHookOutput", "/repositories/{repository}/actions/runs/{run_id}/hooks/{hook_run_id}/output"),
            _ => Unknown,
        };
    }

    /// <summary>True when a successful answer must be JSON (everything but hook output).</summary>
    public bool ExpectsJson => Operation is not "getRunHookOutput" and not "unknown";
}
