using System.Text;
using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Each operation sends exactly the path, query string and Authorization header lakeFS expects.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private static readonly string BasicCredentials =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WireMockLakeFs.AccessKeyId + ":" + WireMockLakeFs.SecretAccessKey));

    private readonly WireMockLakeFs _lakeFs = new();

    public RequestShapeTests()
    {
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(false, "r1"));
        _lakeFs.Json("/repositories/repo/actions/runs/r1", Run("r1").ToString());
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", Page([Hook("0000_0000")]));
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1/repositories/repo/actions/runs/r1/hooks/0000_0000/output").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/octet-stream").WithBody("log"));
        _lakeFs.Json("/repositories", Page([Repository("repo")]));
        _lakeFs.Json("/repositories/repo", Repository("repo").ToString());
    }

    public void Dispose() => _lakeFs.Dispose();

    [Fact]
    public async Task ListRuns_sends_after_amount_and_branch()
    {
        using var client = _lakeFs.Client();

        await foreach (var page in client.ListRunsAsync("repo", new RunQuery { Branch = "main", PageSize = 25 }).AsPages("r0"))
        {
            Assert.Single(page.Values);
        }

        Assert.Equal(["/api/v1/repositories/repo/actions/runs?after=r0&amount=25&branch=main"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task ListRuns_sends_a_full_commit_id_as_is_and_starts_its_range_before_every_run_id()
    {
        using var client = _lakeFs.Client();
        var commit = new string('c', 64);

        await foreach (var _ in client.ListRunsAsync("repo", new RunQuery { Commit = commit, PageSize = 25 }))
        {
        }

        Assert.Equal([$"/api/v1/repositories/repo/actions/runs?after=-&amount=25&commit={commit}"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task ListRuns_without_a_query_sends_no_query_string()
    {
        using var client = _lakeFs.Client();

        await foreach (var _ in client.ListRunsAsync("repo"))
        {
        }

        Assert.Equal(["/api/v1/repositories/repo/actions/runs"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task GetRun_sends_the_run_path()
    {
        using var client = _lakeFs.Client();

        var run = await client.GetRunAsync("repo", "r1");

        Assert.Equal("r1", run.RunId);
        Assert.Equal(["/api/v1/repositories/repo/actions/runs/r1"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task ListRunHooks_sends_after_and_amount()
    {
        using var client = _lakeFs.Client(o => o.PageSize = 7);

        await foreach (var page in client.ListRunHooksAsync("repo", "r1").AsPages("0000"))
        {
            Assert.Single(page.Values);
        }

        Assert.Equal(["/api/v1/repositories/repo/actions/runs/r1/hooks?after=0000&amount=7"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task GetHookOutput_sends_the_output_path()
    {
        using var client = _lakeFs.Client();

        await using var output = await client.GetHookOutputAsync("repo", "r1", "0000_0000");

        Assert.Equal("log", await output.ReadAsStringAsync());
        Assert.Equal(["/api/v1/repositories/repo/actions/runs/r1/hooks/0000_0000/output"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task ListRepositories_sends_prefix_after_amount_and_search()
    {
        using var client = _lakeFs.RepositoriesClient();

        await foreach (var page in client.ListRepositoriesAsync(new RepositoryQuery { Prefix = "re", Search = "po", PageSize = 3 }).AsPages("ra"))
        {
            Assert.Equal("repo", Assert.Single(page.Values).Id);
        }

        Assert.Equal(["/api/v1/repositories?prefix=re&after=ra&amount=3&search=po"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task GetRepository_sends_the_repository_path()
    {
        using var client = _lakeFs.RepositoriesClient();

        var repository = await client.GetRepositoryAsync("repo");

        Assert.Equal("repo", repository.Id);
        Assert.Equal(["/api/v1/repositories/repo"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task Every_operation_sends_basic_credentials()
    {
        using var client = _lakeFs.Client();
        using var repositories = _lakeFs.RepositoriesClient();

        await CallEveryOperationAsync(client, repositories);

        Assert.Equal(6, _lakeFs.Requests.Count);
        Assert.All(_lakeFs.Requests, e => Assert.Equal(BasicCredentials, e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Every_operation_sends_the_bearer_token_instead_of_keys()
    {
        using var client = _lakeFs.Client(o => (o.AccessKeyId, o.SecretAccessKey, o.BearerToken) = (null, null, "eyJhbGciOiJIUzI1NiJ9.jwt.sig"));
        using var repositories = _lakeFs.RepositoriesClient(o => (o.AccessKeyId, o.SecretAccessKey, o.BearerToken) = (null, null, "eyJhbGciOiJIUzI1NiJ9.jwt.sig"));

        await CallEveryOperationAsync(client, repositories);

        Assert.Equal(6, _lakeFs.Requests.Count);
        Assert.All(_lakeFs.Requests, e => Assert.Equal("Bearer eyJhbGciOiJIUzI1NiJ9.jwt.sig", e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task No_credentials_send_no_authorization_header()
    {
        using var client = _lakeFs.RepositoriesClient(o => (o.AccessKeyId, o.SecretAccessKey) = (null, null));

        await client.GetRepositoryAsync("repo");

        Assert.False(Assert.Single(_lakeFs.Requests).RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/")]
    [InlineData("/API/V1")]
    public async Task Endpoint_with_or_without_the_api_suffix_reaches_the_same_route(string suffix)
    {
        using var client = _lakeFs.RepositoriesClient(o => o.Endpoint = new Uri(_lakeFs.Server.Url + suffix));

        await client.GetRepositoryAsync("repo");

        Assert.Equal(["/api/v1/repositories/repo"], _lakeFs.RequestTargets);
    }

    [Theory]
    [InlineData("/lakefs")]
    [InlineData("/lakefs/")]
    [InlineData("/lakefs/api/v1")]
    [InlineData("/lakefs/api/v1/")]
    public async Task Endpoint_with_a_base_path_keeps_it(string basePath)
    {
        _lakeFs.Server.Given(Request.Create().WithPath("/lakefs/api/v1/repositories/repo").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Repository("behind-proxy").ToString()));
        using var client = _lakeFs.RepositoriesClient(o => o.Endpoint = new Uri(_lakeFs.Server.Url + basePath));

        var repository = await client.GetRepositoryAsync("repo");

        Assert.Equal("behind-proxy", repository.Id);
        Assert.Equal(["/lakefs/api/v1/repositories/repo"], _lakeFs.RequestTargets);
    }

    private static async Task CallEveryOperationAsync(ILakeFsActionsClient client, ILakeFsRepositoriesClient repositories)
    {
        await foreach (var _ in client.ListRunsAsync("repo"))
        {
        }

        await client.GetRunAsync("repo", "r1");
        await foreach (var _ in client.ListRunHooksAsync("repo", "r1"))
        {
        }

        await using (var output = await client.GetHookOutputAsync("repo", "r1", "0000_0000"))
        {
            await output.ReadAsStringAsync();
        }

        await foreach (var _ in repositories.ListRepositoriesAsync())
        {
        }

        await repositories.GetRepositoryAsync("repo");
    }
}
