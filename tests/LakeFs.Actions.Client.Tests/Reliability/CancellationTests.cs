using LakeFs.Actions.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Cancelling during a request, during a Retry-After wait or between pages ends the call with
/// <see cref="OperationCanceledException"/> and leaves no request under way.
/// </summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static LakeFsClientOptions Options(LakeFsActionsEmulator emulator, int? pageSize = null, bool prefetch = false) => new()
    {
        Endpoint = emulator.Endpoint,
        AccessKeyId = emulator.AccessKeyId,
        SecretAccessKey = emulator.SecretAccessKey,
        PageSize = pageSize,
        PrefetchNextPage = prefetch,
        Retry = { MaxRetries = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(1) },
    };

    /// <summary>An emulator whose latency faults never end: its clock is never advanced.</summary>
    private static Task<LakeFsActionsEmulator> StartFrozenEmulatorAsync() =>
        LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider() });

    private static Task WhenInjected(LakeFsActionsEmulator emulator)
    {
        var injected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        emulator.Faults.Injected += (_, _) => injected.TrySetResult();
        return injected.Task;
    }

    [Fact]
    public async Task Cancelling_while_the_server_is_answering_ends_the_call_and_the_request()
    {
        await using var emulator = await StartFrozenEmulatorAsync();
        emulator.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromHours(1)));
        var underWay = WhenInjected(emulator);
        using var transport = new InFlightRequests();
        using var client = new LakeFsRepositoriesClient(Options(emulator), transport, loggerFactory: null);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetRepositoryAsync(LakeFsActionsEmulator.DemoRepository, cancellation.Token);
        await underWay.WaitAsync(HangGuard);
        Assert.Equal(1, transport.InFlight);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(0, transport.InFlight);
        Assert.Equal(1, transport.Started);
        Assert.Equal(1, emulator.TotalRequests);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_after_wait_ends_the_call_without_another_attempt()
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync();
        emulator.Faults.Enqueue(EmulatorFault.Throttle(429, retryAfter: TimeSpan.FromSeconds(30)));
        var clock = new FakeTimeProvider();
        var log = new CapturedLog();
        var waiting = new TaskCompletionSource<CapturedLog.Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        log.Logged += entry =>
        {
            if (entry.EventId.Id == 3)
            {
                waiting.TrySetResult(entry);
            }
        };
        using var transport = new InFlightRequests();
        using var client = new LakeFsActionsClient(Options(emulator), transport, log, clock);
        using var cancellation = new CancellationTokenSource();

        var listing = client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository, cancellationToken: cancellation.Token).ToListAsync().AsTask();
        var retry = await waiting.Task.WaitAsync(HangGuard);
        Assert.Contains("DelayMilliseconds=30000", retry.State, StringComparison.Ordinal);
        Assert.Equal(0, transport.InFlight);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing.WaitAsync(HangGuard));

        Assert.Equal(1, emulator.TotalRequests);
        Assert.Equal(1, transport.Started);
        Assert.Equal(0, transport.InFlight);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, emulator.TotalRequests);
    }

    [Fact]
    public async Task Cancelling_between_pages_ends_the_listing_before_the_next_request()
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync();
        using var transport = new InFlightRequests();
        using var client = new LakeFsActionsClient(Options(emulator, pageSize: 2), transport, loggerFactory: null);
        using var cancellation = new CancellationTokenSource();

        await using var pages = client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository, cancellationToken: cancellation.Token).AsPages().GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());
        Assert.NotNull(pages.Current.ContinuationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pages.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        Assert.Equal(1, emulator.RequestCount(EmulatorOperations.ListRepositoryRuns));
        Assert.Equal(0, transport.InFlight);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_page_fetched_ahead()
    {
        await using var emulator = await StartFrozenEmulatorAsync();
        emulator.Faults.ScheduleAt(2, EmulatorFault.Latency(TimeSpan.FromHours(1)));
        var prefetchUnderWay = WhenInjected(emulator);
        using var transport = new InFlightRequests();
        using var client = new LakeFsActionsClient(Options(emulator, pageSize: 2, prefetch: true), transport, loggerFactory: null);
        using var cancellation = new CancellationTokenSource();

        var runs = client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository, cancellationToken: cancellation.Token).GetAsyncEnumerator(CancellationToken.None);
        try
        {
            Assert.True(await runs.MoveNextAsync());
            await prefetchUnderWay.WaitAsync(HangGuard);
            Assert.Equal(1, transport.InFlight);
            await cancellation.CancelAsync();

            // The first page's second run is already in memory; the listing stops at the next page.
            while (true)
            {
                var next = runs.MoveNextAsync().AsTask().WaitAsync(HangGuard);
                if (!await next.ContinueWith(static t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
                {
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
                    break;
                }
            }
        }
        finally
        {
            await runs.DisposeAsync();
        }

        Assert.Equal(2, emulator.TotalRequests);
        Assert.Equal(0, transport.InFlight);
    }
}
