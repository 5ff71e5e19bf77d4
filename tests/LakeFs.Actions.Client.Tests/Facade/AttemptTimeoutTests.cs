using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// An attempt that outlives <see cref="LakeFsClientOptions.Timeout"/> is abandoned and retried, on virtual
/// time. The emulator holds the slow request on a clock of its own that never moves, so only the client's
/// timeout can end it.
/// </summary>
public sealed class AttemptTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private readonly TimerRecordingClock _clock = new();
    private LakeFsActionsEmulator _lakeFs = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider() });
        _lakeFs.AddRepository("repo");
    }

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    private LakeFsActionsClient Client() => new(
        new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Timeout = AttemptTimeout,
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) },
        },
        transport: null,
        loggerFactory: null,
        _clock);

    private LakeFsRepositoriesClient RepositoriesClient() => new(
        new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Timeout = AttemptTimeout,
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) },
        },
        transport: null,
        loggerFactory: null,
        _clock);

    /// <summary>Released each time the emulator starts holding a request.</summary>
    private SemaphoreSlim HeldRequests()
    {
        var held = new SemaphoreSlim(0);
        _lakeFs.Faults.Injected += (_, _) => held.Release();
        return held;
    }

    [Fact]
    public async Task A_hung_attempt_is_abandoned_at_the_timeout_and_retried()
    {
        _lakeFs.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromHours(1)));
        using var held = HeldRequests();
        using var client = RepositoriesClient();
        var expired = 0;

        // Expire the first attempt's timeout once the server holds that attempt; retry delays (at most 5 s) always pass.
        var repository = await _clock.DriveAsync(
            client.GetRepositoryAsync("repo"),
            async due =>
            {
                if (due != AttemptTimeout)
                {
                    return true;
                }

                if (expired++ > 0)
                {
                    return false;
                }

                await held.WaitAsync();
                return true;
            });

        Assert.Equal("repo", repository.Id);
        Assert.Equal(2, _lakeFs.RequestCount(EmulatorOperations.GetRepository));
        Assert.Equal(2, _clock.Delays.Count(d => d == AttemptTimeout));
    }

    [Fact]
    public async Task Attempts_that_all_time_out_end_in_an_exception_naming_the_timeout()
    {
        _lakeFs.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromHours(1)), times: 3);
        using var held = HeldRequests();
        using var client = RepositoriesClient();

        var call = _clock.DriveAsync(client.GetRepositoryAsync("repo"), async due =>
        {
            if (due == AttemptTimeout)
            {
                await held.WaitAsync();
            }

            return true;
        });
        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => call);

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("getRepository", error.Operation);
        Assert.Contains("did not answer within 00:00:10", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _lakeFs.RequestCount(EmulatorOperations.GetRepository));
    }
}
