using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Listings follow lakeFS's has_more/next_offset cursor, resume from a token, and refuse to loop.</summary>
public sealed class PaginationTests : IDisposable
{
    private const string Runs = "/repositories/repo/actions/runs";
    private readonly WireMockLakeFs _lakeFs = new();

    public void Dispose() => _lakeFs.Dispose();

    private void ThreePages()
    {
        _lakeFs.Json(Runs, RunPage(true, "r1", "r2"), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json(Runs, RunPage(true, "r3", "r4"), match: r => r.WithParam("after", "r2"));
        _lakeFs.Json(Runs, RunPage(false, "r5"), match: r => r.WithParam("after", "r4"));
    }

    [Fact]
    public async Task Three_pages_are_enumerated_by_following_next_offset()
    {
        ThreePages();
        using var client = _lakeFs.Client();

        var ids = await client.ListRunsAsync("repo").Select(r => r.RunId).ToListAsync();

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], ids);
        Assert.Equal(
            ["/api/v1/repositories/repo/actions/runs", "/api/v1/repositories/repo/actions/runs?after=r2", "/api/v1/repositories/repo/actions/runs?after=r4"],
            _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task Prefetching_the_next_page_gives_the_same_items_and_requests()
    {
        ThreePages();
        using var client = _lakeFs.Client(o => o.PrefetchNextPage = true);

        var ids = await client.ListRunsAsync("repo").Select(r => r.RunId).ToListAsync();

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], ids);
        Assert.Equal(3, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task Pages_carry_the_after_cursor_as_continuation_token()
    {
        ThreePages();
        using var client = _lakeFs.Client();

        var tokens = await client.ListRunsAsync("repo").AsPages().Select(p => p.ContinuationToken).ToListAsync();

        Assert.Equal(["r2", "r4", null], tokens);
    }

    [Fact]
    public async Task AsPages_resumes_from_a_saved_token_without_fetching_earlier_pages()
    {
        ThreePages();
        using var client = _lakeFs.Client();
        string? saved = null;
        await foreach (var page in client.ListRunsAsync("repo").AsPages())
        {
            saved = page.ContinuationToken;
            break;
        }

        using var resumed = _lakeFs.Client();
        var ids = await resumed.ListRunsAsync("repo").AsPages(saved).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(r => r.RunId).ToListAsync();

        Assert.Equal("r2", saved);
        Assert.Equal(["r3", "r4", "r5"], ids);
        Assert.Equal(
            ["/api/v1/repositories/repo/actions/runs", "/api/v1/repositories/repo/actions/runs?after=r2", "/api/v1/repositories/repo/actions/runs?after=r4"],
            _lakeFs.RequestTargets);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(250, "250")]
    [InlineData(1000, "1000")]
    [InlineData(1001, "1000")]
    [InlineData(int.MaxValue, "1000")]
    [InlineData(0, "1")]
    [InlineData(-5, "1")]
    public async Task PageSizeHint_maps_to_amount_clamped_to_1_to_1000(int hint, string amount)
    {
        _lakeFs.Json(Runs, RunPage(false, "r1"));
        using var client = _lakeFs.Client();

        await foreach (var _ in client.ListRunsAsync("repo").AsPages(pageSizeHint: hint))
        {
        }

        Assert.Equal(amount, Assert.Single(_lakeFs.Requests).RequestMessage.Query!["amount"].Single());
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(500, "500")]
    [InlineData(5000, "1000")]
    public async Task RunQuery_PageSize_maps_to_amount_clamped_to_1000(int pageSize, string amount)
    {
        _lakeFs.Json(Runs, RunPage(false, "r1"));
        using var client = _lakeFs.Client(o => o.PageSize = 10);

        await foreach (var _ in client.ListRunsAsync("repo", new RunQuery { PageSize = pageSize }))
        {
        }

        Assert.Equal(amount, Assert.Single(_lakeFs.Requests).RequestMessage.Query!["amount"].Single());
    }

    [Fact]
    public async Task A_page_size_hint_wins_over_the_query_page_size()
    {
        _lakeFs.Json(Runs, RunPage(false, "r1"));
        using var client = _lakeFs.Client();

        await foreach (var _ in client.ListRunsAsync("repo", new RunQuery { PageSize = 10 }).AsPages(pageSizeHint: 20))
        {
        }

        Assert.Equal("20", Assert.Single(_lakeFs.Requests).RequestMessage.Query!["amount"].Single());
    }

    [Fact]
    public void RunQuery_PageSize_below_1_is_rejected_before_any_request()
    {
        using var client = _lakeFs.Client();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.ListRunsAsync("repo", new RunQuery { PageSize = 0 }));

        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
        Assert.Empty(_lakeFs.Requests);
    }

    [Fact]
    public async Task Has_more_with_an_empty_next_offset_raises_instead_of_looping()
    {
        _lakeFs.Json(Runs, Page([Run("r1")], hasMore: true, nextOffset: ""));
        using var client = _lakeFs.Client();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(async () =>
        {
            await foreach (var _ in client.ListRunsAsync("repo"))
            {
            }
        });

        Assert.Contains("has_more", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty next_offset", error.Message, StringComparison.Ordinal);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public async Task A_repeated_cursor_raises_instead_of_looping()
    {
        // Page after r2 points back to r2: a buggy server or proxy cache.
        _lakeFs.Json(Runs, RunPage(true, "r1", "r2"), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json(Runs, Page([Run("r3")], hasMore: true, nextOffset: "r2"), match: r => r.WithParam("after", "r2"));
        using var client = _lakeFs.Client();
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(async () =>
        {
            await foreach (var run in client.ListRunsAsync("repo"))
            {
                seen.Add(run.RunId);
            }
        });

        Assert.Contains("'r2' twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _lakeFs.Requests.Count);
        Assert.Equal(["r1", "r2"], seen);
    }

    [Fact]
    public async Task A_resumed_listing_also_refuses_a_cursor_equal_to_its_token()
    {
        _lakeFs.Json(Runs, Page([Run("r3")], hasMore: true, nextOffset: "r2"), match: r => r.WithParam("after", "r2"));
        using var client = _lakeFs.Client();

        await Assert.ThrowsAsync<LakeFsApiException>(async () =>
        {
            await foreach (var _ in client.ListRunsAsync("repo").AsPages("r2"))
            {
            }
        });

        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public async Task Hook_and_repository_listings_page_the_same_way()
    {
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", Page([Hook("0000_0000")], hasMore: true), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", Page([Hook("0000_0001")]), match: r => r.WithParam("after", "0000_0000"));
        _lakeFs.Json("/repositories", Page([Repository("a")], hasMore: true), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json("/repositories", Page([Repository("b")]), match: r => r.WithParam("after", "a"));
        using var client = _lakeFs.Client();
        using var repositoriesClient = _lakeFs.RepositoriesClient();

        var hooks = await client.ListRunHooksAsync("repo", "r1").Select(h => h.HookRunId).ToListAsync();
        var repositories = await repositoriesClient.ListRepositoriesAsync().Select(r => r.Id).ToListAsync();

        Assert.Equal(["0000_0000", "0000_0001"], hooks);
        Assert.Equal(["a", "b"], repositories);
    }
}
