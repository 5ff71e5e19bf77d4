using System.Runtime.CompilerServices;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// <see cref="LakeFsActionsClientExtensions.ListHooksAsync"/>: the hooks of a stream of runs, fetched with bounded
/// concurrency, yielded in the runs' order. Server latency is virtual (a <see cref="FakeTimeProvider"/> advanced by
/// the test), so elapsed times are exact and the tests take no real time waiting.
/// </summary>
public class ConcurrentHookListingTests
{
    private const string Repository = "audit-repo";
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hooks_of_1000_runs_at_concurrency_16_take_at_most_015x_the_sequential_time_in_order_within_the_limit()
    {
        var sequential = await FetchAllAsync(runCount: 1000, maxConcurrency: 1);
        var concurrent = await FetchAllAsync(runCount: 1000, maxConcurrency: 16);

        Assert.Equal(TimeSpan.FromMilliseconds(1000 * 20), sequential.Elapsed); // one after the other: 1,000 x 20 ms
        Assert.True(
            concurrent.Elapsed <= sequential.Elapsed * 0.15,
            $"Concurrency 16 took {concurrent.Elapsed.TotalMilliseconds} ms of virtual time, sequential {sequential.Elapsed.TotalMilliseconds} ms.");
        Assert.Equal(1, sequential.MaxInFlight);
        Assert.Equal(16, concurrent.MaxInFlight);
        foreach (var result in new[] { sequential, concurrent })
        {
            Assert.Equal(Enumerable.Range(0, 1000).Select(RunId), result.Runs.Select(r => r.Run.RunId));
            Assert.All(result.Runs, r => Assert.Equal([r.Run.RunId, r.Run.RunId], r.Hooks.Select(h => h.Action)));
            Assert.All(result.Runs, r => Assert.Equal([HookStatus.Completed, HookStatus.Skipped], r.Hooks.Select(h => h.Status)));
        }
    }

    [Fact]
    public async Task No_more_than_max_concurrency_runs_are_fetched_past_the_one_last_yielded()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, TimeSpan.Zero);
        using var client = CreateClient(server, clock);

        var yielded = 0;
        await foreach (var result in client.ListHooksAsync(Repository, Runs(100), maxConcurrency: 4))
        {
            yielded++;
            Assert.InRange(server.Started, yielded, yielded + 4);
            if (yielded == 10)
            {
                break;
            }
        }

        Assert.InRange(server.Started, 10, 14);
        Assert.Equal(0, server.InFlight);
    }

    [Fact]
    public async Task A_failed_run_is_reported_in_its_place_after_every_earlier_run()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, TimeSpan.Zero);
        server.Missing.Add(RunId(5));
        using var client = CreateClient(server, clock);

        var yielded = new List<string>();
        var error = await Assert.ThrowsAsync<LakeFsApiException>(async () =>
        {
            await foreach (var result in client.ListHooksAsync(Repository, Runs(50), maxConcurrency: 8))
            {
                yielded.Add(result.Run.RunId);
            }
        });

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(Enumerable.Range(0, 5).Select(RunId), yielded);
        Assert.Equal(0, server.InFlight);
    }

    [Fact]
    public async Task An_error_of_the_run_stream_comes_after_the_runs_before_it()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, TimeSpan.Zero);
        using var client = CreateClient(server, clock);

        var yielded = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var result in client.ListHooksAsync(Repository, Runs(7, failAfter: true), maxConcurrency: 3))
            {
                yielded.Add(result.Run.RunId);
            }
        });

        Assert.Equal("the listing broke", error.Message);
        Assert.Equal(Enumerable.Range(0, 7).Select(RunId), yielded);
    }

    [Fact]
    public async Task Cancelling_stops_the_fetches_in_flight()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, Latency);
        using var client = CreateClient(server, clock);
        using var cancel = new CancellationTokenSource();

        var enumeration = Task.Run(async () =>
        {
            await foreach (var unused in client.ListHooksAsync(Repository, Runs(100), maxConcurrency: 6, cancel.Token))
            {
                Assert.Fail("Nothing can finish while the clock stands still.");
            }
        });
        await server.WaitForArrivalsAsync(6).WaitAsync(HangGuard);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration.WaitAsync(HangGuard));
        Assert.Equal(6, server.Started);
        Assert.Equal(0, server.InFlight);
    }

    [Fact]
    public void Arguments_are_checked_before_anything_is_sent()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, TimeSpan.Zero);
        using var client = CreateClient(server, clock);

        Assert.Throws<ArgumentNullException>("client", () => LakeFsActionsClientExtensions.ListHooksAsync(null!, Repository, Runs(1), 4));
        Assert.Throws<ArgumentException>("repository", () => client.ListHooksAsync(" ", Runs(1), 4));
        Assert.Throws<ArgumentNullException>("repository", () => client.ListHooksAsync(null!, Runs(1), 4));
        Assert.Throws<ArgumentNullException>("runs", () => client.ListHooksAsync(Repository, null!, 4));
        Assert.Throws<ArgumentOutOfRangeException>("maxConcurrency", () => client.ListHooksAsync(Repository, Runs(1), 0));
        Assert.Equal(0, server.Started);
    }

    [Fact]
    public async Task A_null_run_in_the_stream_is_reported_after_the_runs_before_it()
    {
        var clock = new FakeTimeProvider();
        var server = new VirtualLatencyHooks(clock, TimeSpan.Zero);
        using var client = CreateClient(server, clock);

        var yielded = new List<string>();
        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var result in client.ListHooksAsync(Repository, WithNull(), maxConcurrency: 2))
            {
                yielded.Add(result.Run.RunId);
            }
        });

        Assert.Equal("runs", error.ParamName);
        Assert.Equal([RunId(0), RunId(1)], yielded);

        static async IAsyncEnumerable<ActionRun> WithNull()
        {
            await foreach (var run in Runs(2))
            {
                yield return run;
            }

            yield return null!;
        }
    }

    private static async Task<(TimeSpan Elapsed, int MaxInFlight, List<RunWithHooks> Runs)> FetchAllAsync(int runCount, int maxConcurrency)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 23, 10, 0, 0, TimeSpan.Zero));
        var server = new VirtualLatencyHooks(clock, Latency);
        using var client = CreateClient(server, clock);
        var results = new List<RunWithHooks>();
        var start = clock.GetUtcNow();
        var consume = Task.Run(async () =>
        {
            await foreach (var result in client.ListHooksAsync(Repository, Runs(runCount), maxConcurrency))
            {
                results.Add(result);
            }
        });

        // Let every request that the limit allows arrive, then move the clock to the next deadline.
        var released = 0;
        while (!consume.IsCompleted)
        {
            var expected = Math.Min(runCount, released + maxConcurrency);
            await Task.WhenAny(server.WaitForArrivalsAsync(expected), consume).WaitAsync(HangGuard);
            if (consume.IsCompleted)
            {
                break;
            }

            var now = server.AdvanceToNextDeadline();
            if (now == 0)
            {
                await consume.WaitAsync(HangGuard); // everything answered: only the consumer is left
                break;
            }

            released += now;
        }

        await consume;
        return (clock.GetUtcNow() - start, server.MaxInFlight, results);
    }

    private static LakeFsActionsClient CreateClient(HttpMessageHandler server, TimeProvider clock) => new(
        new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = "secret" },
        server,
        loggerFactory: null,
        clock);

    private static string RunId(int index) => $"run-{index:D4}";

    private static async IAsyncEnumerable<ActionRun> Runs(int count, bool failAfter = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ActionRun
            {
                RunId = RunId(i),
                Branch = "main",
                CommitId = "c0ffee",
                EventType = "post-commit",
                StartTime = new DateTimeOffset(2026, 7, 23, 10, 0, 0, TimeSpan.Zero),
                Status = RunStatus.Completed,
            };
        }

        if (failAfter)
        {
            throw new InvalidOperationException("the listing broke");
        }
    }
}
