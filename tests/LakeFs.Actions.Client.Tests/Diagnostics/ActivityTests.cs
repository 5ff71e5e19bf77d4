using System.Diagnostics;
using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;
using static LakeFs.Actions.Client.Tests.Infrastructure.WireMockLakeFs;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>Each facade operation is one activity of the "LakeFs.Actions.Client" source, with its tags.</summary>
public sealed class ActivityTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly TimerRecordingClock _clock = new();

    public ActivityTests()
    {
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(true, "r1"), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(true, "r2"), match: r => r.WithParam("after", "r1"));
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(false, "r3"), match: r => r.WithParam("after", "r2"));
        _lakeFs.Json("/repositories/repo/actions/runs/r1", Run("r1").ToString());
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", Page([Hook("0000_0000")]));
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1/repositories/repo/actions/runs/r1/hooks/0000_0000/output").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/octet-stream").WithBody("log"));
        _lakeFs.Json("/repositories", Page([Repository("repo")]));
        _lakeFs.Json("/repositories/repo", Repository("repo").ToString());
    }

    public void Dispose()
    {
        _telemetry.Dispose();
        _lakeFs.Dispose();
    }

    private LakeFsActionsClient Client(int maxRetries = 0, bool prefetch = false) =>
        _lakeFs.Client(o => (o.Timeout, o.Retry.MaxRetries, o.PrefetchNextPage) = (Timeout.InfiniteTimeSpan, maxRetries, prefetch), _clock);

    private LakeFsRepositoriesClient RepositoriesClient(int maxRetries = 0) =>
        _lakeFs.RepositoriesClient(o => (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, maxRetries), _clock);

    [Theory]
    [InlineData("listRepositoryRuns", "repo")]
    [InlineData("getRun", "repo")]
    [InlineData("listRunHooks", "repo")]
    [InlineData("getRunHookOutput", "repo")]
    [InlineData("listRepositories", null)]
    [InlineData("getRepository", "repo")]
    public async Task Each_operation_is_one_client_activity_with_operation_repository_status_and_attempts(string operation, string? repository)
    {
        using var client = Client();
        using var repositories = RepositoriesClient();

        await (operation switch
        {
            "listRepositoryRuns" => client.ListRunsAsync("repo").ToListAsync().AsTask(),
            "getRun" => client.GetRunAsync("repo", "r1"),
            "listRunHooks" => client.ListRunHooksAsync("repo", "r1").ToListAsync().AsTask(),
            "getRunHookOutput" => client.GetHookOutputAsync("repo", "r1", "0000_0000").ContinueWith(t => t.Result.Dispose(), TaskScheduler.Default),
            "listRepositories" => repositories.ListRepositoriesAsync().ToListAsync().AsTask(),
            _ => repositories.GetRepositoryAsync("repo"),
        });

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal("lakeFS " + operation, activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status); // instrumentation leaves success Unset
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(_telemetry.Root!.SpanId, activity.ParentSpanId);
        Assert.Equal(operation, activity.GetTagItem("lakefs.operation"));
        Assert.Equal(repository, activity.GetTagItem("lakefs.repository"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(_lakeFs.Requests.Count, activity.GetTagItem("lakefs.attempts"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_listing_is_one_activity_that_counts_its_pages(bool prefetch)
    {
        using var client = Client(prefetch: prefetch);

        await client.ListRunsAsync("repo").ToListAsync();

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(3, activity.GetTagItem("lakefs.pages"));
        Assert.Equal(3, activity.GetTagItem("lakefs.attempts"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Empty(_telemetry.Root!.TagObjects); // later pages are fetched under the listing's activity too
    }

    [Fact]
    public async Task Attempts_count_the_retries()
    {
        _lakeFs.Sequence("/repositories/busy", JsonResponse(429, Error("slow down")), JsonResponse(503, Error("slow down")), JsonResponse(200, Repository("busy").ToString()));
        using var client = RepositoriesClient(maxRetries: 4);

        await _clock.DriveAsync(client.GetRepositoryAsync("busy"));

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(3, activity.GetTagItem("lakefs.attempts"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Attempts_of_a_listing_add_up_over_its_pages()
    {
        _lakeFs.Sequence("/repositories/busy/actions/runs", JsonResponse(429, Error("slow down")), JsonResponse(200, RunPage(true, "b1")), JsonResponse(200, RunPage(false, "b2")));
        using var client = Client(maxRetries: 4);

        await _clock.DriveAsync(client.ListRunsAsync("busy").ToListAsync().AsTask());

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(2, activity.GetTagItem("lakefs.pages"));
        Assert.Equal(3, activity.GetTagItem("lakefs.attempts"));
    }

    [Fact]
    public async Task A_failed_operation_is_an_error_activity_with_the_status_code()
    {
        using var client = RepositoriesClient();

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("missing"));

        var activity = Assert.Single(_telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("lakefs.attempts"));
        Assert.Equal("missing", activity.GetTagItem("lakefs.repository"));
    }
}
