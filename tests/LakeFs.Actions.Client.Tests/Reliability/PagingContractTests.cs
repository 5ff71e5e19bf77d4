using System.Globalization;
using System.Web;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Servers that break lakeFS's paging contract in ways the cursor checks alone do not catch: an empty page that
/// claims more with a fresh cursor every time, and an <c>after</c> treated as inclusive.
/// </summary>
public sealed class PagingContractTests
{
    private const int Runaway = 200;

    private static LakeFsActionsClient Client(InMemoryTransport transport, ILoggerFactory? log = null) => new(
        new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com/"), AccessKeyId = "AKIAPAGING", SecretAccessKey = "paging-secret", Retry = { MaxRetries = 0 } },
        transport,
        log);

    private static string? After(HttpRequestMessage request) => HttpUtility.ParseQueryString(request.RequestUri!.Query)["after"];

    private static int Amount(HttpRequestMessage request) => int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["amount"] ?? "100", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_empty_page_that_claims_more_with_a_fresh_cursor_each_time_is_reported_after_one_request()
    {
        // Without the check the listing would follow fresh cursors forever; after 200 requests this server gives in.
        var requests = 0;
        using var transport = new InMemoryTransport(_ =>
        {
            var n = Interlocked.Increment(ref requests);
            return InMemoryTransport.Json(LakeFsBodies.Page([], hasMore: n < Runaway, nextOffset: "cursor-" + n.ToString(CultureInfo.InvariantCulture)));
        });
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(async () =>
        {
            await foreach (var _ in client.ListRunsAsync("repo"))
            {
            }
        });

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Contains("no results", error.Message, StringComparison.Ordinal);
        Assert.Contains("has_more=true", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Requests);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task A_server_that_treats_after_as_inclusive_never_makes_a_listing_yield_a_run_twice(int pageSize)
    {
        var ids = Enumerable.Range(0, 20).Select(i => "run" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        using var transport = new InMemoryTransport(request =>
        {
            var after = After(request);
            var amount = Amount(request);
            var rest = ids.Where(id => after is null || string.CompareOrdinal(id, after) >= 0).ToList(); // inclusive: the bug
            var page = rest.Take(amount).ToList();
            return InMemoryTransport.Json(LakeFsBodies.Page(page.Select(id => LakeFsBodies.Run(id)), hasMore: rest.Count > amount));
        });
        using var log = new CapturedLog();
        using var client = Client(transport, log);

        var listed = await client.ListRunsAsync("repo", new RunQuery { PageSize = pageSize }).Select(run => run.RunId).ToListAsync();

        Assert.Equal(ids, listed);
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("dropped", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.Contains("not past the cursor", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hooks_and_repositories_from_an_inclusive_after_are_dropped_too()
    {
        var hookIds = Enumerable.Range(0, 5).Select(i => $"0000_{i:D4}").ToList();
        var repositoryIds = Enumerable.Range(0, 5).Select(i => $"repo-{i}").ToList();
        using var transport = new InMemoryTransport(request =>
        {
            var after = After(request);
            var amount = Amount(request);
            var hooks = request.RequestUri!.AbsolutePath.EndsWith("/hooks", StringComparison.Ordinal);
            var rest = (hooks ? hookIds : repositoryIds).Where(id => after is null || string.CompareOrdinal(id, after) >= 0).ToList();
            var page = rest.Take(amount).Select(id => hooks ? LakeFsBodies.Hook(id) : LakeFsBodies.Repository(id));
            return InMemoryTransport.Json(LakeFsBodies.Page(page, hasMore: rest.Count > amount));
        });
        using var client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com/"), BearerToken = "t", PageSize = 2, Retry = { MaxRetries = 0 } },
            transport);

        Assert.Equal(hookIds, await client.ListRunHooksAsync("repo", "run").Select(h => h.HookRunId).ToListAsync());
        using var repositories = new LakeFsRepositoriesClient(
            new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com/"), BearerToken = "t", PageSize = 2, Retry = { MaxRetries = 0 } },
            transport);
        Assert.Equal(repositoryIds, await repositories.ListRepositoriesAsync().Select(r => r.Id).ToListAsync());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_server_that_pages_in_another_order_makes_the_listing_throw_instead_of_losing_runs(int pageSize)
    {
        // Seven runs in the server's own order (not ascending ids); each page starts after its cursor's position there.
        string[] order = ["run05", "run01", "run06", "run02", "run07", "run03", "run04"];
        using var transport = new InMemoryTransport(request =>
        {
            var after = After(request);
            var start = after is null ? 0 : Array.IndexOf(order, after) + 1;
            var page = order.Skip(start).Take(Amount(request)).ToList();
            var more = start + page.Count < order.Length;
            return InMemoryTransport.Json(LakeFsBodies.Page(page.Select(id => LakeFsBodies.Run(id)), hasMore: more, nextOffset: more ? page[^1] : ""));
        });
        using var client = Client(transport);
        var yielded = new List<string>();

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var run in client.ListRunsAsync("repo", new RunQuery { PageSize = pageSize }))
            {
                yielded.Add(run.RunId);
            }
        });

        // Either every run exactly once (the pages happened to stay past their cursors), or an error that says why
        // the listing stopped: never a part of the runs that looks like all of them.
        Assert.Equal(yielded.Count, yielded.Distinct().Count());
        if (error is null)
        {
            Assert.Equal(order.Order(StringComparer.Ordinal), yielded.Order(StringComparer.Ordinal));
        }
        else
        {
            var api = Assert.IsType<LakeFsApiException>(error);
            Assert.Equal("listRepositoryRuns", api.Operation);
            Assert.Contains("not in lakeFS's order", api.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_cursor_repeated_once_is_dropped_but_an_item_behind_it_on_the_same_page_throws()
    {
        using var transport = new InMemoryTransport(request => After(request) switch
        {
            null => InMemoryTransport.Json(LakeFsBodies.Page([LakeFsBodies.Run("run01"), LakeFsBodies.Run("run02")], hasMore: true, nextOffset: "run02")),
            _ => InMemoryTransport.Json(LakeFsBodies.Page([LakeFsBodies.Run("run02"), LakeFsBodies.Run("run03"), LakeFsBodies.Run("run00")], hasMore: false)),
        });
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync("repo").ToListAsync().AsTask());

        Assert.Contains("'run00'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in lakeFS's order", error.Message, StringComparison.Ordinal);
    }
}
