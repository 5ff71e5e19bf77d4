using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Benchmarks.Baselines;
using LakeFs.Actions.Client.Benchmarks.Wire;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// The four ways of reading a 100,000-run listing in pages of 1,000 that cases 1 and 2 compare over their own
/// transport. Times and allocations are per run (<c>OperationsPerInvoke</c>).
/// </summary>
public abstract class RunListingBenchmarks
{
    public const int RunCount = 100_000;
    protected const int PageSize = 1000;
    protected const string Repository = "bench-repo";

    private LakeFsActionsClient _client = null!;
    private HttpClient _http = null!;
    private NewtonsoftRunListing _newtonsoft = null!;
    private NewtonsoftRunListing _newtonsoftClientSettings = null!;
    private SystemTextJsonRunListing _systemTextJson = null!;

    /// <summary>
    /// (a) The honest baseline: HttpClient + Newtonsoft <c>JsonTextReader</c> with <see cref="JsonSerializer.CreateDefault()"/>
    /// (Newtonsoft's default settings) into the generated <see cref="ActionRun"/> model, by hand.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RunCount)]
    public async Task<long> HandWrittenNewtonsoftDefaults()
    {
        var tally = new RunTally();
        await _newtonsoft.EnumerateAsync(tally).ConfigureAwait(false);
        return tally.Count;
    }

    /// <summary>(a') The same loop with the client's serializer settings (<see cref="LakeFsJson.CreateSerializerSettings"/>).</summary>
    [Benchmark(OperationsPerInvoke = RunCount)]
    public async Task<long> HandWrittenClientSettings()
    {
        var tally = new RunTally();
        await _newtonsoftClientSettings.EnumerateAsync(tally).ConfigureAwait(false);
        return tally.Count;
    }

    /// <summary>The client: <c>await foreach</c> over <see cref="LakeFsActionsClient.ListRunsAsync"/>.</summary>
    [Benchmark(OperationsPerInvoke = RunCount)]
    public async Task<long> Facade() => (await ListWithFacadeAsync().ConfigureAwait(false)).Count;

    /// <summary>(b) System.Text.Json source-generated, into plain records: the practical floor.</summary>
    [Benchmark(OperationsPerInvoke = RunCount)]
    public async Task<long> SystemTextJsonFloor() => (await ListWithSystemTextJsonAsync().ConfigureAwait(false)).Count;

    /// <summary>Builds the three readers over <paramref name="transport"/> (which the caller keeps owning) and checks they read the same runs.</summary>
    protected void Initialize(HttpMessageHandler transport, Uri endpoint, string accessKeyId, string secretAccessKey, bool sameTimesInFloor)
    {
        _client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = endpoint, AccessKeyId = accessKeyId, SecretAccessKey = secretAccessKey, PageSize = PageSize },
            transport);
        _http = new HttpClient(transport, disposeHandler: false) { BaseAddress = endpoint };
        var authorization = BasicCredentials.Header(accessKeyId, secretAccessKey);
        _newtonsoft = new NewtonsoftRunListing(_http, JsonSerializer.CreateDefault(), Repository, PageSize, authorization);
        _newtonsoftClientSettings = new NewtonsoftRunListing(_http, JsonSerializer.Create(LakeFsJson.CreateSerializerSettings()), Repository, PageSize, authorization);
        _systemTextJson = new SystemTextJsonRunListing(_http, Repository, PageSize, authorization);

        if (!ListingVerification.FirstTimeFor(GetType()))
        {
            return;
        }

        var baseline = new RunTally();
        _newtonsoft.EnumerateAsync(baseline).GetAwaiter().GetResult();
        var clientSettings = new RunTally();
        _newtonsoftClientSettings.EnumerateAsync(clientSettings).GetAwaiter().GetResult();
        ListingVerification.SameRuns(
            RunCount,
            baseline,
            ("Client settings", clientSettings, true),
            ("Facade", ListWithFacadeAsync().GetAwaiter().GetResult(), true),
            ("System.Text.Json", ListWithSystemTextJsonAsync().GetAwaiter().GetResult(), sameTimesInFloor));
    }

    protected void DisposeClients()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private async Task<RunTally> ListWithFacadeAsync()
    {
        var tally = new RunTally();
        await foreach (var run in _client.ListRunsAsync(Repository).ConfigureAwait(false))
        {
            tally.Add(run.RunId, run.StartTime);
        }

        return tally;
    }

    private async Task<RunTally> ListWithSystemTextJsonAsync()
    {
        var tally = new RunTally();
        await _systemTextJson.EnumerateAsync(tally).ConfigureAwait(false);
        return tally;
    }
}
