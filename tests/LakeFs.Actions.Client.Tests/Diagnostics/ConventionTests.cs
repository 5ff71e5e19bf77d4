using System.Diagnostics;
using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>
/// The OpenTelemetry conventions: tags known at start are given to the sampler; failures (including those
/// the pager detects, transport failures and cancellation) are Error with <c>error.type</c>; the duration
/// histogram advises the HTTP conventions' seconds buckets.
/// </summary>
public sealed class ConventionTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly TimerRecordingClock _clock = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _lakeFs.Dispose();
    }

    private LakeFsActionsClient Client() =>
        _lakeFs.Client(o => (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, 0), _clock);

    private LakeFsRepositoriesClient RepositoriesClient() =>
        _lakeFs.RepositoriesClient(o => (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, 0), _clock);

    [Fact]
    public async Task Operation_method_and_server_tags_are_given_at_start_so_samplers_see_them()
    {
        _lakeFs.Json("/repositories/repo", Repository("repo").ToString());
        using var client = RepositoriesClient();

        await client.GetRepositoryAsync("repo");

        var sampled = Assert.Single(_telemetry.SampledTags);
        var endpoint = new Uri(_lakeFs.Server.Url!);
        Assert.Equal("getRepository", sampled["lakefs.operation"]);
        Assert.Equal("repo", sampled["lakefs.repository"]);
        Assert.Equal("GET", sampled["http.request.method"]);
        Assert.Equal(endpoint.Host, sampled["server.address"]);
        Assert.Equal(endpoint.Port, sampled["server.port"]);
        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(endpoint.Port, activity.GetTagItem("server.port"));
    }

    [Fact]
    public async Task An_error_status_sets_error_type_to_the_status_code()
    {
        using var client = RepositoriesClient();

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("missing"));

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("404", activity.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_broken_page_the_pager_detects_fails_the_listing_activity()
    {
        _lakeFs.Json("/repositories/repo/actions/runs", """{"pagination": {"has_more": true, "next_offset": "", "results": 0, "max_per_page": 1000}, "results": []}""");
        using var client = Client();

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync("repo").ToListAsync().AsTask());

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(LakeFsApiException).FullName, activity.GetTagItem("error.type"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_transport_failure_sets_error_type_to_the_exception_type()
    {
        var refused = new Reliability.InMemoryTransport(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = new LakeFsRepositoriesClient(new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), Retry = { MaxRetries = 0 } }, refused);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("dropped"));

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_cancelled_call_is_an_error_with_the_cancellation_type()
    {
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1/repositories/slow").UsingGet())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(30)).WithBody("{}"));
        using var client = RepositoriesClient();
        using var cancellation = new CancellationTokenSource();

        var call = client.GetRepositoryAsync("slow", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.OperationCanceledException", activity.GetTagItem("error.type"));
    }

    [Fact]
    public void The_duration_histogram_advises_the_HTTP_seconds_buckets()
    {
        Assert.Equal("s", LakeFsTelemetry.RequestDuration.Unit);
        Assert.Equal(
            [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            LakeFsTelemetry.RequestDuration.Advice?.HistogramBucketBoundaries);
    }
}
