using System.Runtime.CompilerServices;

namespace LakeFs.Actions.Client;

/// <summary>The algorithm behind <see cref="ILakeFsActionsClient.WatchRunsAsync"/>: polls with a look-back window, deduplicated by id.</summary>
/// <remarks>
/// Runs land out of id order (why: <see cref="WatchOptions.LookBack"/>), so a poller that only fetches ids newer than
/// the newest it has seen misses a slow run. So:
/// <list type="number">
/// <item>The first poll lists every run that matches the server-side filters (and <see cref="RunQuery.Since"/>).</item>
/// <item>Every later poll re-reads a look-back window, newest first: the runs whose start time is at or after
/// (the newest start time seen − <see cref="WatchOptions.LookBack"/>). The listing stops at the first older run,
/// so a poll costs the pages that cover the runs started within the window.</item>
/// <item>Runs are deduplicated by id; the set of seen ids keeps only runs inside the window (older ones can never be
/// listed again), so memory stays bounded by the window, not by how long the watch runs.</item>
/// </list>
/// The window is anchored at the newest start time the server reported, not at the client's clock: start times and
/// the window then come from the same clock (no skew between client and server), the window never slides past a run
/// while nothing new arrives, and the newest run seen started no later than the server's now, so the window reaches
/// at least as far back as one anchored at now would. A run is missed only when it lands more than
/// <see cref="WatchOptions.LookBack"/> after the start of a newer run that was already seen.
/// </remarks>
internal sealed class RunWatch
{
    private readonly Func<RunQuery, CancellationToken, AsyncPageable<ActionRun>> _list;
    private readonly TimeProvider _timeProvider;

    /// <param name="list">Lists runs (the client's <c>ListRunsAsync</c> for one repository).</param>
    /// <param name="timeProvider">Clock for the poll interval and the timeout.</param>
    public RunWatch(Func<RunQuery, CancellationToken, AsyncPageable<ActionRun>> list, TimeProvider timeProvider)
    {
        _list = list;
        _timeProvider = timeProvider;
    }

    /// <summary>Yields each run matching <paramref name="query"/> once, as it appears; oldest first among one poll's runs.</summary>
    /// <param name="repository">Repository id, for the timeout message.</param>
    /// <param name="query">Server-side and client-side filters.</param>
    /// <param name="options">Poll interval, look-back window and timeout (validated).</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The runs.</returns>
    public async IAsyncEnumerable<ActionRun> WatchAsync(string repository, RunQuery query, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timeout = options.Timeout;
        var lookBack = options.LookBack;
        var interval = options.PollInterval;
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : null;
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? cancellationToken;

        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset? newest = null;
        while (true)
        {
            var windowStart = WindowStart(newest, lookBack);
            var serverQuery = new RunQuery
            {
                Branch = query.Branch,
                Commit = query.Commit,
                PageSize = query.PageSize,
                Since = Later(query.Since, windowStart),
            };

            List<ActionRun> fresh;
            try
            {
                fresh = await PollAsync(serverQuery, seen, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(repository, timeout);
            }

            foreach (var run in fresh)
            {
                if (newest is null || run.StartTime > newest)
                {
                    newest = run.StartTime;
                }
            }

            Prune(seen, WindowStart(newest, lookBack));

            // Newest first on the server; oldest first to the caller.
            for (var i = fresh.Count - 1; i >= 0; i--)
            {
                if (query.Matches(fresh[i]))
                {
                    yield return fresh[i];
                }
            }

            try
            {
                await Task.Delay(interval, _timeProvider, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(repository, timeout);
            }
        }
    }

    /// <summary>One poll: the runs of the window (its <c>Since</c> ends the listing) not seen before, newest first.</summary>
    private async Task<List<ActionRun>> PollAsync(RunQuery serverQuery, Dictionary<string, DateTimeOffset> seen, CancellationToken cancellationToken)
    {
        var fresh = new List<ActionRun>();
        await foreach (var run in _list(serverQuery, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (seen.TryAdd(run.RunId, run.StartTime))
            {
                fresh.Add(run);
            }
        }

        return fresh;
    }

    /// <summary>Forgets runs that started before the window: no later poll lists them again.</summary>
    private static void Prune(Dictionary<string, DateTimeOffset> seen, DateTimeOffset? windowStart)
    {
        if (windowStart is not { } start)
        {
            return;
        }

        foreach (var (runId, startTime) in seen)
        {
            if (startTime < start)
            {
                seen.Remove(runId);
            }
        }
    }

    /// <summary>Newest start time seen minus the look-back; null before any run was seen (or below the calendar's start).</summary>
    private static DateTimeOffset? WindowStart(DateTimeOffset? newest, TimeSpan lookBack) =>
        newest is { } value && value.UtcTicks - DateTimeOffset.MinValue.UtcTicks > lookBack.Ticks ? value - lookBack : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a > b ? a : b);

    private static TimeoutException TimedOut(string repository, TimeSpan? timeout) =>
        new($"Watching the runs of repository '{repository}' timed out after {timeout}.");
}
