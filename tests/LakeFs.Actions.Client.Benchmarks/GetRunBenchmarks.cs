using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Benchmarks.Wire;
using LakeFs.Actions.Client.Testing;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 4: what the resilience pipeline (retry + per-attempt timeout), error translation, telemetry and logging
/// cost when nothing fails: one <c>getRun</c> over loopback, facade against a bare GET + deserialize.
/// </summary>
[MemoryDiagnoser]
public class GetRunBenchmarks
{
    private const string Repository = "bench-repo";

    private readonly JsonSerializer _serializer = JsonSerializer.CreateDefault();
    private LakeFsActionsEmulator _emulator = null!;
    private SocketsHttpHandler _transport = null!;
    private LakeFsActionsClient _client = null!;
    private LakeFsActionsClient _withoutResilience = null!;
    private HttpClient _http = null!;
    private string _runId = null!;
    private string _runPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).GetAwaiter().GetResult();
        _emulator.AddRepository(Repository);
        _runId = _emulator.AddRuns(Repository, 100)[42];
        _runPath = $"api/v1/repositories/{Repository}/actions/runs/{_runId}";
        _transport = LoopbackTransport.Create();
        _client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = _emulator.Endpoint, AccessKeyId = _emulator.AccessKeyId, SecretAccessKey = _emulator.SecretAccessKey },
            _transport);
        _withoutResilience = new LakeFsActionsClient(
            new LakeFsClientOptions
            {
                Endpoint = _emulator.Endpoint,
                AccessKeyId = _emulator.AccessKeyId,
                SecretAccessKey = _emulator.SecretAccessKey,
                Retry = new LakeFsRetryOptions { MaxRetries = 0 },
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            },
            _transport);
        _http = new HttpClient(_transport, disposeHandler: false) { BaseAddress = _emulator.Endpoint };
        _http.DefaultRequestHeaders.Authorization = BasicCredentials.Header(_emulator.AccessKeyId, _emulator.SecretAccessKey);

        var raw = BareGetAsync().GetAwaiter().GetResult();
        var facade = _client.GetRunAsync(Repository, _runId).GetAwaiter().GetResult();
        if (raw.RunId != _runId || facade.RunId != _runId || raw.StartTime != facade.StartTime || raw.CommitId != facade.CommitId)
        {
            throw new InvalidOperationException($"The two reads differ: {raw.RunId}/{raw.StartTime:O} vs {facade.RunId}/{facade.StartTime:O}.");
        }

        Console.WriteLine($"// Verified: both read run {_runId}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _withoutResilience.Dispose();
        _http.Dispose();
        _transport.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Bare: <c>HttpClient.GetAsync</c> + Newtonsoft (default settings, as a user writes it) into the generated model, no pipeline.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string> BareHttpClient() => (await BareGetAsync().ConfigureAwait(false)).RunId;

    /// <summary>The client: <see cref="LakeFsActionsClient.GetRunAsync"/> with the full pipeline.</summary>
    [Benchmark]
    public async Task<string> Facade() => (await _client.GetRunAsync(Repository, _runId).ConfigureAwait(false)).RunId;

    /// <summary>The client without its retry and per-attempt timeout steps: what those two features cost.</summary>
    [Benchmark]
    public async Task<string> FacadeWithoutResilience() => (await _withoutResilience.GetRunAsync(Repository, _runId).ConfigureAwait(false)).RunId;

    private async Task<ActionRun> BareGetAsync()
    {
        using var response = await _http.GetAsync(_runPath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text);
        return _serializer.Deserialize<ActionRun>(json) ?? throw new InvalidDataException("null run");
    }
}
