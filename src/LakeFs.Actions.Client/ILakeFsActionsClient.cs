namespace LakeFs.Actions.Client;

/// <summary>
/// Reads lakeFS action runs, their hook runs and hook output, and the repositories they belong to.
/// Every method validates its arguments before sending anything, retries throttled and transient
/// failures, and reports any other failure as a <see cref="LakeFsApiException"/>.
/// </summary>
public interface ILakeFsActionsClient : IDisposable
{
    /// <summary>Lists action runs, newest first. <c>GET /repositories/{repository}/actions/runs</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Filters and page size; <c>null</c> lists every run.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The runs, fetched page by page as they are enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>, or the query is inconsistent (e.g. both a branch and a commit); thrown before any request.</exception>
    /// <exception cref="AmbiguousCommitException">On enumeration: <see cref="RunQuery.Commit"/> abbreviates several commit ids.</exception>
    /// <exception cref="LakeFsApiException">On enumeration: a request failed, or the server broke the paging contract (a repeated cursor, an empty page that claims more).</exception>
    /// <remarks>
    /// <see cref="RunQuery.Branch"/> is exact and <see cref="RunQuery.Commit"/> works like git (full id or unique
    /// abbreviation), although lakeFS's own filters are key-prefix scans (see <see cref="RunQuery"/>). Every listing
    /// drops (and logs as a warning) the one item whose id is the cursor of its page, so a server that treats
    /// <c>after</c> as inclusive never makes one enumeration yield a run twice; any other item behind the cursor
    /// means the server does not page in lakeFS's order, and the listing throws a <see cref="LakeFsApiException"/>
    /// saying so instead of silently yielding part of the runs.
    /// </remarks>
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
    /// <remarks>
    /// A real lakeFS server answers an EMPTY listing for a run id that does not exist (it scans the run's hook
    /// records without looking the run up), not a 404: call <see cref="GetRunAsync"/> first when "no such run" must
    /// be told apart from "a run without hooks". An unknown repository is still a 404.
    /// </remarks>
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
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown hook run, or 410 (not retried) when the log is gone from the repository's object store.</exception>
    Task<HookOutput> GetHookOutputAsync(string repository, string runId, string hookRunId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls <c>GET /repositories/{repository}/actions/runs</c> and yields each run that matches
    /// <paramref name="query"/> once, as it appears: first the runs that already exist, then new ones, oldest first
    /// among those found by one poll.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Which runs to watch, typically <see cref="RunQuery.Commit"/>.</param>
    /// <param name="options">Poll interval (default 2 s), look-back window (default 15 min) and timeout (default none).</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The runs, as they appear; the enumeration ends only when the caller stops, cancels, or the timeout passes.</returns>
    /// <exception cref="TimeoutException"><see cref="WatchOptions.Timeout"/> passed.</exception>
    /// <remarks>
    /// This is how a CI job waits for the post-commit hooks of the commit it made. Runs that land late (with an id
    /// older than runs already seen) are found by re-reading a window of recent runs on every poll: see
    /// <see cref="WatchOptions.LookBack"/> for why, what it costs and when a run can be missed.
    /// </remarks>
    IAsyncEnumerable<ActionRun> WatchRunsAsync(string repository, RunQuery? query = null, WatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the runs of a commit (or branch) to arrive and returns a verdict: which runs came, which failed.
    /// This is the rule a CI step ends on after it made a commit.
    /// </summary>
    /// <remarks>
    /// Follows <see cref="WatchRunsAsync"/> with <paramref name="query"/> and <see cref="RunWaitOptions.Watch"/>. With
    /// <see cref="RunWaitOptions.Events"/> (or <see cref="RunQuery.EventType"/>), the wait ends after the poll that
    /// brought a run of each event type; without, once at least one run arrived and the poll after the latest new
    /// run found nothing new, so post-* runs that lakeFS records shortly after the pre-* ones are still caught.
    /// </remarks>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Which runs to wait for, typically <see cref="RunQuery.Commit"/>.</param>
    /// <param name="options">Event types to wait for, a callback per run, and the watch's poll interval, look-back and timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The verdict over the runs that arrived.</returns>
    /// <exception cref="TimeoutException"><see cref="WatchOptions.Timeout"/> of <see cref="RunWaitOptions.Watch"/> passed first.</exception>
    Task<RunsVerdict> WaitForRunsAsync(string repository, RunQuery query, RunWaitOptions? options = null, CancellationToken cancellationToken = default);
}
