namespace LakeFs.Actions.Client;

/// <summary>
/// Reads lakeFS action runs, their hook runs and hook output, and the repositories they belong to.
/// Every method validates its arguments before sending anything, retries throttled and transient
/// failures, and reports any other failure as a <see cref="LakeFsApiException"/>.
/// </summary>
public interface ILakeFsActionsClient
{
    /// <summary>Lists action runs, newest first. <c>GET /repositories/{repository}/actions/runs</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Filters and page size; <c>null</c> lists every run.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The runs, fetched page by page as they are enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>, or the query is inconsistent.</exception>
    AsyncPageable<ActionRun> ListRunsAsync(string repository, RunQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one action run. <c>GET /repositories/{repository}/actions/runs/{run_id}</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="runId">Run id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository or run.</exception>
    Task<ActionRun> GetRunAsync(string repository, string runId, CancellationToken cancellationToken = default);

    /// <summary>Lists the hook runs of an action run, in hook run id order. <c>GET /repositories/{repository}/actions/runs/{run_id}/hooks</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="runId">Run id.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The hook runs, fetched page by page as they are enumerated.</returns>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    AsyncPageable<HookRun> ListRunHooksAsync(string repository, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the output log of a hook run as a stream. <c>GET /repositories/{repository}/actions/runs/{run_id}/hooks/{hook_run_id}/output</c>.
    /// A skipped hook has an empty log.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="runId">Run id.</param>
    /// <param name="hookRunId">Hook run id, e.g. <c>0000_0001</c>.</param>
    /// <param name="cancellationToken">Cancels opening the stream.</param>
    /// <returns>The output; dispose it to release the connection.</returns>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown hook run.</exception>
    Task<HookOutput> GetHookOutputAsync(string repository, string runId, string hookRunId, CancellationToken cancellationToken = default);

    /// <summary>Lists repositories, by id. <c>GET /repositories</c>.</summary>
    /// <param name="query">Prefix, search text and page size; <c>null</c> lists every repository.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The repositories, fetched page by page as they are enumerated.</returns>
    AsyncPageable<Repository> ListRepositoriesAsync(RepositoryQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one repository. <c>GET /repositories/{repository}</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The repository.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository.</exception>
    Task<Repository> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls <c>GET /repositories/{repository}/actions/runs</c> and yields each run that matches
    /// <paramref name="query"/> once, as it appears: first the runs that already exist, then new ones,
    /// oldest first among those found by one poll. Each poll fetches only the pages newer than what was
    /// already seen. This is how a CI job waits for the post-commit hooks of the commit it made.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Which runs to watch, typically <see cref="RunQuery.Commit"/>.</param>
    /// <param name="options">Poll interval (default 2 s) and timeout (default none).</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The runs, as they appear; the enumeration ends only when the caller stops, cancels, or the timeout passes.</returns>
    /// <exception cref="TimeoutException"><see cref="WatchOptions.Timeout"/> passed.</exception>
    IAsyncEnumerable<ActionRun> WatchRunsAsync(string repository, RunQuery? query = null, WatchOptions? options = null, CancellationToken cancellationToken = default);
}
