using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>The payload lakeFS posts for each event, byte for byte, and the files each event reads.</summary>
public sealed class WebhookPayloadTests
{
    private const string Time = "2026-03-04T05:06:07Z";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static readonly string[] AllEvents =
    [
        "prepare-commit", "pre-commit", "post-commit", "pre-merge", "post-merge", "pre-create-branch", "post-create-branch",
        "pre-delete-branch", "post-delete-branch", "pre-create-tag", "post-create-tag", "pre-delete-tag", "post-delete-tag",
    ];

    [Fact]
    public async Task Every_event_posts_lakeFS_payload_with_its_fields_in_order_and_empty_ones_omitted()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "all.yaml", ActionFile.Webhook("Everything", receiver.Url(), "record", events: AllEvents));
        var seen = 0;
        List<string> Bodies()
        {
            var all = receiver.Received;
            var bodies = all.Skip(seen).Select(static r => r.Body).ToList();
            seen = all.Count;
            return bodies;
        }

        const string Prefix = "{\"event_type\":\"";
        const string Common = $"\",\"event_time\":\"{Time}\",\"action_name\":\"Everything\",\"hook_id\":\"record\",\"repository_id\":\"repo\"";

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "add <actions> & \"more\"", new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "a&b" });
        await commit.WaitForPostRunsAsync();
        var c1 = commit.Reference!;
        const string CommitFields = ",\"commit_message\":\"add \\u003cactions\\u003e \\u0026 \\\"more\\\"\",\"committer\":\"admin\",\"commit_metadata\":{\"alpha\":\"a\\u0026b\",\"zeta\":\"1\"}";
        Assert.Equal(
            [
                Prefix + "prepare-commit" + Common + ",\"branch_id\":\"main\",\"source_ref\":\"main\"" + CommitFields + "}",
                Prefix + "pre-commit" + Common + ",\"branch_id\":\"main\",\"source_ref\":\"main\"" + CommitFields + "}",
                Prefix + "post-commit" + Common + $",\"branch_id\":\"main\",\"source_ref\":\"{c1}\",\"commit_id\":\"{c1}\"" + CommitFields + "}",
            ],
            Bodies());

        var branch = await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        await branch.WaitForPostRunsAsync();
        Assert.Equal(
            [
                Prefix + "pre-create-branch" + Common + $",\"branch_id\":\"dev\",\"source_ref\":\"main\",\"commit_id\":\"{c1}\"}}",
                Prefix + "post-create-branch" + Common + $",\"branch_id\":\"dev\",\"source_ref\":\"main\",\"commit_id\":\"{c1}\"}}",
            ],
            Bodies());

        lakeFs.PutObject(Api.Repo, "dev", "data.csv", "1");
        var devCommit = await lakeFs.CommitAsync(Api.Repo, "dev", "data");
        await devCommit.WaitForPostRunsAsync();
        Bodies();
        var c2 = devCommit.Reference!;

        var merge = await lakeFs.MergeAsync(Api.Repo, "dev", "main");
        await merge.WaitForPostRunsAsync();
        var m = merge.Reference!;
        const string MergeFields = ",\"commit_message\":\"Merge 'dev' into 'main'\",\"committer\":\"admin\",\"commit_metadata\":{\".lakefs.merge.strategy\":\"default\"},\"merge_source\":\"dev\"}";
        Assert.Equal(
            [
                Prefix + "pre-merge" + Common + $",\"branch_id\":\"main\",\"source_ref\":\"{c2}\",\"commit_id\":\"{m}\"" + MergeFields,
                Prefix + "post-merge" + Common + $",\"branch_id\":\"main\",\"source_ref\":\"{m}\",\"commit_id\":\"{m}\"" + MergeFields,
            ],
            Bodies());

        await (await lakeFs.CreateTagAsync(Api.Repo, "v1", "main")).WaitForPostRunsAsync();
        await (await lakeFs.DeleteTagAsync(Api.Repo, "v1")).WaitForPostRunsAsync();
        Assert.Equal(
            [
                Prefix + "pre-create-tag" + Common + $",\"source_ref\":\"{m}\",\"tag_id\":\"v1\",\"commit_id\":\"{m}\"}}",
                Prefix + "post-create-tag" + Common + $",\"source_ref\":\"{m}\",\"tag_id\":\"v1\",\"commit_id\":\"{m}\"}}",
                Prefix + "pre-delete-tag" + Common + $",\"source_ref\":\"{m}\",\"tag_id\":\"v1\",\"commit_id\":\"{m}\"}}",
                Prefix + "post-delete-tag" + Common + $",\"source_ref\":\"{m}\",\"tag_id\":\"v1\",\"commit_id\":\"{m}\"}}",
            ],
            Bodies());

        await (await lakeFs.DeleteBranchAsync(Api.Repo, "dev")).WaitForPostRunsAsync();
        Assert.Equal(
            [
                Prefix + "pre-delete-branch" + Common + $",\"branch_id\":\"dev\",\"source_ref\":\"{c2}\"}}",
                Prefix + "post-delete-branch" + Common + $",\"branch_id\":\"dev\",\"source_ref\":\"{c2}\"}}",
            ],
            Bodies());
    }

    [Fact]
    public async Task The_request_is_a_POST_with_exactly_application_json_and_Go_user_agent()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url("/path?x=1"), events: "pre-commit"));

        await lakeFs.CommitAsync(Api.Repo, "main", "m");

        var request = Assert.Single(receiver.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/path?x=1", request.Target);
        Assert.Equal(["application/json"], request.Header("Content-Type"));
        Assert.Equal(["Go-http-client/1.1"], request.Header("User-Agent"));
        Assert.Equal(["gzip"], request.Header("Accept-Encoding"));
        Assert.Empty(request.Header("Authorization"));
        Assert.Equal([request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)], request.Header("Content-Length"));
        var call = Assert.Single(lakeFs.WebhookCalls);
        Assert.Equal(request.Body, call.Body);
        Assert.Equal("pre-commit", call.EventType);
        Assert.Equal(200, call.StatusCode);
    }

    [Fact]
    public async Task Strings_are_escaped_as_Go_escapes_them()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));

        await lakeFs.CommitAsync(Api.Repo, "main", "a\nb\t\"c\" \\ <x> & \u2028\u2029\u0001\u007f é 😀");

        var body = Assert.Single(receiver.Received).Body;
        Assert.Contains("\"commit_message\":\"a\\nb\\t\\\"c\\\" \\\\ \\u003cx\\u003e \\u0026 \\u2028\\u2029\\u0001\u007f é 😀\"", body);
    }

    [Fact]
    public async Task A_content_type_header_in_the_action_file_does_not_change_application_json()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), extraProperties: "      headers:\n        Content-Type: text/plain\n", events: "pre-commit"));

        await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(["application/json"], Assert.Single(receiver.Received).Header("Content-Type"));
    }

    [Fact]
    public async Task Pre_merge_reads_the_source_head_commit_so_an_action_only_on_the_destination_does_not_run()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutActionFile(Api.Repo, "main", "guard.yaml", ActionFile.Webhook("Guard", receiver.Url(), events: "pre-merge"));
        await lakeFs.CommitAsync(Api.Repo, "main", "guard merges");
        lakeFs.PutObject(Api.Repo, "dev", "x", "1");
        await lakeFs.CommitAsync(Api.Repo, "dev", "x");

        var merge = await lakeFs.MergeAsync(Api.Repo, "dev", "main");

        Assert.True(merge.Succeeded, merge.ToString());
        Assert.Empty(receiver.Received);
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task A_staged_action_file_on_the_source_does_not_count_for_a_merge_but_does_for_a_commit()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "dev", "x", "1");
        await lakeFs.CommitAsync(Api.Repo, "dev", "x");
        lakeFs.PutActionFile(Api.Repo, "dev", "guard.yaml", ActionFile.Webhook("Guard", receiver.Url(), events: ["pre-merge", "pre-commit"]));

        var merge = await lakeFs.MergeAsync(Api.Repo, "dev", "main");
        var commit = await lakeFs.CommitAsync(Api.Repo, "dev", "guard");

        Assert.True(merge.Succeeded && commit.Succeeded);
        Assert.Equal(["pre-commit"], receiver.Received.Select(static r => r.EventType));
    }
}
