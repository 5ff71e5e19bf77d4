
namespace LakeFs.Actions.Client;

/// <summary>What every lakeFS client shares: one connection (HTTP client, request pipeline, options) and its disposal.</summary>
/// <remarks>
/// Modelled on Octokit's <c>ApiClient</c>: each resource client (<see cref="LakeFsActionsClient"/>,
/// <see cref="LakeFsRepositoriesClient"/>) derives from it and adds its operations; construction, the connection
/// and disposal are written here once. Clients registered together by dependency injection share one connection's
/// HTTP client (one pool) and options.
/// </remarks>
public abstract class LakeFsApiClient : IDisposable
{
    /// <summary>For mocking: a client without a connection (every operation must be overridden).</summary>
    protected LakeFsApiClient()
    {
        Connection = null!;
    }

    /// <summary>Over a connection, created for this client or shared with others.</summary>
    private protected LakeFsApiClient(LakeFsConnection connection)
    {
        Connection = connection;
    }

    /// <summary>The connection the client sends through.</summary>
    private protected LakeFsConnection Connection { get; }

    /// <summary>The generated REST client of the connection.</summary>
    private protected LakeFsRestClient Rest => Connection.Rest;

    /// <summary>The client's clock (retry delays, timeouts, polling).</summary>
    private protected TimeProvider Clock => Connection?.TimeProvider ?? TimeProvider.System;

    /// <summary>Disposes the connection pool when the client created it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client the client created (not one from <see cref="IHttpClientFactory"/>).</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection?.OwnedHttpClient?.Dispose();
        }
    }
}
