using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// An in-process lakeFS server for the Actions endpoints and the RepositoriesApi, with real lakeFS semantics:
/// newest-first run ids, exclusive <c>after</c> cursors, <c>has_more</c> by peeking, skipped hooks with Go's zero
/// time, streamed hook output, 404 for an unknown repository on every endpoint; repository create (409, bare,
/// namespace checks), delete (403 read-only without force, 410 after a failed delete, resumed by the next),
/// metadata, GC rules (404 when unset, <c>"branches": null</c>), branch protection (unquoted ETag, If-Match, 412),
/// dump and restore tasks that progress on the emulator's clock and are purged 24 hours after they end; request
/// validation before authentication (400 without <c>X-Request-ID</c>), Basic and Bearer authentication, an
/// <c>X-Request-ID</c> on every other response, and on-demand <see cref="Faults"/>. Not emulated: lakeFS's
/// repository cache (a real server may still answer 200 or 409 for a few seconds after a delete), authorization
/// policies, sample data content, multiple storage ids.
/// Its quirks are lakeFS's: the <c>branch</c> and <c>commit</c> filters are raw prefix scans of the secondary
/// index keys (<c>branch=main</c> also returns <c>main-dev</c> and <c>maintenance</c> runs, in key order; an
/// abbreviated commit id returns every commit starting with it and answers its first page again when asked for
/// the next), both filters together are a 400 <c>parameters conflict</c>, hooks of an unknown run are an empty
/// 200 page, a run added with an earlier <see cref="EmulatedRun.StartTime"/> lands late with an id between
/// existing ones, and a hook whose output is <see cref="EmulatedHookOutput.Missing"/> answers 410.
/// It is also a local lakeFS Actions runtime: branches with staged objects, commits and tags behind lakeFS's
/// createBranch, deleteBranch, getBranch, listBranches, commit, mergeIntoBranch, createTag, deleteTag, uploadObject,
/// getObject, listObjects and deleteObject, and on those operations the action files under <c>_lakefs_actions/</c>
/// run as lakeFS runs them (webhooks over real HTTP, 412/500 refusals, runs recorded for the Actions API); see
/// <see cref="CommitAsync"/> and <see cref="PutActionFile"/>. Merges have no conflict model (the source's objects win).
/// It listens on 127.0.0.1 on a port chosen when it starts; the API is under <c>/api/v1</c>.
/// </summary>
/// <example>
/// <code>
/// await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
/// lakeFs.AddRepository("my-repo");
/// var runId = lakeFs.AddRun("my-repo", "main", "c0ffee", "pre-commit",
///     [EmulatedHook.Completed("check", "lint", "ok\n"), EmulatedHook.Failed("check", "schema", "missing column\n")]);
/// using var http = lakeFs.CreateHttpClient();
/// var json = await http.GetStringAsync($"api/v1/repositories/my-repo/actions/runs/{runId}/hooks");
/// </code>
/// </example>
public sealed partial class LakeFsActionsEmulator : IAsyncDisposable
{
    /// <summary>Id of the repository <see cref="SeedDemo"/> creates.</summary>
    public const string DemoRepository = "demo-repo";

    private const string RequestIdHeader = "X-Request-ID";
    private const int MaxRequestBodyBytes = 4 * 1024 * 1024;

    private readonly LakeFsEmulatorOptions _options;
    private readonly EmulatorStore _store = new();
    private readonly ApiEndpoints _endpoints;
    private readonly RepositoryEndpoints _repositoryEndpoints;
    private readonly RequestAuthenticator _authenticator;
    private readonly RunIdGenerator _runIds = new();
    private readonly ActionsEngine _engine;
    private readonly RefOperations _operations;
    private readonly RefEndpoints _refEndpoints;
    private readonly ConcurrentDictionary<string, long> _requestsByOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requestLog = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private long _totalRequests;
    private int _disposed;

    private LakeFsActionsEmulator(LakeFsEmulatorOptions options)
    {
        _options = options;
        _endpoints = new ApiEndpoints(_store);
        _repositoryEndpoints = new RepositoryEndpoints(_store, options);
        _authenticator = new RequestAuthenticator(options);
        _engine = new ActionsEngine(_store, options, _runIds);
        _operations = new RefOperations(_store, options, _engine);
        _refEndpoints = new RefEndpoints(_store, options, _operations);
    }

    /// <summary>Root address of the server, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>api/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Address of the API, <see cref="Endpoint"/> followed by <c>api/v1/</c>.</summary>
    public Uri ApiEndpoint => new(Endpoint, "api/v1/");

    /// <summary>Access key id accepted with HTTP Basic authentication.</summary>
    public string AccessKeyId => _options.AccessKeyId;

    /// <summary>Secret access key accepted with HTTP Basic authentication.</summary>
    public string SecretAccessKey => _options.SecretAccessKey;

    /// <summary>Token accepted with <c>Authorization: Bearer</c>, or null when bearer tokens are not accepted.</summary>
    public string? BearerToken => _options.BearerToken;

    /// <summary>Faults to inject into the following requests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>How many requests the emulator has received (including faulted and rejected ones).</summary>
    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>The most recent received requests, oldest first (at most <see cref="LakeFsEmulatorOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => [.. _requestLog];

    /// <summary>Starts an emulator with no repositories.</summary>
    /// <param name="options">Settings; null uses the defaults (demo keys, authentication required, system clock, silent).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<LakeFsActionsEmulator> StartAsync(LakeFsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LakeFsEmulatorOptions();
        ArgumentException.ThrowIfNullOrEmpty(options.AccessKeyId, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.SecretAccessKey, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestLogCapacity, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.BlockstoreType, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TaskDuration, TimeSpan.Zero, nameof(options));

        var emulator = new LakeFsActionsEmulator(options);
        try
        {
            await emulator.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts an emulator seeded with the demo data of <see cref="SeedDemo"/>.</summary>
    /// <param name="options">Settings; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<LakeFsActionsEmulator> StartDemoAsync(LakeFsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        emulator.SeedDemo();
        return emulator;
    }

    /// <summary>How many requests for <paramref name="operation"/> the emulator has received.</summary>
    /// <param name="operation">An operation id from <see cref="EmulatorOperations"/>.</param>
    /// <returns>The count.</returns>
    public long RequestCount(string operation) => _requestsByOperation.GetValueOrDefault(operation);

    /// <summary>Adds a repository.</summary>
    /// <param name="id">Repository id (any string; ids with <c>/</c> are sent percent-encoded).</param>
    /// <param name="defaultBranch">Default branch.</param>
    /// <param name="storageNamespace">Storage namespace; defaults to <c>local://emulator/{id}</c>.</param>
    /// <param name="creationDate">Creation date; defaults to the clock's now.</param>
    /// <param name="readOnly">Whether the repository is read-only.</param>
    /// <remarks>
    /// The repository has commits (it is not bare). Unless it is read-only, its storage namespace is marked as in
    /// use, as a create through the API does, so that another create there answers 400.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="defaultBranch"/> is null or empty.</exception>
    /// <exception cref="InvalidOperationException">The repository already exists.</exception>
    public void AddRepository(string id, string defaultBranch = "main", string? storageNamespace = null, DateTimeOffset? creationDate = null, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(defaultBranch);
        var record = new RepositoryRecord(
            id,
            creationDate ?? _options.TimeProvider.GetUtcNow(),
            defaultBranch,
            storageNamespace ?? $"local://emulator/{id}",
            storageId: string.Empty,
            readOnly,
            committer: _options.UserName);
        _store.AddRepository(record);
        if (!readOnly)
        {
            _store.MarkNamespaceInUse(record.StorageNamespace);
        }
    }

    /// <summary>
    /// Adds or replaces metadata keys of a repository, as lakeFS's internal metadata endpoint does; read them with
    /// <c>GET /api/v1/repositories/{repository}/metadata</c>.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="metadata">Keys and values to set; other keys stay.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    public void SetRepositoryMetadata(string repository, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(metadata);
        var pairs = metadata.ToList();
        if (pairs.Any(static p => p.Key is null || p.Value is null))
        {
            throw new ArgumentException("Metadata keys and values must not be null.", nameof(metadata));
        }

        UpdateRepository(repository, r =>
        {
            foreach (var (key, value) in pairs)
            {
                r.Metadata[key] = value;
            }
        });
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> deletes of a repository fail midway, as a lakeFS delete that breaks
    /// after marking the repository: the delete answers 500, the repository stays listed and answers 410 Gone on the
    /// other calls (metadata still answers), and a later delete resumes and completes the deletion.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="times">How many deletes fail; defaults to 1.</param>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public void FailNextDeleteMidway(string repository, int times = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        UpdateRepository(repository, r => r.DeletesToFail += times);
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> dump or restore tasks submitted to a repository stall: they never
    /// progress, so their status keeps <c>done: false</c> and the <c>update_time</c> of the submit (lakeFS never marks
    /// a stalled task; clients need their own timeout). A stalled task is purged 24 hours after the submit.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="times">How many tasks stall; defaults to 1.</param>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public void StallNextTask(string repository, int times = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        UpdateRepository(repository, r => r.TasksToStall += times);
    }

    /// <summary>Adds a finished action run; it is visible to the next request.</summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="run">The run; copied, so later changes to it have no effect.</param>
    /// <returns>The run id the emulator gave it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    public string AddRun(string repository, EmulatedRun run)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(run);
        var record = CreateRecord(run, _options.TimeProvider.GetUtcNow());
        _store.AddRun(repository, record);
        return record.RunId;
    }

    /// <summary>Adds a finished action run built from its parts; it is visible to the next request.</summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="branch">Branch of the run.</param>
    /// <param name="commitId">Commit id of the run.</param>
    /// <param name="eventType">Event type, e.g. <c>pre-commit</c>.</param>
    /// <param name="hooks">Hooks in the order they ran; null means none.</param>
    /// <param name="startTime">Start time; null means the clock's now.</param>
    /// <returns>The run id the emulator gave it.</returns>
    /// <exception cref="ArgumentException">An argument is empty or the repository does not exist.</exception>
    public string AddRun(string repository, string branch, string commitId, string eventType, IEnumerable<EmulatedHook>? hooks = null, DateTimeOffset? startTime = null) =>
        AddRun(repository, new EmulatedRun(branch, commitId, eventType) { Hooks = [.. hooks ?? []], StartTime = startTime });

    /// <summary>
    /// Adds <paramref name="count"/> runs at once, much faster than calling <see cref="AddRun(string, EmulatedRun)"/>
    /// in a loop (benchmarks seed 100,000 runs). Without <paramref name="create"/>, run <c>i</c> starts <c>i</c>
    /// seconds before now (run 0 is the newest) on main, dev or feature-x, with one or two hooks, every tenth failed.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="count">How many runs to add.</param>
    /// <param name="create">Makes run <c>i</c>; a run without a start time starts at the clock's now.</param>
    /// <returns>The ids of the runs, in the order they were made.</returns>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<string> AddRuns(string repository, int count, Func<int, EmulatedRun>? create = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_store.ContainsRepository(repository))
        {
            throw new ArgumentException($"Repository '{repository}' does not exist in the emulator; add it with AddRepository first.", nameof(repository));
        }

        var now = _options.TimeProvider.GetUtcNow();
        create ??= i => BulkRuns.Create(i, now);
        var records = new RunRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = CreateRecord(create(i) ?? throw new InvalidOperationException($"The run factory returned null for run {i}."), now);
        }

        _store.AddRuns(repository, records);
        return Array.ConvertAll(records, static r => r.RunId);
    }

    /// <summary>How many runs a repository holds.</summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The repository does not exist.</exception>
    public int RunCount(string repository) => _store.CountRuns(repository);

    /// <summary>
    /// Seeds repository <see cref="DemoRepository"/> (<c>demo-repo</c>) with runs on main, dev and feature-x for
    /// several events, including failed runs with skipped hooks and multi-line hook logs, plus a second
    /// repository <c>analytics</c>. Times are relative to the clock's now.
    /// </summary>
    /// <exception cref="InvalidOperationException">The demo repositories already exist.</exception>
    public void SeedDemo() => DemoData.Seed(this, _options.TimeProvider.GetUtcNow());

    /// <summary>
    /// Creates an <see cref="HttpClient"/> whose base address is <see cref="Endpoint"/> and that sends the
    /// emulator's access key pair with HTTP Basic authentication. The caller disposes it.
    /// </summary>
    /// <returns>The client.</returns>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = Endpoint };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccessKeyId}:{SecretAccessKey}")));
        return client;
    }

    /// <summary>Stops the server, dropping requests still running (for example ones delayed by a latency fault).</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _engine.Dispose();
        _stopping.Dispose();
    }

    private void UpdateRepository(string id, Action<RepositoryRecord> update) => _store.WithLock(() =>
    {
        var record = _store.FindRepository(id)
            ?? throw new ArgumentException($"Repository '{id}' does not exist in the emulator; add it with AddRepository first.", nameof(id));
        update(record);
        return true;
    });

    private RunRecord CreateRecord(EmulatedRun run, DateTimeOffset now)
    {
        var start = run.StartTime ?? now;
        return RunRecord.Create(_runIds.Next(start), run, start);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Logging.ClearProviders();
        if (_options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddSingleton<IHostLifetime, InProcessHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Endpoint = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (DemoWebhooks.IsDemoPath(context.Request.Path))
        {
            await DemoWebhooks.AnswerAsync(context, _stopping.Token).ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _totalRequests);
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers[RequestIdHeader] = requestId;

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString).ToString();
        var route = ApiRoute.Match(context.Request.Method, rawTarget);
        var received = new ReceivedRequest(number, context.Request.Method, rawTarget, route?.Operation, requestId);
        Record(received);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = cancellation.Token;
        try
        {
            var fault = Faults.Take(number, route?.Operation);
            switch (fault?.Kind)
            {
                case EmulatorFaultKind.Latency:
                    var delay = Task.Delay(fault.Delay, _options.TimeProvider, cancellationToken);
                    Faults.OnInjected(fault, received);
                    await delay.ConfigureAwait(false);
                    break;
                case EmulatorFaultKind.DropConnection:
                    Faults.OnInjected(fault, received);
                    context.Abort();
                    return;
                case EmulatorFaultKind.Throttle or EmulatorFaultKind.ServerError:
                    Faults.OnInjected(fault, received);
                    await EmulatorResponse.Error(fault.StatusCode, fault.Message!, fault.RetryAfter)
                        .WriteAsync(context.Response, cancellationToken).ConfigureAwait(false);
                    return;
            }

            var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            OperationAnswer? operation = null;
            EmulatorResponse response;
            if (body is null)
            {
                response = EmulatorResponse.ValidationError("request body has an error: request body is too large");
            }
            else if (IsRefOperation(route) && Check(context.Request, route!, body) is null)
            {
                (response, operation) = await _refEndpoints.AnswerAsync(route!, context.Request, body, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                response = Answer(context.Request, route, body);
            }

            switch (fault?.Kind)
            {
                case EmulatorFaultKind.DropMidResponse:
                    Faults.OnInjected(fault, received);
                    await response.WritePartialAndCloseAsync(context.Response, cancellationToken).ConfigureAwait(false);
                    break;
                case EmulatorFaultKind.MalformedJson:
                    Faults.OnInjected(fault, received);
                    await response.WriteMalformedAsync(context.Response, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await response.WriteAsync(context.Response, cancellationToken).ConfigureAwait(false);
                    break;
            }

            if (operation is not null)
            {
                // Post-* hooks run after the operation answered.
                await context.Response.CompleteAsync().ConfigureAwait(false);
                _ = _operations.StartPostEvents(operation);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Abort();
        }
    }

    /// <summary>
    /// lakeFS's order: route, request validation (before a request id exists), authentication, then the endpoint.
    /// </summary>
    private EmulatorResponse Answer(HttpRequest request, ApiRoute? route, byte[] body)
    {
        if (Check(request, route, body) is { } refused)
        {
            return refused;
        }

        return route!.Operation switch
        {
            EmulatorOperations.ListRepositories or EmulatorOperations.GetRepository or EmulatorOperations.ListRepositoryRuns
                or EmulatorOperations.GetRun or EmulatorOperations.ListRunHooks or EmulatorOperations.GetRunHookOutput =>
                _endpoints.Answer(route, request.Query),
            _ => _repositoryEndpoints.Answer(route, request, body),
        };
    }

    /// <summary>The checks before any endpoint, in lakeFS's order: route, request validation, authentication.</summary>
    private EmulatorResponse? Check(HttpRequest request, ApiRoute? route, byte[] body)
    {
        if (route is null)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "path not found");
        }

        if (route.Operation is not { } operation)
        {
            return EmulatorResponse.Error(StatusCodes.Status405MethodNotAllowed, "method not allowed");
        }

        if (RequestValidator.Validate(operation, request, body) is { } invalid)
        {
            return invalid;
        }

        return _authenticator.IsAuthenticated(request)
            ? null
            : EmulatorResponse.Error(StatusCodes.Status401Unauthorized, "error authenticating request");
    }

    private static bool IsRefOperation(ApiRoute? route) => route?.Operation is
        EmulatorOperations.ListBranches or EmulatorOperations.CreateBranch or EmulatorOperations.GetBranch or EmulatorOperations.DeleteBranch
        or EmulatorOperations.Commit or EmulatorOperations.MergeIntoBranch or EmulatorOperations.CreateTag or EmulatorOperations.DeleteTag
        or EmulatorOperations.UploadObject or EmulatorOperations.GetObject or EmulatorOperations.ListObjects or EmulatorOperations.DeleteObject;

    /// <summary>Reads the request body; null when it is larger than the emulator accepts.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method))
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxRequestBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private void Record(ReceivedRequest request)
    {
        if (request.Operation is { } operation)
        {
            _requestsByOperation.AddOrUpdate(operation, 1, static (_, count) => count + 1);
        }

        if (_options.RequestLogCapacity == 0)
        {
            return;
        }

        _requestLog.Enqueue(request);
        while (_requestLog.Count > _options.RequestLogCapacity && _requestLog.TryDequeue(out _))
        {
        }
    }
}
