using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli.Watching;

/// <summary>
/// Follows <see cref="ILakeFsActionsClient.WatchRunsAsync"/> for one commit (or branch) and decides when the runs of
/// that commit have arrived:
/// <list type="bullet">
/// <item>with an event type: as soon as a poll brought at least one run of that event;</item>
/// <item>without: once at least one run arrived and then two poll intervals passed without a new one,
/// that is, the poll after the latest new run found nothing new. lakeFS records pre-* runs when the
/// operation happens and post-* runs shortly after, so the quiet poll catches the late ones.</item>
/// </list>
/// The client's <see cref="WatchOptions.Timeout"/> still applies and ends the watch with a <see cref="TimeoutException"/>.
/// </summary>
internal sealed class CommitRunWatch
{
    private readonly ILakeFsActionsClient _client;
    private readonly TimeProvider _timeProvider;

    public CommitRunWatch(ILakeFsActionsClient client, TimeProvider timeProvider)
    {
        _client = client;
        _timeProvider = timeProvider;
    }

    /// <summary>Calls <paramref name="onRun"/> for each matching run, oldest first, until the runs have arrived.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">The commit and, optionally, the event type.</param>
    /// <param name="options">Poll interval and timeout.</param>
    /// <param name="onRun">Called for each run as it appears.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>A task that completes when the runs have arrived.</returns>
    /// <exception cref="TimeoutException">The timeout passed first.</exception>
    public async Task WatchAsync(string repository, RunQuery query, WatchOptions options, Func<ActionRun, Task> onRun, CancellationToken cancellationToken)
    {
        var quietPeriod = options.PollInterval * 2;
        var untilOneEvent = !string.IsNullOrEmpty(query.EventType);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = _client.WatchRunsAsync(repository, query, options, stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool>? pending = null;
        try
        {
            var arrived = 0;
            while (true)
            {
                var next = runs.MoveNextAsync();
                if (!next.IsCompleted && arrived > 0)
                {
                    // The poll that brought the latest runs has been consumed; the watch waits for its next poll.
                    pending = next.AsTask();
                    if (untilOneEvent || !await ArrivesWithinAsync(pending, quietPeriod, stop.Token))
                    {
                        return;
                    }

                    pending = null;
                }
                else if (!await next)
                {
                    return;
                }

                arrived++;
                await onRun(runs.Current);
            }
        }
        finally
        {
            await stop.CancelAsync();
            if (pending is not null)
            {
                // Let the abandoned poll finish before disposing the enumerator.
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await runs.DisposeAsync();
        }
    }

    /// <summary>Waits up to <paramref name="period"/> for the pending run; false when none came.</summary>
    private async Task<bool> ArrivesWithinAsync(Task<bool> pending, TimeSpan period, CancellationToken cancellationToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(period, _timeProvider, quiet.Token);
        var first = await Task.WhenAny(pending, elapsed);
        if (first == pending)
        {
            await quiet.CancelAsync();
            return await pending;
        }

        await elapsed; // throws when the caller cancelled
        return false;
    }
}
