using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>AddLakeFsActionsClient registers the repositories client beside the actions client, over one connection pool and one set of options.</summary>
public sealed class RepositoriesDependencyInjectionTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();

    public RepositoriesDependencyInjectionTests() => _lakeFs.Json("/repositories/repo", Repository("repo").ToString());

    public void Dispose() => _lakeFs.Dispose();

    [Fact]
    public async Task Both_clients_resolve_and_share_one_primary_handler_and_the_registrations_handlers()
    {
        var primaryHandlers = 0;
        var seenByHandler = 0;
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, "AK", "SK"))
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref primaryHandlers);
                return new SocketsHttpHandler();
            })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref seenByHandler)));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var actions = provider.GetRequiredService<ILakeFsActionsClient>();
        var repositories = provider.GetRequiredService<ILakeFsRepositoriesClient>();
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(false, "r1"));
        await actions.ListRunsAsync("repo").ToListAsync();
        await repositories.GetRepositoryAsync("repo");
        await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.IsType<LakeFsRepositoriesClient>(repositories);
        Assert.Equal(1, primaryHandlers);
        Assert.Equal(3, seenByHandler);
        Assert.Equal(3, _lakeFs.Requests.Count);
    }

    [Fact]
    public async Task Named_registrations_resolve_a_keyed_repositories_client_with_their_own_settings()
    {
        using var other = new WireMockLakeFs();
        other.Json("/repositories/repo", Repository("repo").ToString());
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient("first", o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, "AK", "SK"));
        services.AddLakeFsActionsClient("second", o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (other.Endpoint, "AK2", "SK2"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredKeyedService<ILakeFsRepositoriesClient>("second").GetRepositoryAsync("repo");

        Assert.Empty(_lakeFs.Requests);
        Assert.Single(other.Requests);
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
