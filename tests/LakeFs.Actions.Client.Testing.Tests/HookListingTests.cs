using System.Net;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>listRunHooks: hook run ids, their order, paging, and the fields of completed, failed and skipped hooks.</summary>
public sealed class HookListingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Hook_run_ids_are_zero_based_action_and_hook_indexes_padded_to_four_digits()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
        [
            EmulatedHook.Completed("format", "parquet"),
            EmulatedHook.Completed("format", "schema"),
            EmulatedHook.Completed("quality", "rows"),
            EmulatedHook.Completed("format", "names"),
            EmulatedHook.Completed("notify", "slack"),
        ]);
        using var http = lakeFs.CreateHttpClient();

        var (hooks, _) = await ListHooksAsync(http, runId);

        Assert.Equal(
            [
                ("0000_0000", "format", "parquet"),
                ("0000_0001", "format", "schema"),
                ("0000_0002", "format", "names"),
                ("0001_0000", "quality", "rows"),
                ("0002_0000", "notify", "slack"),
            ],
            hooks.Select(h => (h.GetProperty("hook_run_id").GetString(), h.GetProperty("action").GetString(), h.GetProperty("hook_id").GetString())));
    }

    [Fact]
    public async Task Hook_indexes_above_nine_keep_ascending_order()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            Enumerable.Range(0, 12).Select(i => EmulatedHook.Completed("many", $"hook-{i}")));
        using var http = lakeFs.CreateHttpClient();

        var (hooks, _) = await ListHooksAsync(http, runId);
        var ids = hooks.Select(h => h.GetProperty("hook_run_id").GetString()!).ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"0000_{i:D4}"), ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal("hook-10", hooks[10].GetProperty("hook_id").GetString());
    }

    [Fact]
    public async Task Completed_and_failed_hooks_have_both_times_and_run_one_after_another()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, new EmulatedRun("main", "c1", "pre-commit")
        {
            StartTime = Start,
            Hooks =
            [
                new EmulatedHook("check", "lint", HookStatus.Completed) { Duration = TimeSpan.FromSeconds(2) },
                new EmulatedHook("check", "schema", HookStatus.Failed) { Duration = TimeSpan.FromMilliseconds(500) },
            ],
        });
        using var http = lakeFs.CreateHttpClient();

        var (hooks, _) = await ListHooksAsync(http, runId);

        Assert.Equal(2, hooks.Count);
        Assert.Equal("completed", hooks[0].GetProperty("status").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", hooks[0].GetProperty("start_time").GetString());
        Assert.Equal("2026-03-04T05:06:09Z", hooks[0].GetProperty("end_time").GetString());
        Assert.Equal("failed", hooks[1].GetProperty("status").GetString());
        Assert.Equal("2026-03-04T05:06:09Z", hooks[1].GetProperty("start_time").GetString());
        Assert.Equal("2026-03-04T05:06:09.5Z", hooks[1].GetProperty("end_time").GetString());
        Assert.All(hooks, h => Assert.Equal(
            ["action", "end_time", "hook_id", "hook_run_id", "start_time", "status"],
            h.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Skipped_hook_has_go_zero_start_time_and_no_end_time_property()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-merge",
            [EmulatedHook.Failed("check", "lint", "2 problems\n"), EmulatedHook.Skipped("check", "notify")], Start);
        using var http = lakeFs.CreateHttpClient();

        var (hooks, _) = await ListHooksAsync(http, runId);
        var skipped = hooks[1];

        Assert.Equal("0000_0001", skipped.GetProperty("hook_run_id").GetString());
        Assert.Equal("skipped", skipped.GetProperty("status").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", skipped.GetProperty("start_time").GetString());
        Assert.False(skipped.TryGetProperty("end_time", out _), skipped.GetRawText());
        Assert.True(hooks[0].TryGetProperty("end_time", out _));

        var run = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}");
        Assert.Equal("failed", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_follow_after_and_amount_with_has_more_and_next_offset()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            Enumerable.Range(0, 5).Select(i => EmulatedHook.Completed("a", $"h{i}")));
        using var http = lakeFs.CreateHttpClient();

        var (first, firstPagination) = await ListHooksAsync(http, runId, "?amount=2");
        Assert.Equal(["0000_0000", "0000_0001"], Ids(first));
        Assert.True(firstPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("0000_0001", firstPagination.GetProperty("next_offset").GetString());
        Assert.Equal(2, firstPagination.GetProperty("results").GetInt32());
        Assert.Equal(1000, firstPagination.GetProperty("max_per_page").GetInt32());

        var (second, secondPagination) = await ListHooksAsync(http, runId, "?amount=2&after=0000_0001");
        Assert.Equal(["0000_0002", "0000_0003"], Ids(second));
        Assert.Equal("0000_0003", secondPagination.GetProperty("next_offset").GetString());

        var (last, lastPagination) = await ListHooksAsync(http, runId, "?amount=2&after=0000_0003");
        Assert.Equal(["0000_0004"], Ids(last));
        Assert.False(lastPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("", lastPagination.GetProperty("next_offset").GetString());
        Assert.Equal(1, lastPagination.GetProperty("results").GetInt32());
    }

    [Fact]
    public async Task An_exactly_full_last_page_has_no_more()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            Enumerable.Range(0, 4).Select(i => EmulatedHook.Completed("a", $"h{i}")));
        using var http = lakeFs.CreateHttpClient();

        var (page, pagination) = await ListHooksAsync(http, runId, "?amount=2&after=0000_0001");

        Assert.Equal(["0000_0002", "0000_0003"], Ids(page));
        Assert.False(pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("", pagination.GetProperty("next_offset").GetString());
    }

    [Fact]
    public async Task After_is_an_exclusive_cursor_that_need_not_be_an_existing_id()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            [EmulatedHook.Completed("a", "h0"), EmulatedHook.Completed("a", "h1"), EmulatedHook.Completed("b", "h0")]);
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal(["0000_0001", "0001_0000"], Ids((await ListHooksAsync(http, runId, "?after=0000_0000")).Hooks));
        Assert.Equal(["0001_0000"], Ids((await ListHooksAsync(http, runId, "?after=0000_9999")).Hooks));
        Assert.Empty((await ListHooksAsync(http, runId, "?after=0001_0000")).Hooks);
    }

    [Fact]
    public async Task Amount_not_positive_means_the_default_page_size()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            Enumerable.Range(0, 3).Select(i => EmulatedHook.Completed("a", $"h{i}")));
        using var http = lakeFs.CreateHttpClient();

        foreach (var query in new[] { "?amount=0", "?amount=-1" })
        {
            var (hooks, pagination) = await ListHooksAsync(http, runId, query);
            Assert.Equal(3, hooks.Count);
            Assert.False(pagination.GetProperty("has_more").GetBoolean());
        }
    }

    [Fact]
    public async Task A_run_without_hooks_lists_an_empty_page()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "post-commit");
        using var http = lakeFs.CreateHttpClient();

        var (hooks, pagination) = await ListHooksAsync(http, runId);

        Assert.Empty(hooks);
        Assert.False(pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal(0, pagination.GetProperty("results").GetInt32());
    }

    // lakeFS's getRun and getRunHookOutput look the run up; its listRunHooks only scans the run's hook keys.
    [Fact]
    public async Task Unknown_run_is_404_on_getRun_but_an_empty_200_page_of_hooks()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var known = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("a", "h")]);
        using var http = lakeFs.CreateHttpClient();
        var unknown = "zzzzzzzzzzzzzzzzzzzz";
        Assert.NotEqual(known, unknown);

        var (hooks, pagination) = await ListHooksAsync(http, unknown);
        Assert.Empty(hooks);
        Assert.False(pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal(0, pagination.GetProperty("results").GetInt32());
        Assert.NotEmpty(await Api.GetErrorAsync(http, $"api/v1/repositories/repo/actions/runs/{unknown}", HttpStatusCode.NotFound));
        Assert.NotEmpty(await Api.GetErrorAsync(http, $"api/v1/repositories/repo/actions/runs/{unknown}/hooks/0000_0000/output", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Hooks_of_an_unknown_repository_are_still_404()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal("repository not found", await Api.GetErrorAsync(http, "api/v1/repositories/nope/actions/runs/zzzzzzzzzzzzzzzzzzzz/hooks", HttpStatusCode.NotFound));
    }

    private static async Task<(List<JsonElement> Hooks, JsonElement Pagination)> ListHooksAsync(HttpClient http, string runId, string query = "")
    {
        var json = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}/hooks{query}");
        return (json.GetProperty("results").EnumerateArray().ToList(), json.GetProperty("pagination"));
    }

    private static List<string> Ids(IEnumerable<JsonElement> hooks) => [.. hooks.Select(h => h.GetProperty("hook_run_id").GetString()!)];
}
