using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>WaitForRunsAsync: the rule that ends a CI wait (runs of given events arrived, or the runs settled) and its verdict.</summary>
public sealed class WaitForRunsTests : IAsyncLifetime
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

        // No per-attempt timeout: the only timers on the fake clock are the wait's own.
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

    private string AddRun(string commit, string eventType, RunStatus? status = null)
    {
        _serverClock.Advance(TimeSpan.FromSeconds(1));
        return _lakeFs.AddRun("repo", new EmulatedRun("main", commit, eventType) { Status = status ?? RunStatus.Completed });
    }

    private static RunWaitOptions Options(params string[] events)
    {
        var options = new RunWaitOptions { Watch = new WatchOptions { PollInterval = Interval } };
        foreach (var eventType in events)
        {
            options.Events.Add(eventType);
        }

        return options;
    }

    [Fact]
    public async Task With_events_the_wait_ends_after_the_poll_that_brought_a_run_of_each()
    {
        var pre = AddRun("c1", "pre-commit");
        var seen = new List<string>();
        var options = Options("pre-commit", "post-commit");
        options.OnRun = (run, _) =>
        {
            seen.Add(run.RunId);
            return ValueTask.CompletedTask;
        };

        var wait = _client.WaitForRunsAsync("repo", new RunQuery { Commit = "c1" }, options);

        // The first poll brought only the pre-commit run: the wait goes on to the next poll.
        Assert.Equal(Interval, await _clock.NextTimerAsync());
        Assert.False(wait.IsCompleted);
        Assert.Equal([pre], seen);
        var post = AddRun("c1", "post-commit", RunStatus.Failed);
        _clock.Advance(Interval);

        var verdict = await wait;
        Assert.Equal([pre, post], verdict.Runs.Select(run => run.RunId));
        Assert.Equal([pre, post], seen);
        Assert.Equal([post], verdict.FailedRuns.Select(run => run.RunId));
        Assert.False(verdict.Passed);
    }

    [Fact]
    public async Task The_event_type_of_the_query_is_awaited_when_no_events_are_given()
    {
        var post = AddRun("c1", "post-commit");

        var verdict = await _client.WaitForRunsAsync("repo", new RunQuery { Commit = "c1", EventType = "post-commit" }, Options());

        Assert.Equal([post], verdict.Runs.Select(run => run.RunId));
        Assert.True(verdict.Passed);
        Assert.Equal(1, _lakeFs.RequestCount(EmulatorOperations.ListRepositoryRuns));
    }

    [Fact]
    public async Task Without_events_the_wait_ends_when_the_poll_after_the_latest_run_found_nothing_new()
    {
        var pre = AddRun("c1", "pre-commit");
        var wait = _client.WaitForRunsAsync("repo", new RunQuery { Commit = "c1" }, Options());

        // After the first run: the next poll is due after one interval, the quiet period after two.
        var first = await _clock.NextTimerAsync();
        var second = await _clock.NextTimerAsync();
        Assert.Equal([Interval, Interval * 2], new[] { first, second }.Order());
        var post = AddRun("c1", "post-commit");
        _clock.Advance(Interval);

        // The late post-commit run arrived within the quiet period; a new poll and quiet period start after it.
        Assert.Equal([Interval, Interval * 2], new[] { await _clock.NextTimerAsync(), await _clock.NextTimerAsync() }.Order());
        Assert.False(wait.IsCompleted);
        _clock.Advance(Interval * 2);

        var verdict = await wait;
        Assert.Equal([pre, post], verdict.Runs.Select(run => run.RunId));
        Assert.True(verdict.Passed);
    }

    [Fact]
    public async Task The_watch_timeout_ends_the_wait_with_a_TimeoutException()
    {
        var options = Options("post-commit");
        options.Watch.Timeout = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAsync<TimeoutException>(() => _clock.DriveAsync(
            _client.WaitForRunsAsync("repo", new RunQuery { Commit = "never" }, options),
            advanceFor: due => due == Interval));
    }

    [Fact]
    public async Task Bad_options_name_what_is_wrong()
    {
        var empty = Options(" ");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.WaitForRunsAsync("repo", new RunQuery(), empty));
        Assert.Contains("Events", error.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ArgumentNullException>(() => _client.WaitForRunsAsync("repo", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _client.WaitForRunsAsync("repo", new RunQuery(), new RunWaitOptions { Watch = null! }));
    }
}
