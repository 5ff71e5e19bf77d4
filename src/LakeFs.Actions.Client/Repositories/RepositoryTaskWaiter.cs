namespace LakeFs.Actions.Client;

/// <summary>Polls the status of a dump or restore task on the client's <see cref="TimeProvider"/> until it ends.</summary>
/// <remarks>
/// lakeFS never marks a stalled task, so the wait gives up when <c>update_time</c> stays the same for
/// <see cref="TaskWaitOptions.StallTimeout"/> (measured on the client's clock, so server clock skew does not
/// matter), or when <see cref="TaskWaitOptions.Timeout"/> passes. A failed status request ends the wait with its
/// exception, as lakectl does.
/// </remarks>
internal sealed class RepositoryTaskWaiter
{
    private readonly TimeProvider _timeProvider;

    public RepositoryTaskWaiter(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The status of one poll: whether the task ended, its error, and its last update.</summary>
    public readonly record struct Status(bool Done, string? Error, DateTimeOffset UpdateTime);

    /// <summary>Polls <paramref name="readStatus"/> until the task is done; throws when it ended with an error or the wait timed out.</summary>
    public async Task WaitAsync(string repository, string taskId, Func<CancellationToken, Task<Status>> readStatus, TaskWaitOptions options, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        DateTimeOffset? lastUpdate = null;
        var lastChange = started;
        while (true)
        {
            var status = await readStatus(cancellationToken).ConfigureAwait(false);
            var now = _timeProvider.GetTimestamp();
            if (status.UpdateTime != lastUpdate)
            {
                lastUpdate = status.UpdateTime;
                lastChange = now;
            }

            var elapsed = _timeProvider.GetElapsedTime(started, now);
            options.Progress?.Report(new RepositoryTaskProgress(repository, taskId, status.Done, status.UpdateTime, elapsed));
            if (status.Done)
            {
                if (!string.IsNullOrEmpty(status.Error))
                {
                    throw new RepositoryTaskFailedException(repository, taskId, status.Error);
                }

                return;
            }

            if (_timeProvider.GetElapsedTime(lastChange, now) >= options.StallTimeout)
            {
                throw new RepositoryTaskTimeoutException(repository, taskId, stalled: true, options.StallTimeout, status.UpdateTime);
            }

            var delay = options.PollInterval;
            if (options.Timeout is { } timeout)
            {
                var left = timeout - elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new RepositoryTaskTimeoutException(repository, taskId, stalled: false, timeout, status.UpdateTime);
                }

                // Read the status once more when the limit comes, rather than give up without looking.
                delay = left < delay ? left : delay;
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
