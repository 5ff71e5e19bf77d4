using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeFs.Actions.Client;

/// <summary>
/// How a client reaches one lakeFS installation, built once from its options: the HTTP client (its own
/// connection pool, or one from <see cref="IHttpClientFactory"/>), the Authorization header, the REST client
/// and the request pipeline.
/// </summary>
internal sealed class LakeFsConnection
{
    private LakeFsConnection(LakeFsClientOptions settings, LakeFsRestClient rest, LakeFsRequestPipeline pipeline, TimeProvider timeProvider, ILogger logger, HttpClient? ownedHttpClient)
    {
        Logger = logger;
        Options = settings;
        Rest = rest;
        Pipeline = pipeline;
        TimeProvider = timeProvider;
        OwnedHttpClient = ownedHttpClient;
    }

    /// <summary>A private copy of the options the client was created with.</summary>
    public LakeFsClientOptions Options { get; }

    public LakeFsRestClient Rest { get; }

    public LakeFsRequestPipeline Pipeline { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The client's logger (a null logger when none was given).</summary>
    public ILogger Logger { get; }

    /// <summary>The HTTP client this connection created and must dispose; null when it came from the caller's factory.</summary>
    public HttpClient? OwnedHttpClient { get; }

    /// <summary>A cursor listing of <paramref name="operation"/> with the client's page size, prefetch and logger: one line per paged operation.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="operation">The listing's operation (its activity and errors); the pipeline checks that <paramref name="fetch"/> sends it.</param>
    /// <param name="repository">The repository listed in, for traces; null when none.</param>
    /// <param name="fetch">Fetches the page after a cursor with a page size: the generated method of <paramref name="operation"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <param name="pageSize">The page size when the caller asked for one; null for <see cref="LakeFsClientOptions.PageSize"/>.</param>
    /// <param name="filter">Client-side filter; null for none.</param>
    /// <param name="stopBefore">Ends the listing at the first item for which it is true; null for none.</param>
    /// <returns>The listing; nothing is sent until it is enumerated.</returns>
    public CursorPageable<T> Paged<T>(
        LakeFsOperation operation,
        string? repository,
        Func<string?, int?, CancellationToken, Task<ICursorPage<T>>> fetch,
        CancellationToken cancellationToken,
        int? pageSize = null,
        Func<T, bool>? filter = null,
        Func<T, bool>? stopBefore = null) =>
        new(Pipeline, operation, repository, fetch, pageSize ?? Options.PageSize, Options.PrefetchNextPage, filter, stopBefore, cancellationToken) { Logger = Logger };

    /// <summary>A connection over its own <see cref="HttpClient"/>, sending through <paramref name="transport"/> (kept by the caller) or a private handler.</summary>
    public static LakeFsConnection Create(LakeFsClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var handler = new LakeFsResponseHandler(loggerFactory?.CreateLogger<LakeFsActionsClient>(), timeProvider)
        {
            InnerHandler = transport ?? CreateDefaultTransport(),
        };
        var httpClient = new HttpClient(handler, disposeHandler: transport is null) { Timeout = Timeout.InfiniteTimeSpan };
        return Create(httpClient, owned: true, options, loggerFactory, timeProvider);
    }

    /// <summary>A connection over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (its handlers include <see cref="LakeFsResponseHandler"/>).</summary>
    public static LakeFsConnection Create(HttpClient httpClient, LakeFsClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return Create(httpClient, owned: false, options, loggerFactory, timeProvider);
    }

    /// <summary>The primary handler the client uses unless given one: no automatic redirects, so credentials never follow a redirect to another host.</summary>
    public static SocketsHttpHandler CreateDefaultTransport() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static LakeFsConnection Create(HttpClient httpClient, bool owned, LakeFsClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        var settings = options.Clone();
        var logger = loggerFactory?.CreateLogger<LakeFsActionsClient>() ?? (ILogger)NullLogger.Instance;
        var clock = timeProvider ?? TimeProvider.System;
        var pipeline = new LakeFsRequestPipeline(settings, clock, logger);
        var rest = new LakeFsRestClient(httpClient, pipeline, clock, settings.ApiBaseUri!.AbsoluteUri, CreateAuthorization(settings, logger), settings.MaxResponseBodySize);
        return new LakeFsConnection(settings, rest, pipeline, clock, logger, owned ? httpClient : null);
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
}
