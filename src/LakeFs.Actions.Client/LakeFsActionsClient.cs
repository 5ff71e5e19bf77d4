using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client;

/// <summary>
/// The lakeFS Actions client. Create one per lakeFS installation and share it: it is thread-safe and
/// holds one connection pool. With dependency injection, use
/// <see cref="LakeFsServiceCollectionExtensions.AddLakeFsActionsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsClientOptions})"/>.
/// </summary>
public class LakeFsActionsClient : LakeFsApiClient, ILakeFsActionsClient
{
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
        : base(connection)
    {
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
        return new RunListing(Connection, repository, query, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ActionRun> GetRunAsync(string repository, string runId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        return Rest.GetRunAsync(repository, runId, cancellationToken);
    }

    /// <inheritdoc />
    public virtual AsyncPageable<HookRun> ListRunHooksAsync(string repository, string runId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        return Connection.Paged<HookRun>(LakeFsRestClient.Operations.ListRunHooks, repository, async (after, amount, ct) => await Rest.ListRunHooksAsync(repository, runId, after, amount, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<HookOutput> GetHookOutputAsync(string repository, string runId, string hookRunId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        LakeFsId.ThrowIfInvalid(hookRunId, nameof(hookRunId));
        return ReadHookOutputAsync(Rest.GetRunHookOutputAsync(repository, runId, hookRunId, cancellationToken), cancellationToken);
    }

    private static async Task<HookOutput> ReadHookOutputAsync(Task<HttpResponseMessage> answer, CancellationToken cancellationToken) =>
        await HookOutputReader.ReadAsync(await answer.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ActionRun> WatchRunsAsync(string repository, RunQuery? query = null, WatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        query?.Validate();
        options ??= new WatchOptions();
        options.Validate();
        return new RunWatch((runQuery, token) => ListRunsAsync(repository, runQuery, token), Clock)
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
        return new RunsWait(Clock).WaitAsync(token => WatchRunsAsync(repository, query, watch, token), events, watch.PollInterval, options.OnRun, cancellationToken);
    }
}
