namespace LakeFs.Actions.Client;

/// <summary>
/// The algorithm behind <see cref="ILakeFsActionsClient.WaitForRunsAsync"/>: follows a watch and decides when the
/// awaited runs have arrived.
/// </summary>
/// <remarks>
/// A poll's runs are yielded back to back; when the next run is not already there, the watch is waiting for its next
/// poll, which marks a poll boundary. With event types, the wait ends at the first boundary at which a run of each has
/// arrived. Without, it ends at the first boundary after which no new run came for two poll intervals, that is, when
/// the poll after the latest new run found nothing new.
/// </remarks>
internal sealed class RunsWait
{
    private readonly TimeProvider _timeProvider;

    /// <param name="timeProvider">Clock for the quiet period.</param>
    public RunsWait(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>Consumes <paramref name="runs"/> until the awaited runs arrived.</summary>
    /// <param name="runs">The watch (it owns the timeout and the poll interval).</param>
    /// <param name="events">Event types to wait for; empty to wait until the runs settle.</param>
    /// <param name="pollInterval">The watch's poll interval.</param>
    /// <param name="onRun">Called for each run; may be null.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The verdict over the runs that arrived.</returns>
    public async Task<RunsVerdict> WaitAsync(
        Func<CancellationToken, IAsyncEnumerable<ActionRun>> runs,
        IReadOnlyCollection<string> events,
        TimeSpan pollInterval,
        Func<ActionRun, CancellationToken, ValueTask>? onRun,
        CancellationToken cancellationToken)
    {
        var quietPeriod = pollInterval * 2;
        var awaited = new HashSet<string>(events, StringComparer.OrdinalIgnoreCase);
        var arrived = new List<ActionRun>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = runs(stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool>? pending = null;
        try
        {
            while (true)
            {
                var next = watch.MoveNextAsync();
                bool more;
                if (!next.IsCompleted && arrived.Count > 0 && (events.Count == 0 || awaited.Count == 0))
                {
                    // The poll that brought the latest runs has been consumed; the watch waits for its next poll.
                    pending = next.AsTask();
                    if (events.Count > 0 || !await ArrivesWithinAsync(pending, quietPeriod, stop.Token).ConfigureAwait(false))
                    {
                        return new RunsVerdict(arrived);
                    }

                    pending = null;
                    more = true;
                }
                else
                {
                    more = await next.ConfigureAwait(false);
                }

                if (!more)
                {
                    return new RunsVerdict(arrived);
                }

                var run = watch.Current;
                arrived.Add(run);
                awaited.Remove(run.EventType);
                if (onRun is not null)
                {
                    await onRun(run, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (pending is not null)
            {
                // Let the abandoned poll finish before disposing the enumerator.
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await watch.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits up to <paramref name="period"/> for the pending run; false when none came.</summary>
    private async Task<bool> ArrivesWithinAsync(Task<bool> pending, TimeSpan period, CancellationToken cancellationToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(period, _timeProvider, quiet.Token);
        var first = await Task.WhenAny(pending, elapsed).ConfigureAwait(false);
        if (first == pending)
        {
            await quiet.CancelAsync().ConfigureAwait(false);
            return await pending.ConfigureAwait(false);
        }

        await elapsed.ConfigureAwait(false); // throws when the caller cancelled
        return false;
    }
}
