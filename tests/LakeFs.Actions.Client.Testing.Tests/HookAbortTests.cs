using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>How a failed pre-* event refuses an operation: 412 with lakeFS's text when a hook ran and failed, 500 when the files or hooks cannot be loaded.</summary>
public sealed class HookAbortTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static Task<LakeFsActionsEmulator> StartAsync(bool actionsEnabled = true) =>
        Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now), ActionsEnabled = actionsEnabled });

    [Fact]
    public async Task A_failing_pre_commit_webhook_is_a_412_with_lakeFS_text_and_the_branch_is_unchanged()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(500, "temp files found"));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "check.yaml", ActionFile.Webhook("Check", receiver.Url(), "no_temp", events: "pre-commit"));
        lakeFs.PutObject(Api.Repo, "main", "tmp/x", "1");
        var head = lakeFs.GetBranchHead(Api.Repo, "main");
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"m\"}");

        answer.Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal("application/json", answer.MediaType);
        Assert.True(answer.HasRequestId);
        var runId = RunIdOf(answer.Message);
        Assert.Equal(
            $"pre-commit hook aborted, run id '{runId}': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'Check' hook 'no_temp': action failed: webhook request failed (status code: 500)\n\n",
            answer.Message);
        Assert.Equal(head, lakeFs.GetBranchHead(Api.Repo, "main"));
        Assert.Equal("1", await http.GetStringAsync($"{Repo}/refs/main/objects?path=tmp/x"));
        var run = await Api.GetJsonAsync(http, $"{Repo}/actions/runs/{runId}");
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(string.Empty, run.GetProperty("commit_id").GetString());
        Assert.Equal("main", run.GetProperty("branch").GetString());
    }

    [Fact]
    public async Task An_action_file_that_cannot_be_loaded_is_a_500_at_prepare_commit_and_records_no_run()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "bad.yaml", "on:\n  pre-merge:\n");
        lakeFs.PutObject(Api.Repo, "main", "x", "1");
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"m\"}");

        answer.Expect(HttpStatusCode.InternalServerError);
        Assert.Equal(
            $"prepare-commit hook aborted, run id '{RunIdOf(answer.Message)}': 1 error occurred:\n\t* parsing file _lakefs_actions/bad.yaml: 'name' is required: invalid action\n\n",
            answer.Message);
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task A_subfolder_under_the_actions_folder_is_a_404()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "_lakefs_actions/sub/a.yaml", "name: Sub\non:\n  pre-commit:\n");

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(404, commit.StatusCode);
        Assert.EndsWith("': 1 error occurred:\n\t* loading file _lakefs_actions/sub/: not found\n\n", commit.Message);
    }

    [Fact]
    public async Task With_actions_disabled_nothing_runs_and_a_broken_file_does_not_matter()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync(actionsEnabled: false);
        lakeFs.PutActionFile(Api.Repo, "main", "bad.yaml", "not: [an action");

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.True(commit.Succeeded, commit.ToString());
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task An_empty_commit_runs_pre_commit_hooks_and_records_their_run_before_answering_no_changes()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));
        Assert.True((await lakeFs.CommitAsync(Api.Repo, "main", "actions")).Succeeded);

        var empty = await lakeFs.CommitAsync(Api.Repo, "main", "nothing");

        Assert.Equal(400, empty.StatusCode);
        Assert.Equal("commit: no changes", empty.Message);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(2, lakeFs.RunCount(Api.Repo));
    }

    public static TheoryData<string> Operations => ["create-branch", "delete-branch", "create-tag", "delete-tag", "merge"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_hooked_operation_is_refused_by_its_pre_event_with_lakeFS_text(string operation)
    {
        await using var receiver = new WebhookReceiver(r => r.EventType.StartsWith("pre-", StringComparison.Ordinal) && r.EventType != "pre-commit" ? WebhookReply.Status(403) : WebhookReply.Status(200));
        await using var lakeFs = await StartAsync();
        Assert.True((await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main")).Succeeded);
        if (operation == "create-tag")
        {
            Assert.True((await lakeFs.CreateTagAsync(Api.Repo, "v1", "main")).Succeeded);
        }

        var guard = ActionFile.Webhook("Guard", receiver.Url(), "deny", events: ["pre-" + operation]);
        foreach (var branch in new[] { "main", "dev" })
        {
            lakeFs.PutActionFile(Api.Repo, branch, "guard.yaml", guard);
            Assert.True((await lakeFs.CommitAsync(Api.Repo, branch, "guard")).Succeeded);
        }

        if (operation != "create-tag")
        {
            Assert.True((await lakeFs.CreateTagAsync(Api.Repo, "v1", "main")).Succeeded);
        }

        var mainHead = lakeFs.GetBranchHead(Api.Repo, "main");
        using var http = lakeFs.CreateHttpClient();

        var answer = operation switch
        {
            "create-branch" => await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"other\",\"source\":\"main\"}"),
            "delete-branch" => await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/dev"),
            "create-tag" => await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v2\",\"ref\":\"main\"}"),
            "delete-tag" => await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/tags/v1"),
            _ => await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main"),
        };

        answer.Expect(HttpStatusCode.PreconditionFailed);
        var prefix = operation == "merge" ? "update branch main: " : string.Empty;
        Assert.Equal(
            $"{prefix}pre-{operation} hook aborted, run id '{RunIdOf(answer.Message)}': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'Guard' hook 'deny': action failed: webhook request failed (status code: 403)\n\n",
            answer.Message);
        Assert.Equal(mainHead, lakeFs.GetBranchHead(Api.Repo, "main"));
        var branches = await Api.GetJsonAsync(http, $"{Repo}/branches");
        Assert.Equal(["dev", "main"], branches.GetProperty("results").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/v1/objects/ls")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/v2/objects/ls")).Status);
    }

    [Fact]
    public async Task Two_failed_actions_are_listed_in_one_merge_message()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(409));
        await using var lakeFs = await StartAsync();
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutActionFile(Api.Repo, "dev", "a.yaml", ActionFile.Webhook("First", receiver.Url("/1"), events: "pre-merge"));
        lakeFs.PutActionFile(Api.Repo, "dev", "b.yaml", ActionFile.Webhook("Second", receiver.Url("/2"), events: "pre-merge"));
        await lakeFs.CommitAsync(Api.Repo, "dev", "actions");

        var merge = await lakeFs.MergeAsync(Api.Repo, "dev", "main");

        Assert.Equal(412, merge.StatusCode);
        Assert.Equal(
            $"update branch main: pre-merge hook aborted, run id '{merge.PreRunIds[0]}': 2 errors occurred:\n" +
            "\t* hook run id '0000_0000' failed on action 'First' hook 'hook': action failed: webhook request failed (status code: 409)\n" +
            "\t* hook run id '0001_0000' failed on action 'Second' hook 'hook': action failed: webhook request failed (status code: 409)\n\n",
            merge.Message);
    }

    [Fact]
    public async Task An_if_that_is_not_valid_fails_its_hook_with_500_unless_another_hook_failed_normally()
    {
        await using var receiver = new WebhookReceiver(r => r.Target == "/fail" ? WebhookReply.Status(500) : WebhookReply.Status(200));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", $"name: Conditional\non:\n  pre-commit:\nhooks:\n{ActionFile.Hook("always", receiver.Url(), "always()")}");
        lakeFs.PutObject(Api.Repo, "main", "x", "1");

        var alone = await lakeFs.CommitAsync(Api.Repo, "main", "m");
        lakeFs.PutActionFile(Api.Repo, "main", "b.yaml", ActionFile.Webhook("Failing", receiver.Url("/fail"), events: "pre-commit"));
        var withFailure = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(500, alone.StatusCode);
        Assert.Contains("* hook run id '0000_0000' failed on action 'Conditional' hook 'always': ", alone.Message);
        Assert.DoesNotContain("action failed", alone.Message);
        Assert.Equal(2, lakeFs.RunCount(Api.Repo));
        Assert.Equal(412, withFailure.StatusCode);
        Assert.DoesNotContain(receiver.Received, r => r.Target == "/hook");
    }

    [Fact]
    public async Task A_bad_branch_pattern_is_a_500_syntax_error_in_pattern_with_no_run()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", "name: Glob\non:\n  pre-commit:\n    branches: [\"[main\"]\nhooks:\n  - id: hook\n    type: webhook\n    properties:\n      url: http://127.0.0.1:1/x\n");

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.Equal(500, commit.StatusCode);
        Assert.Equal($"pre-commit hook aborted, run id '{commit.PreRunIds[1]}': syntax error in pattern", commit.Message);
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_Go_duration_is_a_500_when_hooks_are_built()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", "http://127.0.0.1:1/x", extraProperties: "      timeout: \"30\"\n", events: "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.Equal(500, commit.StatusCode);
        Assert.Equal($"pre-commit hook aborted, run id '{commit.PreRunIds[1]}': webhook request duration: time: missing unit in duration \"30\"", commit.Message);
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    private static string RunIdOf(string message) => Regex.Match(message, "run id '([0-9a-v]{20})'").Groups[1].Value;
}
