using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>WatchRunsAsync polls on virtual time and yields each new matching run once, oldest first.</summary>
public sealed class WatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _serverClock = new(new DateTimeOffset(2026, 7, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TimerRecordingClock _clock = new();
    private LakeFsActionsEmulator _lakeFs = null!;
    private LakeFsActionsClient _client = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = _serverClock });
        _lakeFs.AddRepository("repo");

        // No per-attempt timeout: the only timers on the fake clock are the watch's own.
        _client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = _lakeFs.Endpoint, AccessKeyId = _lakeFs.AccessKeyId, SecretAccessKey = _lakeFs.SecretAccessKey, Timeout = Timeout.InfiniteTimeSpan },
            transport: null,
            loggerFactory: null,
            _clock);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _lakeFs.DisposeAsync();
    }

    private string AddRun(string commit, RunStatus? status = null)
    {
        _serverClock.Advance(TimeSpan.FromSeconds(1));
        return _lakeFs.AddRun("repo", new EmulatedRun("main", commit, "post-commit") { Status = status ?? RunStatus.Completed });
    }

    private long Polls => _lakeFs.RequestCount(EmulatorOperations.ListRepositoryRuns);

    /// <summary>Waits for the watch to start its poll delay, then lets it pass.</summary>
    private async Task NextPollAsync()
    {
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        _clock.Advance(Interval);
    }

    [Fact]
    public async Task Yields_existing_runs_then_runs_added_later_each_once_oldest_first()
    {
        var existing = AddRun("c1");
        await using var watch = _client.WatchRunsAsync("repo", new RunQuery { Commit = "c1" }, new WatchOptions { PollInterval = Interval }).GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(existing, watch.Current.RunId);

        var next = watch.MoveNextAsync().AsTask();
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        var older = AddRun("c1");
        AddRun("other-commit");
        var newer = AddRun("c1");
        _clock.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(older, watch.Current.RunId);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(newer, watch.Current.RunId);

        // A poll that finds nothing new yields nothing; the run after it comes next, and no run comes twice.
        next = watch.MoveNextAsync().AsTask();
        await NextPollAsync();
        var secondWait = _clock.NextTimerAsync();
        Assert.Same(secondWait, await Task.WhenAny(secondWait, next)); // nothing was yielded by the empty poll
        var latest = AddRun("c1");
        _clock.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(latest, watch.Current.RunId);
        Assert.Equal(4, Polls);
    }

    [Fact]
    public async Task A_run_that_lands_late_behind_runs_already_yielded_is_yielded_once()
    {
        var options = new WatchOptions { PollInterval = Interval };
        await using var watch = _client.WatchRunsAsync("repo", new RunQuery { PageSize = 5 }, options).GetAsyncEnumerator();

        // First poll: nothing yet. Then 12 runs arrive, one second apart.
        var next = watch.MoveNextAsync().AsTask();
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        var start = _serverClock.GetUtcNow();
        var quick = Enumerable.Range(1, 12).Select(i => _lakeFs.AddRun("repo", "main", "c" + i, "post-commit", startTime: start.AddSeconds(i))).ToList();
        _clock.Advance(Interval);

        var seen = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            Assert.True(i == 0 ? await next : await watch.MoveNextAsync());
            seen.Add(watch.Current.RunId);
        }

        Assert.Equal(quick, seen);

        // A post-commit run that started between the 4th and 5th quick runs lands now. Its id is of the 4th run's second
        // (lakeFS's ids count whole seconds) and sorts after that run's (the counter grows within a second): 9 ids are smaller.
        next = watch.MoveNextAsync().AsTask();
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        var late = _lakeFs.AddRun("repo", "main", "slow", "post-commit", startTime: start.AddSeconds(4.5));
        Assert.Equal(9, quick.Count(id => string.CompareOrdinal(id, late) < 0));
        _clock.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(late, watch.Current.RunId);

        // It is not yielded again: the next run yielded is the next new one.
        next = watch.MoveNextAsync().AsTask();
        await NextPollAsync();
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        var newest = _lakeFs.AddRun("repo", "main", "c13", "post-commit", startTime: start.AddSeconds(13));
        _clock.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(newest, watch.Current.RunId);
    }

    [Fact]
    public async Task A_poll_reads_only_the_pages_of_the_look_back_window()
    {
        var start = _serverClock.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            _lakeFs.AddRun("repo", "main", "old", "post-commit", startTime: start.AddMinutes(-60 + i));
        }

        var recent = Enumerable.Range(0, 3).Select(i => _lakeFs.AddRun("repo", "main", "new", "post-commit", startTime: start.AddMinutes(-2 + i))).ToList();
        var options = new WatchOptions { PollInterval = Interval, LookBack = TimeSpan.FromMinutes(5) };
        await using var watch = _client.WatchRunsAsync("repo", new RunQuery { PageSize = 5 }, options).GetAsyncEnumerator();
        for (var i = 0; i < 33; i++)
        {
            Assert.True(await watch.MoveNextAsync());
        }

        Assert.Equal(recent[^1], watch.Current.RunId);
        var afterFirstPoll = Polls;
        var next = watch.MoveNextAsync().AsTask();
        await NextPollAsync();
        Assert.Equal(Interval, await _clock.NextTimerAsync());

        // 3 runs started within 5 minutes of the newest: one page of 5, which also shows the first older run.
        Assert.Equal(afterFirstPoll + 1, Polls);
        Assert.False(next.IsCompleted);
        var latest = _lakeFs.AddRun("repo", "main", "new", "post-commit", startTime: start);
        _clock.Advance(Interval);
        Assert.True(await next);
        Assert.Equal(latest, watch.Current.RunId);
    }

    [Fact]
    public void LookBack_must_be_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchRunsAsync("repo", options: new WatchOptions { LookBack = TimeSpan.Zero }));

        Assert.Contains("LookBack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_side_filters_apply_to_watched_runs()
    {
        AddRun("c1", RunStatus.Completed);
        var failed = AddRun("c1", RunStatus.Failed);
        await using var watch = _client.WatchRunsAsync("repo", new RunQuery { Commit = "c1", Status = RunStatus.Failed }, new WatchOptions { PollInterval = Interval }).GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(failed, watch.Current.RunId);

        var next = watch.MoveNextAsync().AsTask();
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        AddRun("c1", RunStatus.Completed);
        var laterFailure = AddRun("c1", RunStatus.Failed);
        _clock.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(laterFailure, watch.Current.RunId);
    }

    [Fact]
    public async Task The_timeout_ends_the_watch_with_a_TimeoutException_on_virtual_time()
    {
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _clock.DriveAsync(
            Task.Run(async () =>
            {
                await foreach (var run in _client.WatchRunsAsync("repo", new RunQuery { Commit = "never" }, new WatchOptions { PollInterval = Interval, Timeout = TimeSpan.FromSeconds(5) }))
                {
                    seen.Add(run.RunId);
                }
            }),
            advanceFor: due => due == Interval));

        Assert.Empty(seen);
        Assert.Contains("repo", error.Message, StringComparison.Ordinal);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Polls); // at 0 s, 2 s and 4 s; the 5 s limit passes during the next wait
    }

    [Fact]
    public async Task Cancelling_the_watch_is_a_cancellation_not_a_timeout()
    {
        using var cancellation = new CancellationTokenSource();
        await using var watch = _client.WatchRunsAsync("repo", options: new WatchOptions { PollInterval = Interval, Timeout = TimeSpan.FromHours(1) }, cancellationToken: cancellation.Token).GetAsyncEnumerator();

        var next = watch.MoveNextAsync().AsTask();
        Assert.Equal(TimeSpan.FromHours(1), await _clock.NextTimerAsync());
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.Equal(1, Polls);
    }
}
