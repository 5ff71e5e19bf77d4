using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Every response carries an <c>X-Request-ID</c>, unique per request and the one recorded in <see cref="LakeFsActionsEmulator.ReceivedRequests"/>.</summary>
public sealed class RequestIdTests
{
    private const string Header = "X-Request-ID";

    [Fact]
    public async Task Every_kind_of_response_carries_a_unique_request_id_that_matches_the_request_log()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            [EmulatedHook.Failed("a", "lint", "log\n"), EmulatedHook.Skipped("a", "notify")]);
        using var http = lakeFs.CreateHttpClient();
        using var anonymous = new HttpClient { BaseAddress = lakeFs.Endpoint };
        var runs = "api/v1/repositories/repo/actions/runs";

        var answers = new List<(HttpStatusCode Status, string RequestId)>
        {
            await SendAsync(http, runs),
            await SendAsync(anonymous, runs),
            await SendAsync(http, "api/v1/repositories/nope"),
            await SendAsync(http, "api/v1/not-an-endpoint"),
            await SendAsync(http, $"{runs}/{runId}/hooks/0000_0000/output"),
            await SendAsync(http, $"{runs}/{runId}/hooks/0000_0001/output"),
            await SendAsync(http, $"{runs}?amount=ten"),
        };
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(429));
        answers.Add(await SendAsync(http, runs));
        lakeFs.Faults.Enqueue(EmulatorFault.ServerError());
        answers.Add(await SendAsync(http, runs));
        lakeFs.Faults.Enqueue(EmulatorFault.MalformedJson());
        answers.Add(await SendAsync(http, runs));

        Assert.Equal(
            [
                HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK,
                HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.OK,
            ],
            answers.Select(a => a.Status));
        var ids = answers.Select(a => a.RequestId).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, lakeFs.ReceivedRequests.Select(r => r.RequestId));
    }

    [Fact]
    public async Task Received_requests_record_number_method_raw_target_and_operation()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("a", "h")]);
        using var http = lakeFs.CreateHttpClient();

        var (_, listId) = await SendAsync(http, "api/v1/repositories/repo/actions/runs?amount=2&branch=main");
        var (_, hooksId) = await SendAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}/hooks");
        var (_, unknownId) = await SendAsync(http, "api/v1/whatever");

        Assert.Equal(
            [
                new ReceivedRequest(1, "GET", "/api/v1/repositories/repo/actions/runs?amount=2&branch=main", EmulatorOperations.ListRepositoryRuns, listId),
                new ReceivedRequest(2, "GET", $"/api/v1/repositories/repo/actions/runs/{runId}/hooks", EmulatorOperations.ListRunHooks, hooksId),
                new ReceivedRequest(3, "GET", "/api/v1/whatever", null, unknownId),
            ],
            lakeFs.ReceivedRequests);
        Assert.Equal(3, lakeFs.TotalRequests);
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.ListRepositoryRuns));
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.ListRunHooks));
        Assert.Equal(0, lakeFs.RequestCount(EmulatorOperations.GetRun));
    }

    [Fact]
    public async Task The_request_log_keeps_only_the_newest_requests_but_counts_all()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 3 });
        using var http = lakeFs.CreateHttpClient();

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await SendAsync(http, "api/v1/repositories/repo")).RequestId);
        }

        Assert.Equal([3L, 4L, 5L], lakeFs.ReceivedRequests.Select(r => r.Number));
        Assert.Equal(ids.Skip(2), lakeFs.ReceivedRequests.Select(r => r.RequestId));
        Assert.Equal(5, lakeFs.TotalRequests);
        Assert.Equal(5, lakeFs.RequestCount(EmulatorOperations.GetRepository));
    }

    [Fact]
    public async Task A_zero_capacity_request_log_records_nothing_but_still_counts()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 });
        using var http = lakeFs.CreateHttpClient();

        var (status, requestId) = await SendAsync(http, "api/v1/repositories");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(requestId);
        Assert.Empty(lakeFs.ReceivedRequests);
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.ListRepositories));
    }

    private static async Task<(HttpStatusCode Status, string RequestId)> SendAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, Assert.Single(response.Headers.GetValues(Header)));
    }
}
