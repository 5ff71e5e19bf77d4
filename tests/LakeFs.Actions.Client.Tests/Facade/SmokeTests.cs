using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LakeFs.Actions.Client.Tests.Facade;

public class SmokeTests
{
    [Fact]
    public async Task Three_pages_are_followed()
    {
        using var server = WireMockServer.Start();
        string Page(string ids, bool more, string next) =>
            "{\"pagination\":{\"has_more\":" + (more ? "true" : "false") + ",\"next_offset\":\"" + next + "\",\"results\":1,\"max_per_page\":1000},\"results\":[" +
            string.Join(",", ids.Split(',').Select(id => "{\"run_id\":\"" + id + "\",\"branch\":\"main\",\"start_time\":\"2026-01-01T00:00:00Z\",\"end_time\":\"2026-01-01T00:00:01Z\",\"event_type\":\"post-commit\",\"status\":\"completed\",\"commit_id\":\"c\"}")) + "]}";
        server.Given(Request.Create().WithPath("/api/v1/repositories/repo/actions/runs").WithParam("after", "b").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Page("c", false, "")));
        server.Given(Request.Create().WithPath("/api/v1/repositories/repo/actions/runs").WithParam("after", "a").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Page("b", true, "b")));
        server.Given(Request.Create().WithPath("/api/v1/repositories/repo/actions/runs").WithParam(p => !p.ContainsKey("after")).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Page("a", true, "a")));

        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri(server.Url!), AccessKeyId = "AK", SecretAccessKey = "SK" });
        var ids = new List<string>();
        await foreach (var run in client.ListRunsAsync("repo"))
        {
            ids.Add(run.RunId);
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.All(server.LogEntries, e => Assert.Equal("Basic QUs6U0s=", e.RequestMessage.Headers!["Authorization"].Single()));
    }
}
