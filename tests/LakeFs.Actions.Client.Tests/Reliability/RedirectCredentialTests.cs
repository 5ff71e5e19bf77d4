using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Server A redirects to server B (another port on another host name): B must never receive the
/// Authorization header, whichever way the client is built.
/// </summary>
public sealed class RedirectCredentialTests : IDisposable
{
    private const string RepositoryPath = "/api/v1/repositories/repo";
    private const string RepositoryJson = """{"id":"repo","creation_date":1700000000,"default_branch":"main","storage_namespace":"s3://bucket/repo"}""";

    private readonly WireMockServer _a = WireMockServer.Start();
    private readonly WireMockServer _b = WireMockServer.Start();

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    /// <summary>A at 127.0.0.1; B named by 'localhost', so the redirect crosses both port and host name.</summary>
    private Uri EndpointA => new($"http://127.0.0.1:{_a.Ports[0]}/");

    private string LocationB => $"http://localhost:{_b.Ports[0]}{RepositoryPath}";

    private void Redirect(int status)
    {
        _a.Given(Request.Create().WithPath(RepositoryPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", LocationB));
        _b.Given(Request.Create().WithPath(RepositoryPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(RepositoryJson));
    }

    private LakeFsClientOptions Options() => new()
    {
        Endpoint = EndpointA,
        AccessKeyId = "AKIAREDIRECT",
        SecretAccessKey = "redirect-secret",
        Retry = { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) },
    };

    private void AssertBNeverSawCredentials()
    {
        Assert.All(_b.LogEntries, e => Assert.False(
            e.RequestMessage.Headers?.ContainsKey("Authorization") == true,
            "server B received an Authorization header"));
    }

    private void AssertASawCredentials() =>
        Assert.All(_a.LogEntries, e => Assert.StartsWith("Basic ", e.RequestMessage.Headers!["Authorization"].Single(), StringComparison.Ordinal));

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_default_client_does_not_follow_a_redirect(int status)
    {
        Redirect(status);
        using var client = new LakeFsRepositoriesClient(Options());

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.Single(_a.LogEntries);
        AssertASawCredentials();
        Assert.Empty(_b.LogEntries);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task The_client_from_dependency_injection_does_not_follow_a_redirect(int status)
    {
        Redirect(status);
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(options =>
        {
            options.Endpoint = EndpointA;
            options.AccessKeyId = "AKIAREDIRECT";
            options.SecretAccessKey = "redirect-secret";
            options.Retry.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ILakeFsRepositoriesClient>();
        var keyed = provider.GetRequiredKeyedService<ILakeFsRepositoriesClient>(Microsoft.Extensions.Options.Options.DefaultName);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));
        var keyedError = await Assert.ThrowsAsync<LakeFsApiException>(() => keyed.GetRepositoryAsync("repo"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(status, keyedError.StatusCode);
        Assert.Equal(2, _a.LogEntries.Count());
        AssertASawCredentials();
        Assert.Empty(_b.LogEntries);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_caller_transport_that_follows_redirects_drops_the_credentials_at_the_other_host(int status)
    {
        Redirect(status);
        using var transport = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var client = new LakeFsRepositoriesClient(Options(), transport);

        var repository = await client.GetRepositoryAsync("repo");

        Assert.Equal("repo", repository.Id);
        Assert.Single(_a.LogEntries);
        AssertASawCredentials();
        Assert.Single(_b.LogEntries);
        AssertBNeverSawCredentials();
    }
}
