using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Status, EventType, Since and Until filter on the client; Since ends the listing early.</summary>
public sealed class ClientFilterTests : IDisposable
{
    private const string Runs = "/repositories/repo/actions/runs";
    private readonly WireMockLakeFs _lakeFs = new();

    public ClientFilterTests()
    {
        // Newest first, one hour apart, over three pages: r1 (T0+5h) ... r6 (T0).
        _lakeFs.Json(Runs, Page([Run("r1", T0.AddHours(5), "failed", "post-commit"), Run("r2", T0.AddHours(4), "completed", "pre-merge")], hasMore: true),
            match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json(Runs, Page([Run("r3", T0.AddHours(3), "failed", "pre-merge"), Run("r4", T0.AddHours(2), "completed", "post-commit")], hasMore: true),
            match: r => r.WithParam("after", "r2"));
        _lakeFs.Json(Runs, Page([Run("r5", T0.AddHours(1), "failed", "POST-COMMIT"), Run("r6", T0, "completed", "post-commit")]),
            match: r => r.WithParam("after", "r4"));
    }

    public void Dispose() => _lakeFs.Dispose();

    private async Task<List<string>> ListAsync(RunQuery query)
    {
        using var client = _lakeFs.Client();
        return await client.ListRunsAsync("repo", query).Select(r => r.RunId).ToListAsync();
    }

    [Fact]
    public async Task Status_keeps_only_runs_with_that_status()
    {
        Assert.Equal(["r1", "r3", "r5"], await ListAsync(new RunQuery { Status = RunStatus.Failed }));
        Assert.Equal(3, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task EventType_keeps_only_that_event_ignoring_case()
    {
        Assert.Equal(["r1", "r4", "r5", "r6"], await ListAsync(new RunQuery { EventType = "post-commit" }));
    }

    [Fact]
    public async Task Until_drops_runs_that_started_later_and_still_reads_every_page()
    {
        Assert.Equal(["r4", "r5", "r6"], await ListAsync(new RunQuery { Until = T0.AddHours(2) }));
        Assert.Equal(3, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task Since_includes_its_bound_and_fetches_no_page_past_it()
    {
        var ids = await ListAsync(new RunQuery { Since = T0.AddHours(3) });

        Assert.Equal(["r1", "r2", "r3"], ids);
        Assert.Equal(
            ["/api/v1/repositories/repo/actions/runs", "/api/v1/repositories/repo/actions/runs?after=r2"],
            _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task Since_within_the_first_page_stops_after_one_request()
    {
        Assert.Equal(["r1"], await ListAsync(new RunQuery { Since = T0.AddHours(4.5) }));
        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public async Task Since_ends_the_pages_with_a_null_continuation_token()
    {
        using var client = _lakeFs.Client();

        var tokens = await client.ListRunsAsync("repo", new RunQuery { Since = T0.AddHours(3) }).AsPages().Select(p => p.ContinuationToken).ToListAsync();

        Assert.Equal(["r2", null], tokens);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var ids = await ListAsync(new RunQuery { Status = RunStatus.Failed, EventType = "post-commit", Since = T0.AddHours(1), Until = T0.AddHours(4) });

        Assert.Equal(["r5"], ids);
    }

    [Fact]
    public async Task Filters_are_not_sent_to_the_server()
    {
        await ListAsync(new RunQuery { Status = RunStatus.Failed, EventType = "post-commit", Until = T0.AddHours(4) });

        Assert.All(_lakeFs.Requests, e => Assert.Equal(
            e.RequestMessage.Query?.ContainsKey("after") == true ? ["after"] : [],
            e.RequestMessage.Query?.Keys.ToArray() ?? []));
    }

    [Fact]
    public void Since_after_Until_is_rejected_before_any_request()
    {
        using var client = _lakeFs.Client();

        var error = Assert.ThrowsAny<ArgumentException>(() => client.ListRunsAsync("repo", new RunQuery { Since = T0.AddHours(2), Until = T0 }));

        Assert.Contains("Since", error.Message, StringComparison.Ordinal);
        Assert.Empty(_lakeFs.Requests);
    }
}
