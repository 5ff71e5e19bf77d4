using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;
using static LakeFs.Actions.Client.Tests.Infrastructure.WireMockLakeFs;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>The "LakeFs.Actions.Client" meter counts requests, their duration, retries and throttled answers.</summary>
public sealed class MetricTests : IDisposable
{
    private const string RepositoryRoute = "/repositories/{repository}";
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly TimerRecordingClock _clock = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _lakeFs.Dispose();
    }

    private LakeFsActionsClient Client(int maxRetries) => _lakeFs.Client(o => (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, maxRetries), _clock);

    private LakeFsRepositoriesClient RepositoriesClient(int maxRetries) => _lakeFs.RepositoriesClient(o => (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, maxRetries), _clock);

    [Fact]
    public async Task Each_request_is_counted_and_timed_by_route_template_and_status()
    {
        _lakeFs.Json("/repositories/repo", Repository("repo").ToString());
        using var client = RepositoriesClient(maxRetries: 0);

        await client.GetRepositoryAsync("repo");
        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("missing"));

        var requests = _telemetry.Measurements("lakefs.client.requests");
        Assert.Equal([(RepositoryRoute, 200, 1.0), (RepositoryRoute, 404, 1.0)], requests.Select(m => ((string)m.Tags["http.route"]!, (int)m.Tags["http.response.status_code"]!, m.Value)));
        var durations = _telemetry.Measurements("lakefs.client.request.duration");
        Assert.Equal([(RepositoryRoute, 200), (RepositoryRoute, 404)], durations.Select(m => ((string)m.Tags["http.route"]!, (int)m.Tags["http.response.status_code"]!)));
        Assert.All(durations, m => Assert.True(m.Value >= 0));
        Assert.Empty(_telemetry.Measurements("lakefs.client.retries"));
        Assert.Empty(_telemetry.Measurements("lakefs.client.throttled"));
    }

    [Fact]
    public async Task Route_tags_never_carry_ids()
    {
        _lakeFs.Json("/repositories/secret-project/actions/runs/r1/hooks", Page([Hook("0000_0000")]));
        using var client = Client(maxRetries: 0);

        await client.ListRunHooksAsync("secret-project", "r1").ToListAsync();

        var request = Assert.Single(_telemetry.Measurements("lakefs.client.requests"));
        Assert.Equal("/repositories/{repository}/actions/runs/{run_id}/hooks", request.Tags["http.route"]);
    }

    [Fact]
    public async Task Retries_and_throttled_answers_are_counted_by_status_code()
    {
        _lakeFs.Sequence(
            "/repositories/busy",
            JsonResponse(429, Error("slow down")),
            JsonResponse(503, Error("Throughput exceeded. Slow down and retry")),
            JsonResponse(420, Error("too many requests")),
            JsonResponse(502, "<html>bad gateway</html>"),
            JsonResponse(200, Repository("busy").ToString()));
        using var client = RepositoriesClient(maxRetries: 4);

        await _clock.DriveAsync(client.GetRepositoryAsync("busy"));

        Assert.Equal([429, 503, 420], _telemetry.Measurements("lakefs.client.throttled").Select(m => (int)m.Tags["http.response.status_code"]!));
        var retries = _telemetry.Measurements("lakefs.client.retries");
        Assert.Equal([429, 503, 420, 502], retries.Select(m => (int)m.Tags["http.response.status_code"]!));
        Assert.All(retries, m => Assert.Equal("getRepository", m.Tags["lakefs.operation"]));
        Assert.Equal([429, 503, 420, 502, 200], _telemetry.Measurements("lakefs.client.requests").Select(m => (int)m.Tags["http.response.status_code"]!));
    }
}
