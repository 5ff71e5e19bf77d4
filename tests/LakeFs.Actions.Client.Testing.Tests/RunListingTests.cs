using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

public sealed class RunListingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Runs_are_listed_newest_second_first_and_in_creation_order_within_a_second()
    {
        var clock = new FakeTimeProvider(Now);
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        var oldest = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit");
        clock.Advance(TimeSpan.FromSeconds(1));
        var middle = lakeFs.AddRun(Api.Repo, "main", "c2", "pre-commit");
        clock.Advance(TimeSpan.FromMilliseconds(900));
        var newestSameSecond = lakeFs.AddRun(Api.Repo, "main", "c3", "pre-commit");
        using var http = lakeFs.CreateHttpClient();

        var (ids, _) = await Api.ListRunsAsync(http);

        // lakeFS's xid ids: year 3000 minus now in whole seconds, then a counter that grows within the second.
        Assert.Equal([middle, newestSameSecond, oldest], ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.Matches("^[0-9a-v]{20}$", id));
    }

    [Fact]
    public async Task Run_ids_follow_start_time_not_insertion_order()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        var recent = lakeFs.AddRun(Api.Repo, "main", "c1", "post-commit", startTime: Now - TimeSpan.FromMinutes(1));
        var older = lakeFs.AddRun(Api.Repo, "main", "c0", "post-commit", startTime: Now - TimeSpan.FromHours(1));
        using var http = lakeFs.CreateHttpClient();

        var (ids, _) = await Api.ListRunsAsync(http);

        Assert.Equal([recent, older], ids);
    }

    [Fact]
    public async Task After_is_exclusive()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var ids = lakeFs.AddRuns(Api.Repo, 5);
        using var http = lakeFs.CreateHttpClient();

        var (page, _) = await Api.ListRunsAsync(http, $"?after={ids[1]}");

        Assert.Equal(ids.Skip(2), page);
    }

    [Fact]
    public async Task Amount_missing_or_not_positive_means_100()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.AddRuns(Api.Repo, 150);
        using var http = lakeFs.CreateHttpClient();

        foreach (var query in new[] { "", "?amount=0", "?amount=-1", "?amount=-50" })
        {
            var (ids, pagination) = await Api.ListRunsAsync(http, query);
            Assert.Equal(100, ids.Count);
            Assert.Equal(100, pagination.GetProperty("results").GetInt32());
            Assert.True(pagination.GetProperty("has_more").GetBoolean());
        }
    }

    [Fact]
    public async Task Amount_above_1000_is_clamped_to_1000()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.AddRuns(Api.Repo, 1200);
        using var http = lakeFs.CreateHttpClient();

        var (ids, pagination) = await Api.ListRunsAsync(http, "?amount=5000");

        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000, pagination.GetProperty("max_per_page").GetInt32());
        Assert.True(pagination.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Amount_that_is_not_an_integer_is_a_bad_request()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var message = await Api.GetErrorAsync(http, "api/v1/repositories/repo/actions/runs?amount=ten", System.Net.HttpStatusCode.BadRequest);

        Assert.Contains("amount", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Has_more_is_decided_by_peeking_so_an_exactly_full_last_page_has_no_more()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var all = lakeFs.AddRuns(Api.Repo, 6);
        using var http = lakeFs.CreateHttpClient();

        var (first, firstPagination) = await Api.ListRunsAsync(http, "?amount=3");
        Assert.True(firstPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal(first[^1], firstPagination.GetProperty("next_offset").GetString());
        Assert.Equal(3, firstPagination.GetProperty("results").GetInt32());

        var (second, secondPagination) = await Api.ListRunsAsync(http, $"?amount=3&after={firstPagination.GetProperty("next_offset").GetString()}");
        Assert.Equal(3, second.Count);
        Assert.False(secondPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("", secondPagination.GetProperty("next_offset").GetString());
        Assert.Equal(all, first.Concat(second));
    }

    [Fact]
    public async Task Paging_through_everything_returns_every_run_once_in_order()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var all = lakeFs.AddRuns(Api.Repo, 2500);
        using var http = lakeFs.CreateHttpClient();

        var seen = new List<string>();
        var after = "";
        while (true)
        {
            var (ids, pagination) = await Api.ListRunsAsync(http, $"?amount=1000&after={after}");
            seen.AddRange(ids);
            if (!pagination.GetProperty("has_more").GetBoolean())
            {
                Assert.Equal("", pagination.GetProperty("next_offset").GetString());
                break;
            }

            after = pagination.GetProperty("next_offset").GetString()!;
        }

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Branch_and_commit_filters_are_applied_on_the_server()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var onMain = lakeFs.AddRun(Api.Repo, "main", "aaa", "pre-commit", startTime: Now - TimeSpan.FromMinutes(3));
        var onDev = lakeFs.AddRun(Api.Repo, "dev", "bbb", "pre-commit", startTime: Now - TimeSpan.FromMinutes(2));
        var onDevSameCommit = lakeFs.AddRun(Api.Repo, "dev", "aaa", "post-commit", startTime: Now - TimeSpan.FromMinutes(1));
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal([onDevSameCommit, onDev], (await Api.ListRunsAsync(http, "?branch=dev")).Ids);
        Assert.Equal([onDevSameCommit, onMain], (await Api.ListRunsAsync(http, "?commit=aaa")).Ids);
        Assert.Empty((await Api.ListRunsAsync(http, "?branch=nope")).Ids);
    }

    [Fact]
    public async Task Filtered_pages_use_the_run_id_as_cursor()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var ids = lakeFs.AddRuns(Api.Repo, 30);
        var mainIds = ids.Where((_, i) => i % 3 == 0).ToList();
        using var http = lakeFs.CreateHttpClient();

        var (first, pagination) = await Api.ListRunsAsync(http, "?branch=main&amount=4");
        var (rest, restPagination) = await Api.ListRunsAsync(http, $"?branch=main&amount=100&after={pagination.GetProperty("next_offset").GetString()}");

        Assert.Equal(mainIds, first.Concat(rest));
        Assert.False(restPagination.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Runs_added_while_running_show_up_in_the_next_listing()
    {
        var clock = new FakeTimeProvider(Now);
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        lakeFs.AddRuns(Api.Repo, 3);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var http = lakeFs.CreateHttpClient();
        Assert.Equal(3, (await Api.ListRunsAsync(http)).Ids.Count);

        var added = lakeFs.AddRun(Api.Repo, "main", "new", "post-merge");

        var (ids, _) = await Api.ListRunsAsync(http);
        Assert.Equal(4, ids.Count);
        Assert.Equal(added, ids[0]);
        Assert.Equal(4, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task Run_json_has_every_field_and_go_formatted_times()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var start = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddMilliseconds(250);
        var runId = lakeFs.AddRun(Api.Repo, new EmulatedRun("main", "abc123", "pre-merge")
        {
            StartTime = start,
            Hooks = [new EmulatedHook("a", "h1", HookStatus.Completed) { Duration = TimeSpan.FromSeconds(2) }, EmulatedHook.Failed("a", "h2")],
        });
        var unfinished = lakeFs.AddRun(Api.Repo, new EmulatedRun("main", "abc124", "post-merge") { EndTime = DateTimeOffset.MinValue });
        using var http = lakeFs.CreateHttpClient();

        var run = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}");
        Assert.Equal(runId, run.GetProperty("run_id").GetString());
        Assert.Equal("main", run.GetProperty("branch").GetString());
        Assert.Equal("abc123", run.GetProperty("commit_id").GetString());
        Assert.Equal("pre-merge", run.GetProperty("event_type").GetString());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("2026-03-04T05:06:07.25Z", run.GetProperty("start_time").GetString());
        Assert.Equal("2026-03-04T05:06:09.5Z", run.GetProperty("end_time").GetString());

        var zero = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{unfinished}");
        Assert.Equal("0001-01-01T00:00:00Z", zero.GetProperty("end_time").GetString());
        Assert.Equal("completed", zero.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bulk_seeding_100_000_runs_is_fast_and_pages_from_the_newest()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var ids = lakeFs.AddRuns(Api.Repo, 100_000);
        using var http = lakeFs.CreateHttpClient();

        var (page, _) = await Api.ListRunsAsync(http, $"?amount=2&after={ids[99_997]}");

        Assert.Equal(100_000, lakeFs.RunCount(Api.Repo));
        Assert.Equal([ids[99_998], ids[99_999]], page);
    }
}
