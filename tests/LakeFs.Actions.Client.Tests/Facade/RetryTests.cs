using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;
using static LakeFs.Actions.Client.Tests.Infrastructure.WireMockLakeFs;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// Throttled (420, 429, 503) and transient (500, 502, 504) answers are retried on virtual time, honouring
/// Retry-After up to MaxDelay; client errors never are. The per-attempt timeout is off so the only timers
/// are retry delays.
/// </summary>
public sealed class RetryTests : IDisposable
{
    private const string Repo = "/repositories/repo";
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TimerRecordingClock _clock = new();

    public void Dispose() => _lakeFs.Dispose();

    private LakeFsActionsClient Client(int maxRetries = 4, TimeSpan? maxDelay = null) => _lakeFs.Client(
        o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.Retry.MaxRetries = maxRetries;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
        },
        _clock);

    private LakeFsRepositoriesClient RepositoriesClient(int maxRetries = 4, TimeSpan? maxDelay = null) => _lakeFs.RepositoriesClient(
        o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.Retry.MaxRetries = maxRetries;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
        },
        _clock);

    [Theory]
    [InlineData(420)]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_throttled_or_transient_answer_is_retried_until_success(int status)
    {
        _lakeFs.Sequence(Repo, JsonResponse(status, Error("slow down")), JsonResponse(status, Error("slow down")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient();

        var repository = await _clock.DriveAsync(client.GetRepositoryAsync("repo"));

        Assert.Equal("repo", repository.Id);
        Assert.Equal(3, _lakeFs.Requests.Count);
        Assert.Equal(2, _clock.Delays.Count);
        Assert.All(_clock.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Retry_after_in_seconds_sets_the_delay()
    {
        _lakeFs.Sequence(Repo, JsonResponse(429, Error("too many requests"), ("Retry-After", "7")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient();

        await _clock.DriveAsync(client.GetRepositoryAsync("repo"));

        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Delays);
        Assert.Equal(2, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_is_ignored_when_RespectRetryAfter_is_off()
    {
        _lakeFs.Sequence(Repo, JsonResponse(429, Error("too many requests"), ("Retry-After", "60")), JsonResponse(200, Repository("repo").ToString()));
        using var client = _lakeFs.RepositoriesClient(
            o =>
            {
                o.Timeout = Timeout.InfiniteTimeSpan;
                o.Retry.MaxRetries = 4;
                o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
                o.Retry.RespectRetryAfter = false;
            },
            _clock);

        await _clock.DriveAsync(client.GetRepositoryAsync("repo"));

        var delay = Assert.Single(_clock.Delays);
        Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10)); // the jittered backoff, not the 60 s asked for
        Assert.Equal(2, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date()
    {
        var until = _clock.GetUtcNow().AddSeconds(20).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        _lakeFs.Sequence(Repo, JsonResponse(503, Error("Throughput exceeded. Slow down and retry"), ("Retry-After", until)), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient();

        await _clock.DriveAsync(client.GetRepositoryAsync("repo"));

        Assert.Equal([TimeSpan.FromSeconds(20)], _clock.Delays);
    }

    [Fact]
    public async Task Retry_after_longer_than_MaxDelay_is_capped()
    {
        _lakeFs.Sequence(Repo, JsonResponse(420, Error("too many requests"), ("Retry-After", "3600")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient(maxDelay: TimeSpan.FromSeconds(10));

        await _clock.DriveAsync(client.GetRepositoryAsync("repo"));

        Assert.Equal([TimeSpan.FromSeconds(10)], _clock.Delays);
    }

    [Fact]
    public async Task Exhausted_retries_say_the_server_throttled_and_how_many_attempts_were_made()
    {
        _lakeFs.Sequence(Repo, JsonResponse(429, Error("too many requests"), ("Retry-After", "1")));
        using var client = RepositoriesClient(maxRetries: 2);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _clock.DriveAsync(client.GetRepositoryAsync("repo")));

        Assert.Equal(429, error.StatusCode);
        Assert.True(error.IsThrottled, error.ToString());
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _lakeFs.Requests.Count);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("throttl", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Exhausted_retries_on_a_listing_report_the_attempts_too()
    {
        _lakeFs.Sequence("/repositories/repo/actions/runs", JsonResponse(503, Error("Throughput exceeded. Slow down and retry")));
        using var client = Client(maxRetries: 1);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _clock.DriveAsync(client.ListRunsAsync("repo").ToListAsync().AsTask()));

        Assert.True(error.IsThrottled);
        Assert.Equal(2, error.Attempts);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Equal(2, _lakeFs.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_client_error_is_never_retried(int status)
    {
        _lakeFs.Sequence(Repo, JsonResponse(status, Error("no"), ("Retry-After", "1")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _clock.DriveAsync(client.GetRepositoryAsync("repo")));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.IsThrottled);
        Assert.Single(_lakeFs.Requests);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_one_request()
    {
        _lakeFs.Sequence(Repo, JsonResponse(429, Error("too many requests")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient(maxRetries: 0);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _clock.DriveAsync(client.GetRepositoryAsync("repo")));

        Assert.True(error.IsThrottled);
        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_ends_the_call_without_another_request()
    {
        _lakeFs.Sequence(Repo, JsonResponse(429, Error("too many requests"), ("Retry-After", "30")), JsonResponse(200, Repository("repo").ToString()));
        using var client = RepositoriesClient();
        using var cancellation = new CancellationTokenSource();

        var call = client.GetRepositoryAsync("repo", cancellation.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), await _clock.NextTimerAsync());
        await cancellation.CancelAsync();

        // The clock never moves: the call must end from the cancellation alone.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_lakeFs.Requests);
    }
}
