using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>How the runs of real hooks are recorded and served: ids, commit ids, times, logs, post-* timing and late landing.</summary>
public sealed class HookRunRecordTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task The_pre_commit_run_gets_the_new_commit_id_and_both_runs_list_by_it()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: ["prepare-commit", "pre-commit", "post-commit"]));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");
        var postRuns = await commit.WaitForPostRunsAsync();

        var (byCommit, _) = await Api.ListRunsAsync(http, $"?commit={commit.Reference}");
        var (all, _) = await Api.ListRunsAsync(http);
        var post = Assert.Single(postRuns);
        Assert.Equal([commit.PreRunIds[1], post], byCommit.Order(StringComparer.Ordinal));
        Assert.Equal(3, all.Count);
        var prepare = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{commit.PreRunIds[0]}");
        Assert.Equal(string.Empty, prepare.GetProperty("commit_id").GetString());

        // Same second: creation order, so prepare, pre and post list in that order.
        Assert.Equal([commit.PreRunIds[0], commit.PreRunIds[1], post], all);
    }

    [Fact]
    public async Task Merge_runs_list_by_the_merge_commit_and_tag_runs_have_no_branch()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutActionFile(Api.Repo, "dev", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: ["pre-merge", "post-merge", "pre-create-tag"]));
        await lakeFs.CommitAsync(Api.Repo, "dev", "actions");
        using var http = lakeFs.CreateHttpClient();

        var merge = await lakeFs.MergeAsync(Api.Repo, "dev", "main");
        await merge.WaitForPostRunsAsync();
        var tag = await lakeFs.CreateTagAsync(Api.Repo, "v1", "main");

        var (byMerge, _) = await Api.ListRunsAsync(http, $"?commit={merge.Reference}");
        Assert.Equal(3, byMerge.Count);
        var tagRun = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{tag.PreRunIds[0]}");
        Assert.Equal(string.Empty, tagRun.GetProperty("branch").GetString());
        Assert.Equal("pre-create-tag", tagRun.GetProperty("event_type").GetString());
        var (byBranch, _) = await Api.ListRunsAsync(http, "?branch=main");
        Assert.Equal(2, byBranch.Count);
    }

    [Fact]
    public async Task Post_commit_hooks_run_after_the_commit_answered_and_their_run_lands_late()
    {
        var clock = new FakeTimeProvider(Now);
        var release = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(r => r.EventType == "post-commit" ? WebhookReply.After(release.Task) : WebhookReply.Status(200));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: ["pre-commit", "post-commit"]));
        using var http = lakeFs.CreateHttpClient();

        // The post-commit webhook does not answer: the commit answers anyway.
        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"m\"}");
        answer.Expect(HttpStatusCode.Created);
        var commitId = answer.Json.GetProperty("id").GetString();
        var post = await receiver.NextAsync();
        while (post.EventType != "post-commit")
        {
            post = await receiver.NextAsync();
        }

        var (whilePending, _) = await Api.ListRunsAsync(http);
        clock.Advance(TimeSpan.FromSeconds(2));
        var newer = lakeFs.AddRun(Api.Repo, "main", "other", "pre-commit");
        release.SetResult();
        await lakeFs.WaitForBackgroundRunsAsync();
        var (after, _) = await Api.ListRunsAsync(http);

        var preRun = Assert.Single(whilePending);
        Assert.Equal(3, after.Count);
        Assert.Equal(newer, after[0]);
        Assert.Equal(preRun, after[1]);
        var postRun = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{after[2]}");
        Assert.Equal("post-commit", postRun.GetProperty("event_type").GetString());
        Assert.Equal(commitId, postRun.GetProperty("commit_id").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", postRun.GetProperty("start_time").GetString());
        Assert.Equal("2026-03-04T05:06:09Z", postRun.GetProperty("end_time").GetString());
    }

    [Fact]
    public async Task A_failing_post_hook_never_fails_the_operation_and_shows_as_a_failed_run()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(500));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Notify", receiver.Url(), events: "post-create-branch"));
        await lakeFs.CommitAsync(Api.Repo, "main", "actions");
        using var http = lakeFs.CreateHttpClient();

        var branch = await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        var post = Assert.Single(await branch.WaitForPostRunsAsync());

        Assert.True(branch.Succeeded);
        var run = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{post}");
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("dev", run.GetProperty("branch").GetString());
    }

    [Fact]
    public async Task A_webhook_hook_log_is_in_lakeFS_format()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(200, "ok"));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        var call = Assert.Single(lakeFs.WebhookCalls);
        var log = await http.GetStringAsync($"{Repo}/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Equal(
            $"Request:\nPOST {receiver.Url()}\nQuery Params:\nHeaders:\nContent-Type: application/json\nRequest Body:\n{call.Body}\n\n\nRequest duration: 0s\n\n" +
            "Response:\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok",
            log);
    }

    [Fact]
    public async Task A_failed_hook_log_ends_with_the_error_right_after_the_body()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(500, "boom"));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        var log = await http.GetStringAsync($"{Repo}/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.EndsWith("\r\n\r\nboomError: action failed: webhook request failed (status code: 500)\n", log);
        Assert.Contains("Response:\nHTTP/1.1 500 Internal Server Error\r\n", log);
    }

    [Fact]
    public async Task Hook_times_come_from_the_emulator_clock()
    {
        var clock = new FakeTimeProvider(Now);
        var release = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(_ => WebhookReply.After(release.Task));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = lakeFs.CommitAsync(Api.Repo, "main", "m");
        await receiver.NextAsync();
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        release.SetResult();
        var result = await commit.WaitAsync(TimeSpan.FromSeconds(30));

        var hooks = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{result.PreRunIds[1]}/hooks");
        var hook = Assert.Single(hooks.GetProperty("results").EnumerateArray());
        Assert.Equal("2026-03-04T05:06:07Z", hook.GetProperty("start_time").GetString());
        Assert.Equal("2026-03-04T05:06:08.5Z", hook.GetProperty("end_time").GetString());
        var log = await http.GetStringAsync($"{Repo}/actions/runs/{result.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Contains("\nRequest duration: 1.5s\n", log);
    }

    [Theory]
    [InlineData(8500L, "850µs")]
    [InlineData(123450L, "12.345ms")]
    [InlineData(900_000_000L, "1m30s")]
    [InlineData(36_610_000_000L, "1h1m1s")]
    public async Task The_request_duration_is_written_as_Go_writes_a_duration(long ticks, string expected)
    {
        var clock = new FakeTimeProvider(Now);
        var release = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(_ => WebhookReply.After(release.Task));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), extraProperties: "      timeout: 2h\n", events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);
        await receiver.NextAsync();
        clock.Advance(TimeSpan.FromTicks(ticks));
        release.SetResult();
        var result = await commit.WaitAsync(TimeSpan.FromSeconds(30));

        var log = await http.GetStringAsync($"{Repo}/actions/runs/{result.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Contains($"\nRequest duration: {expected}\n", log);
    }

    [Fact]
    public async Task The_whole_flow_works_over_the_REST_API_alone()
    {
        await using var receiver = new WebhookReceiver(r => r.Body.Contains("\"commit_message\":\"bad", StringComparison.Ordinal) ? WebhookReply.Status(400, "no") : WebhookReply.Status(200));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = lakeFs.CreateHttpClient();
        var yaml = ActionFile.Webhook("Check", receiver.Url(), events: ["pre-commit", "post-commit"]);
        using (var upload = await http.PostAsync($"{Repo}/branches/main/objects?path=_lakefs_actions/check.yaml", new StringContent(yaml)))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var refused = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"bad commit\"}");
        var accepted = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"good commit\"}");
        await lakeFs.WaitForBackgroundRunsAsync();
        var (runs, _) = await Api.ListRunsAsync(http);
        var statuses = new List<string>();
        foreach (var id in runs)
        {
            var run = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{id}");
            statuses.Add($"{run.GetProperty("event_type").GetString()}:{run.GetProperty("status").GetString()}");
        }

        refused.Expect(HttpStatusCode.PreconditionFailed);
        accepted.Expect(HttpStatusCode.Created);
        Assert.Equal(["pre-commit:failed", "pre-commit:completed", "post-commit:completed"], statuses);
    }

    [Fact]
    public async Task A_run_whose_hooks_were_all_skipped_is_completed_with_Go_zero_times()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", $"name: OnFailure\non:\n  pre-commit:\nhooks:\n{ActionFile.Hook("cleanup", receiver.Url(), "failure()")}");
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.True(commit.Succeeded, commit.ToString());
        Assert.Empty(receiver.Received);
        var run = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{commit.PreRunIds[1]}");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", run.GetProperty("start_time").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", run.GetProperty("end_time").GetString());
        Assert.Equal(commit.Reference, run.GetProperty("commit_id").GetString());
    }

    [Fact]
    public async Task Concurrent_operations_each_get_their_runs()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: ["pre-create-branch", "post-create-branch"]));
        await lakeFs.CommitAsync(Api.Repo, "main", "actions");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => lakeFs.CreateBranchAsync(Api.Repo, $"b{i}", "main")));
        var posts = await Task.WhenAll(results.Select(r => r.WaitForPostRunsAsync()));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(16, lakeFs.RunCount(Api.Repo));
        Assert.Equal(16, receiver.Received.Count);
        Assert.Equal(8, posts.SelectMany(p => p).Distinct().Count());
    }

    [Fact]
    public async Task Each_event_gets_its_own_run_id_even_when_nothing_matches_and_nothing_is_recorded_then()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutObject(Api.Repo, "main", "x", "1");

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(2, commit.PreRunIds.Distinct().Count());
        Assert.Empty(await commit.WaitForPostRunsAsync());
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }
}
