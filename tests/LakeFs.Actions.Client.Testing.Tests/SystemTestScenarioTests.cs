using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// Scenarios of lakeFS's own system tests for hook failures (esti), replayed against the emulator over HTTP:
/// an action file uploaded but not committed governs the operation that reads its branch.
/// </summary>
public sealed class SystemTestScenarioTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;

    [Fact]
    public async Task A_commit_is_refused_412_by_the_uncommitted_action_file_it_would_add()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(500));
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"feature-2\",\"source\":\"main\"}")).Expect(HttpStatusCode.Created);
        lakeFs.PutActionFile(Api.Repo, "feature-2", Guid.NewGuid().ToString(), ActionFile.Webhook("Fail", receiver.Url("/fail"), events: "pre-commit"));
        var head = lakeFs.GetBranchHead(Api.Repo, "feature-2");

        var commit = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/feature-2/commits", "{\"message\":\"Initial content\"}");

        commit.Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal(head, lakeFs.GetBranchHead(Api.Repo, "feature-2"));
    }

    [Fact]
    public async Task Creating_a_branch_from_a_branch_with_an_uncommitted_failing_action_is_412()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(500));
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"feature-3\",\"source\":\"main\"}")).Expect(HttpStatusCode.Created);
        lakeFs.PutActionFile(Api.Repo, "feature-3", Guid.NewGuid().ToString(), ActionFile.Webhook("Fail", receiver.Url("/fail"), events: "pre-create-branch"));

        var created = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"test_branch\",\"source\":\"feature-3\"}");

        created.Expect(HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("pre-create-branch hook aborted, run id '", created.Message, StringComparison.Ordinal);
        (await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/branches/test_branch")).Expect(HttpStatusCode.NotFound);
    }
}
