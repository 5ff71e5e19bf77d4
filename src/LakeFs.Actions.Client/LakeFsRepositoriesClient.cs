using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client;

/// <summary>
/// The lakeFS repositories client (the RepositoriesApi). Create one per lakeFS installation and share it: it is
/// thread-safe and holds one connection pool.
/// </summary>
/// <remarks>
/// With dependency injection,
/// <see cref="LakeFsServiceCollectionExtensions.AddLakeFsActionsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsClientOptions})"/>
/// registers it beside <see cref="ILakeFsActionsClient"/>, both over one connection pool and one set of options.
/// </remarks>
public partial class LakeFsRepositoriesClient : LakeFsApiClient, ILakeFsRepositoriesClient
{
    /// <summary>How many times the add/remove rule helpers read and write before giving up on a 412.</summary>
    public const int BranchProtectionAttempts = 5;

    /// <summary>Creates a client that talks to <see cref="LakeFsClientOptions.Endpoint"/> over its own connection pool.</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsRepositoriesClient(LakeFsClientOptions options)
        : this(options, transport: null, loggerFactory: null, timeProvider: null)
    {
    }

    /// <summary>Creates a client that sends its requests through <paramref name="transport"/> (which the caller keeps owning).</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <param name="transport">The innermost handler, e.g. a <see cref="SocketsHttpHandler"/> or a test double.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsRepositoriesClient(LakeFsClientOptions options, HttpMessageHandler transport)
        : this(options, transport ?? throw new ArgumentNullException(nameof(transport)), loggerFactory: null, timeProvider: null)
    {
    }

    /// <summary>Creates a client with logging and a clock of the caller's choosing (e.g. a fake clock in tests).</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <param name="transport">The innermost handler, owned by the caller; <c>null</c> uses a private <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="loggerFactory">Where to log; <c>null</c> for no logging.</param>
    /// <param name="timeProvider">The clock for retry delays, timeouts and task polling; <c>null</c> for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsRepositoriesClient(LakeFsClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
        : this(LakeFsConnection.Create(options, transport, loggerFactory, timeProvider))
    {
    }

    /// <summary>Over a connection shared with other clients (dependency injection).</summary>
    internal LakeFsRepositoriesClient(LakeFsConnection connection)
        : base(connection)
    {
    }

    /// <summary>For mocking.</summary>
    protected LakeFsRepositoriesClient()
    {
    }

    /// <inheritdoc />
    public virtual AsyncPageable<Repository> ListRepositoriesAsync(RepositoryQuery? query = null, CancellationToken cancellationToken = default) =>
        RepositoryListing.Create(Connection, query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Repository> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        return Rest.GetRepositoryAsync(repository, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<Repository> CreateRepositoryAsync(string name, string storageNamespace, CreateRepositoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        RepositoryCreationRules.ThrowIfInvalidName(name, nameof(name));
        RepositoryCreationRules.ThrowIfInvalidStorageNamespace(storageNamespace, nameof(storageNamespace));
        options ??= new CreateRepositoryOptions();
        var body = new RepositoryCreation
        {
            Name = name,
            StorageNamespace = storageNamespace,
            DefaultBranch = string.IsNullOrEmpty(options.DefaultBranch) ? null : options.DefaultBranch,
            SampleData = options.SampleData ? true : null,
            ReadOnly = options.ReadOnly ? true : null,
            StorageId = string.IsNullOrEmpty(options.StorageId) ? null : options.StorageId,
        };
        bool? bare = options.Bare ? true : null;
        try
        {
            return await Rest.CreateRepositoryAsync(bare, body, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (options.ExistOk && error.StatusCode == 409)
        {
            return await GetRepositoryAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public virtual Task DeleteRepositoryAsync(string repository, bool force = false, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        bool? forced = force ? true : null;
        return DeleteRepositoryCoreAsync(repository, forced, cancellationToken);
    }

    private async Task DeleteRepositoryCoreAsync(string repository, bool? forced, CancellationToken cancellationToken)
    {
        try
        {
            await Rest.DeleteRepositoryAsync(repository, forced, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (error.StatusCode == 404 && error.EarlierAttemptMayHaveActed)
        {
            // An earlier attempt failed after the server may have deleted the repository (a 5xx, a timeout, a lost
            // connection), and the retry finds it gone: that attempt did the deletion.
        }
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyDictionary<string, string>> GetRepositoryMetadataAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        var metadata = await Rest.GetRepositoryMetadataAsync(repository, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }
}
