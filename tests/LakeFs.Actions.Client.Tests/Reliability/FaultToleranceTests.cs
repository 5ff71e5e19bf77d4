using LakeFs.Actions.Client.Testing;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// End to end against the emulator: throttling and dropped connections are retried without losing or
/// repeating a run; a body cut off mid-JSON is retried, a complete but malformed one is not.
/// </summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private const int Seed = 20_260_123;
    private const int RunCount = 10_000;
    private const int PageSize = 25;
    private const string Repository = "faulty";

    private static LakeFsClientOptions Options(LakeFsActionsEmulator emulator, int maxRetries) => new()
    {
        Endpoint = emulator.Endpoint,
        AccessKeyId = emulator.AccessKeyId,
        SecretAccessKey = emulator.SecretAccessKey,
        PageSize = PageSize,
        // Retry-After: 1 is honoured but capped by MaxDelay, so the test runs in seconds.
        Retry = new LakeFsRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) },
    };

    [Fact]
    public async Task Ten_thousand_runs_survive_throttling_and_dropped_connections_without_gap_or_duplicate()
    {
        await using var emulator = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 });
        emulator.AddRepository(Repository);
        var expected = emulator.AddRuns(Repository, RunCount).Order(StringComparer.Ordinal).ToList();
        emulator.Faults.SetRandom(new RandomFaultSettings
        {
            Seed = Seed,
            ThrottleRate = 0.30,
            RetryAfterProbability = 0.5,
            RetryAfter = TimeSpan.FromSeconds(1),
            DropMidResponseRate = 0.05,
        });
        var log = new CapturedLog();
        using var client = new LakeFsActionsClient(Options(emulator, maxRetries: 30), transport: null, loggerFactory: log);

        var ids = new List<string>(RunCount);
        var pages = 0;
        await foreach (var page in client.ListRunsAsync(Repository).AsPages())
        {
            pages++;
            ids.AddRange(page.Values.Select(static r => r.RunId));
        }

        var requests = emulator.TotalRequests;
        var faults = emulator.Faults.InjectedCount;
        var throttled = emulator.Faults.InjectedCountOf(EmulatorFaultKind.Throttle);
        var dropped = emulator.Faults.InjectedCountOf(EmulatorFaultKind.DropMidResponse);
        var retries = log.Entries.Count(static e => e.EventId.Id == 3);
        output.WriteLine($"seed {Seed}: {RunCount} runs, {pages} pages, {requests} requests, {faults} faults ({throttled} throttled, {dropped} dropped mid-response), {retries} retries");

        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(expected, ids);
        Assert.Equal(RunCount, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RunCount / PageSize, pages);
        Assert.Equal(pages + faults, requests);
        Assert.Equal(throttled + dropped, faults);
        Assert.Equal(faults, retries);
        Assert.Equal(requests, emulator.RequestCount(EmulatorOperations.ListRepositoryRuns));

        // The seed really exercised every kind of fault, with and without Retry-After.
        Assert.InRange(faults, requests * 0.25, requests * 0.45);
        Assert.True(dropped > 10, $"only {dropped} connections were dropped");
        // Retry-After: 1 was honoured, capped at MaxDelay (1 ms); answers without it were retried after the 0 ms backoff.
        Assert.Contains(log.Entries, e => e.EventId.Id == 3 && e.State.Contains("DelayMilliseconds=1,", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.EventId.Id == 3 && e.State.Contains("StatusCode=429", StringComparison.Ordinal) && e.State.Contains("DelayMilliseconds=0,", StringComparison.Ordinal));
        foreach (var status in new[] { "420", "429", "503" })
        {
            Assert.Contains(log.Entries, e => e.EventId.Id == 3 && e.State.Contains("StatusCode=" + status, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_body_cut_off_mid_json_is_retried_like_a_transport_error()
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync();
        emulator.Faults.Enqueue(EmulatorFault.DropMidResponse().ForOperation(EmulatorOperations.ListRepositoryRuns));
        using var client = new LakeFsActionsClient(Options(emulator, maxRetries: 2));

        var runs = await client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository).ToListAsync();

        Assert.NotEmpty(runs);
        Assert.Equal(1, emulator.Faults.InjectedCountOf(EmulatorFaultKind.DropMidResponse));
        Assert.Equal(2, emulator.RequestCount(EmulatorOperations.ListRepositoryRuns));
    }

    [Fact]
    public async Task A_body_cut_off_on_every_attempt_ends_in_a_lakefs_exception_after_all_attempts()
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync();
        emulator.Faults.Enqueue(EmulatorFault.DropMidResponse(), times: 3);
        using var client = new LakeFsRepositoriesClient(Options(emulator, maxRetries: 2));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync(LakeFsActionsEmulator.DemoRepository));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal("getRepository", error.Operation);
        Assert.Contains("Gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, emulator.RequestCount(EmulatorOperations.GetRepository));
    }

    [Fact]
    public async Task A_complete_but_malformed_body_is_not_retried_and_raises_a_lakefs_exception()
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync();
        emulator.Faults.Enqueue(EmulatorFault.MalformedJson().ForOperation(EmulatorOperations.ListRepositoryRuns));
        using var client = new LakeFsActionsClient(Options(emulator, maxRetries: 4));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository).ToListAsync().AsTask());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Contains("could not be read as lakeFS JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(1, emulator.RequestCount(EmulatorOperations.ListRepositoryRuns));
    }
}
