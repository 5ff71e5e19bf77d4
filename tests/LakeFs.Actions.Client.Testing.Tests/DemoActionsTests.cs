using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>The demo repository runs real hooks against webhooks the emulator serves itself.</summary>
public sealed class DemoActionsTests
{
    private const string Repo = "api/v1/repositories/" + LakeFsActionsEmulator.DemoRepository;

    [Fact]
    public async Task A_WIP_commit_to_the_demo_repository_is_refused_by_a_demo_hook_and_a_normal_one_passes()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync();
        await lakeFs.SeedDemoActionsAsync();
        using var http = lakeFs.CreateHttpClient();
        var runsBefore = lakeFs.RunCount(LakeFsActionsEmulator.DemoRepository);
        lakeFs.PutObject(LakeFsActionsEmulator.DemoRepository, "main", "tables/a.csv", "1");

        var refused = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"WIP: half done\"}");
        var accepted = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"add table a\"}");
        await lakeFs.WaitForBackgroundRunsAsync();

        refused.Expect(HttpStatusCode.PreconditionFailed);
        Assert.Contains("hook 'no_wip': action failed: webhook request failed (status code: 400)", refused.Message);
        accepted.Expect(HttpStatusCode.Created);
        var (byCommit, _) = await Api.ListRunsAsync(http, $"?commit={accepted.Json.GetProperty("id").GetString()}", LakeFsActionsEmulator.DemoRepository);
        Assert.Equal(2, byCommit.Count);
        Assert.Equal(runsBefore + 3, lakeFs.RunCount(LakeFsActionsEmulator.DemoRepository));
        var failed = lakeFs.WebhookCalls.Single(c => c.StatusCode == 400);
        Assert.Contains("WIP: half done", failed.Body);
    }

    [Fact]
    public async Task Demo_actions_need_the_demo_repository()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => lakeFs.SeedDemoActionsAsync());
    }
}
