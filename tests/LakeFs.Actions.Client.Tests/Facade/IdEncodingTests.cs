using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Ids travel as one percent-encoded path segment; ids that cannot be one are refused before any request.</summary>
public sealed class IdEncodingTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();

    public void Dispose() => _lakeFs.Dispose();

    [Theory]
    [InlineData("team/data", "team%2Fdata")]
    [InlineData("what?x", "what%3Fx")]
    [InlineData("tag#1", "tag%231")]
    [InlineData("my repo", "my%20repo")]
    [InlineData("données-✓", "donn%C3%A9es-%E2%9C%93")]
    [InlineData("a.b", "a.b")]
    public async Task A_repository_id_is_sent_as_one_encoded_segment(string id, string segment)
    {
        using var client = _lakeFs.Client();

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRunAsync(id, "r1"));

        Assert.Equal($"/api/v1/repositories/{segment}/actions/runs/r1", Assert.Single(_lakeFs.RequestTargets));
    }

    [Fact]
    public async Task Run_and_hook_run_ids_are_encoded_too()
    {
        using var client = _lakeFs.Client();

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetHookOutputAsync("repo", "run/1?", "hook #1"));

        Assert.Equal("/api/v1/repositories/repo/actions/runs/run%2F1%3F/hooks/hook%20%231/output", Assert.Single(_lakeFs.RequestTargets));
    }

    // WireMock reports a re-encoded URL after Kestrel decoded it once, so it cannot show whether a '%' in an
    // id was sent as %25; the emulator records the raw request target and decodes each segment like lakeFS.
    [Theory]
    [InlineData("50%")]
    [InlineData("%2F")]
    [InlineData("%2E%2E")]
    [InlineData("a/../b")]
    [InlineData("q?x#y z/é")]
    public async Task Ids_reach_the_intended_route_of_a_server_that_decodes_each_segment(string id)
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(id);
        var runId = lakeFs.AddRun(id, "main", "c0ffee", "post-commit", [EmulatedHook.Completed("check", "lint", "log of " + id)]);
        var options = new LakeFsClientOptions { Endpoint = lakeFs.Endpoint, AccessKeyId = lakeFs.AccessKeyId, SecretAccessKey = lakeFs.SecretAccessKey };
        using var client = new LakeFsActionsClient(options);
        using var repositories = new LakeFsRepositoriesClient(options);

        var repository = await repositories.GetRepositoryAsync(id);
        var run = await client.GetRunAsync(id, runId);
        var hook = Assert.Single(await client.ListRunHooksAsync(id, runId).ToListAsync());
        await using var output = await client.GetHookOutputAsync(id, runId, hook.HookRunId);

        Assert.Equal(id, repository.Id);
        Assert.Equal(runId, run.RunId);
        Assert.Equal("log of " + id, await output.ReadAsStringAsync());
        var encoded = Uri.EscapeDataString(id);
        Assert.All(lakeFs.ReceivedRequests, r => Assert.StartsWith("/api/v1/repositories/" + encoded + (r.Operation == "getRepository" ? "" : "/"), r.Target, StringComparison.Ordinal));
    }

    public static TheoryData<string?> InvalidIds => new() { null, "", " ", "\t\n", ".", ".." };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void An_invalid_id_throws_naming_the_parameter_before_any_request(string? id)
    {
        using var client = _lakeFs.Client();
        using var repositories = _lakeFs.RepositoriesClient();

        var calls = new (string Parameter, Action Call)[]
        {
            ("repository", () => client.ListRunsAsync(id!)),
            ("repository", () => client.GetRunAsync(id!, "r1")),
            ("runId", () => client.GetRunAsync("repo", id!)),
            ("repository", () => client.ListRunHooksAsync(id!, "r1")),
            ("runId", () => client.ListRunHooksAsync("repo", id!)),
            ("repository", () => client.GetHookOutputAsync(id!, "r1", "0000_0000")),
            ("runId", () => client.GetHookOutputAsync("repo", id!, "0000_0000")),
            ("hookRunId", () => client.GetHookOutputAsync("repo", "r1", id!)),
            ("repository", () => repositories.GetRepositoryAsync(id!)),
            ("repository", () => client.WatchRunsAsync(id!)),
        };

        foreach (var (parameter, call) in calls)
        {
            var error = Assert.ThrowsAny<ArgumentException>(call);
            Assert.Equal(parameter, error.ParamName);
        }

        Assert.Empty(_lakeFs.Requests);
    }
}
