using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using LakeFs.Actions.Client.Diagnostics;
using LakeFs.Actions.Client.Http;
using LakeFs.Actions.Client.Paging;
using LakeFs.Actions.Client.Watching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace LakeFs.Actions.Client;

/// <summary>
/// The lakeFS Actions client. Create one per lakeFS installation and share it: it is thread-safe and
/// holds one connection pool. With dependency injection, use
/// <see cref="LakeFsServiceCollectionExtensions.AddLakeFsActionsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsClientOptions})"/>.
/// </summary>
public class LakeFsActionsClient : ILakeFsActionsClient, IDisposable
{
    private readonly LakeFsRestClient _rest = null!;
    private readonly ResiliencePipeline _pipeline = null!;
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
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var handler = new LakeFsResponseHandler(loggerFactory?.CreateLogger<LakeFsActionsClient>(), timeProvider)
        {
            InnerHandler = transport ?? CreateDefaultTransport(),
        };
        _ownedHttpClient = new HttpClient(handler, disposeHandler: transport is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        (_rest, _pipeline, _options, _timeProvider) = Initialize(_ownedHttpClient, options, loggerFactory, timeProvider);
        _logger = loggerFactory?.CreateLogger<LakeFsActionsClient>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Used by dependency injection: the HTTP client comes from <see cref="IHttpClientFactory"/>.</summary>
    internal LakeFsActionsClient(HttpClient httpClient, LakeFsClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        (_rest, _pipeline, _options, _timeProvider) = Initialize(httpClient, options, loggerFactory, timeProvider);
        _logger = loggerFactory?.CreateLogger<LakeFsActionsClient>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>For mocking.</summary>
    protected LakeFsActionsClient()
    {
    }

    /// <summary>The primary handler the client uses unless given one: no automatic redirects, so credentials never follow a redirect to another host.</summary>
    internal static SocketsHttpHandler CreateDefaultTransport() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static (LakeFsRestClient, ResiliencePipeline, LakeFsClientOptions, TimeProvider) Initialize(
        HttpClient httpClient, LakeFsClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        var settings = options.Clone();
        var logger = loggerFactory?.CreateLogger<LakeFsActionsClient>() ?? (ILogger)NullLogger.Instance;
        var clock = timeProvider ?? TimeProvider.System;
        var rest = new LakeFsRestClient(httpClient)
        {
            BaseUrl = settings.ApiBaseUri!.AbsoluteUri,
            Authorization = CreateAuthorization(settings, logger),
        };
        return (rest, LakeFsRetryPipeline.Create(settings, clock, logger), settings, clock);
    }

    private static AuthenticationHeaderValue? CreateAuthorization(LakeFsClientOptions options, ILogger logger)
    {
        var bearer = !string.IsNullOrWhiteSpace(options.BearerToken);
        if (!bearer && string.IsNullOrWhiteSpace(options.AccessKeyId))
        {
            return null;
        }

        // Either kind of credential is readable by anyone on the path when sent over plain http.
        var endpoint = options.Endpoint!;
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            LakeFsLog.InsecureAuthentication(logger, bearer ? "Bearer" : "Basic", endpoint.Host);
        }

        if (bearer)
        {
            return new AuthenticationHeaderValue("Bearer", options.BearerToken);
        }

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.AccessKeyId + ":" + options.SecretAccessKey));
        return new AuthenticationHeaderValue("Basic", credentials);
    }

    /// <inheritdoc />
    public virtual AsyncPageable<ActionRun> ListRunsAsync(string repository, RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        query?.Validate();
        return new RunListing(
            repository,
            NullIfEmpty(query?.Branch),
            NullIfEmpty(query?.Commit),
            async (after, amount, branch, commit, token) =>
            {
                var page = await SendAsync("listRepositoryRuns", token, ct => _rest.ListRepositoryRunsAsync(repository, after, amount, branch, commit, ct)).ConfigureAwait(false);
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
        return TracedAsync("getRun", repository, cancellationToken, ct => _rest.GetRunAsync(repository, runId, ct));
    }

    /// <inheritdoc />
    public virtual AsyncPageable<HookRun> ListRunHooksAsync(string repository, string runId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(runId, nameof(runId));
        return new CursorPageable<HookRun>(
            "listRunHooks",
            repository,
            async (after, amount, token) =>
            {
                var page = await SendAsync("listRunHooks", token, ct => _rest.ListRunHooksAsync(repository, runId, after, amount, ct)).ConfigureAwait(false);
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
        return TracedAsync("getRunHookOutput", repository, cancellationToken, async ct =>
        {
            var file = await _rest.GetRunHookOutputAsync(repository, runId, hookRunId, ct).ConfigureAwait(false);
            return new HookOutput(file.Stream, FileName(file.Headers), Length(file.Headers), file);
        });
    }

    /// <inheritdoc />
    public virtual AsyncPageable<Repository> ListRepositoriesAsync(RepositoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        if (query?.PageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"{nameof(RepositoryQuery.PageSize)} must be at least 1.");
        }

        var prefix = NullIfEmpty(query?.Prefix);
        var search = NullIfEmpty(query?.Search);
        return new CursorPageable<Repository>(
            "listRepositories",
            repository: null,
            async (after, amount, token) =>
            {
                var page = await SendAsync("listRepositories", token, ct => _rest.ListRepositoriesAsync(prefix, after, amount, search, ct)).ConfigureAwait(false);
                return new CursorPage<Repository>(page.Results, page.Pagination);
            },
            query?.PageSize ?? _options.PageSize,
            _options.PrefetchNextPage,
            filter: null,
            stopBefore: null,
            cancellationToken)
        {
            Logger = _logger,
        };
    }

    /// <inheritdoc />
    public virtual Task<Repository> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        return TracedAsync("getRepository", repository, cancellationToken, ct => _rest.GetRepositoryAsync(repository, ct));
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

    private async Task<T> TracedAsync<T>(string operation, string repository, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> call)
    {
        using var activity = LakeFsTelemetry.StartOperation(operation, repository);
        var result = await SendAsync(operation, cancellationToken, call).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Ok);
        return result;
    }

    /// <summary>Runs one request (and the reading of its body) in the retry pipeline and translates failures.</summary>
    private async Task<T> SendAsync<T>(string operation, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> call)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(LakeFsRetryPipeline.OperationKey, operation);
        var attempts = new StrongBox<int>();
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    state.attempts.Value++;
                    return await state.call(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                },
                context,
                (call, attempts)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var translated = Translate(error, operation, attempts.Value);
            LakeFsTelemetry.CurrentOperation?.SetStatus(ActivityStatusCode.Error, translated.Message);
            if (ReferenceEquals(translated, error))
            {
                throw;
            }

            throw translated;
        }
        finally
        {
            LakeFsTelemetry.AddAttempts(attempts.Value);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Exception Translate(Exception error, string operation, int attempts)
    {
        switch (error)
        {
            case LakeFsApiException api:
                api.Operation ??= operation;
                api.Attempts = Math.Max(attempts, 1);
                return api;
            case LakeFsRestException rest:
                // A JSON error message can quote the offending value, which a hostile server can make huge.
                var detail = LakeFsErrorResponse.Snippet(rest.InnerException?.Message ?? rest.Message);
                return new LakeFsApiException(rest.StatusCode, $"The server's response could not be read as lakeFS JSON: {detail}", requestId: RequestId(rest), operation: operation, innerException: rest.InnerException ?? rest)
                {
                    Attempts = Math.Max(attempts, 1),
                };
            case Polly.Timeout.TimeoutRejectedException:
                return new LakeFsApiException(0, $"The server did not answer within {_options.Timeout}.", operation: operation, innerException: error) { Attempts = Math.Max(attempts, 1) };
            case HttpRequestException or IOException or OperationCanceledException:
                return new LakeFsApiException(0, $"Could not talk to lakeFS at {_options.Endpoint!.GetLeftPart(UriPartial.Authority)}: {error.Message}", operation: operation, innerException: error) { Attempts = Math.Max(attempts, 1) };
            default:
                return error;
        }
    }

    private static string? RequestId(LakeFsRestException error) =>
        error.Headers is not null && error.Headers.TryGetValue("X-Request-ID", out var values) ? values.FirstOrDefault() : null;

    private static string? FileName(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (headers.TryGetValue("Content-Disposition", out var values)
            && ContentDispositionHeaderValue.TryParse(values.FirstOrDefault(), out var disposition))
        {
            return (disposition.FileNameStar ?? disposition.FileName)?.Trim('"');
        }

        return null;
    }

    private static long? Length(IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
        headers.TryGetValue("Content-Length", out var values) && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            ? length
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
