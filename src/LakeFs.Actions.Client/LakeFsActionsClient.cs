using LakeFs.Actions.Client.Http;
using LakeFs.Actions.Client.Paging;
using LakeFs.Actions.Client.Watching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeFs.Actions.Client;

/// <summary>
/// The lakeFS Actions client. Create one per lakeFS installation and share it: it is thread-safe and
/// holds one connection pool. With dependency injection, use
/// <see cref="LakeFsServiceCollectionExtensions.AddLakeFsActionsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsClientOptions})"/>.
/// </summary>
public class LakeFsActionsClient : ILakeFsActionsClient, IDisposable
{
    private readonly LakeFsConnection _connection = null!;
    private readonly LakeFsRestClient _rest = null!;
    private readonly LakeFsRequestPipeline _pipeline = null!;
    private readonly LakeFsClientOptions _options = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ILogger _logger = NullLogger.Instance;

    /// <summary>Creates a client that talks to <see cref="LakeFsClientOptions.Endpoint"/> over its own connection pool.</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsActionsClient(LakeFsClientOptions options)
        : this(options, transport: null, loggerFactory: null, timeProvider: null)
    {
    }

    /// <summary>Creates a client that sends its requests through <paramref name="transport"/> (which the caller keeps owning).</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <param name="transport">The innermost handler, e.g. a <see cref="SocketsHttpHandler"/> or a test double.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsActionsClient(LakeFsClientOptions options, HttpMessageHandler transport)
        : this(options, transport ?? throw new ArgumentNullException(nameof(transport)), loggerFactory: null, timeProvider: null)
    {
    }

    /// <summary>Creates a client with logging and a clock of the caller's choosing (e.g. a fake clock in tests).</summary>
    /// <param name="options">Endpoint, credentials, retry and paging settings.</param>
    /// <param name="transport">The innermost handler, owned by the caller; <c>null</c> uses a private <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="loggerFactory">Where to log; <c>null</c> for no logging.</param>
    /// <param name="timeProvider">The clock for retry delays, timeouts and polling; <c>null</c> for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public LakeFsActionsClient(LakeFsClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
        : this(LakeFsConnection.Create(options, transport, loggerFactory, timeProvider))
    {
    }

    /// <summary>Over a connection shared with other clients (dependency injection).</summary>
    internal LakeFsActionsClient(LakeFsConnection connection)
    {
        _connection = connection;
        (_rest, _pipeline, _options, _timeProvider, _logger, _ownedHttpClient) = (connection.Rest, connection.Pipeline, connection.Options, connection.TimeProvider, connection.Logger, connection.OwnedHttpClient);
    }

    /// <summary>For mocking.</summary>
    protected LakeFsActionsClient()
    {
    }

    /// <inheritdoc />
    public virtual AsyncPageable<ActionRun> ListRunsAsync(string repository, RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        query?.Validate();
        var operation = LakeFsRestClient.Operations.ListRepositoryRuns;
        return new RunListing(
            _pipeline,
            repository,
            NullIfEmpty(query?.Branch),
            NullIfEmpty(query?.Commit),
            async (after, amount, branch, commit, token) =>
            {
                var page = await _pipeline.SendAsync(operation, token, ct => _rest.ListRepositoryRunsAsync(repository, after, amount, branch, commit, ct)).ConfigureAwait(false);
                return new CursorPage<ActionRun>(page.Results, page.Pagination);
            },
            query?.PageSize ?? _options.PageSize,
            _options.PrefetchNextPage,
            query is { HasClientFilter: true } ? query.Matches : null,
            query?.Since is not null ? query.IsPastSince : null,
            _logger,
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ActionRun> GetRunAsync(string repository, string runId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        return _pipeline.RunAsync(LakeFsRestClient.Operations.GetRun, repository, cancellationToken, ct => _rest.GetRunAsync(repository, runId, ct));
    }

    /// <inheritdoc />
    public virtual AsyncPageable<HookRun> ListRunHooksAsync(string repository, string runId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        var operation = LakeFsRestClient.Operations.ListRunHooks;
        return new CursorPageable<HookRun>(
            _pipeline,
            operation,
            repository,
            async (after, amount, token) =>
            {
                var page = await _pipeline.SendAsync(operation, token, ct => _rest.ListRunHooksAsync(repository, runId, after, amount, ct)).ConfigureAwait(false);
                return new CursorPage<HookRun>(page.Results, page.Pagination);
            },
            _options.PageSize,
            _options.PrefetchNextPage,
            filter: null,
            stopBefore: null,
            cancellationToken)
        {
            Logger = _logger,
        };
    }

    /// <inheritdoc />
    public virtual Task<HookOutput> GetHookOutputAsync(string repository, string runId, string hookRunId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        LakeFsId.ThrowIfInvalid(hookRunId, nameof(hookRunId));
        return _pipeline.RunAsync(LakeFsRestClient.Operations.GetRunHookOutput, repository, cancellationToken, async ct =>
        {
            var response = await _rest.GetRunHookOutputAsync(repository, runId, hookRunId, ct).ConfigureAwait(false);
            return await HookOutputReader.ReadAsync(response, ct).ConfigureAwait(false);
        });
    }

    /// <inheritdoc />
    public virtual AsyncPageable<Repository> ListRepositoriesAsync(RepositoryQuery? query = null, CancellationToken cancellationToken = default) =>
        RepositoryListing.Create(_connection, query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Repository> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        return _pipeline.RunAsync(LakeFsRestClient.Operations.GetRepository, repository, cancellationToken, ct => _rest.GetRepositoryAsync(repository, ct));
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ActionRun> WatchRunsAsync(string repository, RunQuery? query = null, WatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        query?.Validate();
        options ??= new WatchOptions();
        options.Validate();
        return new RunWatch((runQuery, token) => ListRunsAsync(repository, runQuery, token), _timeProvider)
            .WatchAsync(repository, query ?? new RunQuery(), options.Clone(), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<RunsVerdict> WaitForRunsAsync(string repository, RunQuery query, RunWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(query);
        options ??= new RunWaitOptions();
        options.Validate();
        var watch = options.Watch.Clone();
        var events = options.Events.Count > 0 ? options.Events.ToArray() : query.EventType is { } eventType ? [eventType] : [];
        return new RunsWait(_timeProvider).WaitAsync(token => WatchRunsAsync(repository, query, watch, token), events, watch.PollInterval, options.OnRun, cancellationToken);
    }

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
            _ownedHttpClient?.Dispose();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
