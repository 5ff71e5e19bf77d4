using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 6: an audit that needs the hooks of many runs. The emulator answers every hook listing 20 ms late; the hooks
/// of 64 runs are fetched with <see cref="LakeFsActionsClientExtensions.ListHooksAsync"/> at a concurrency of 16
/// against one after the other (concurrency 1, the loop a user writes). Target: at most 0.15x.
/// </summary>
[MemoryDiagnoser]
public class HookConcurrencyBenchmarks
{
    public const int Runs = 64;
    private const string Repository = "bench-repo";
    private static readonly TimeSpan ServerLatency = TimeSpan.FromMilliseconds(20);

    private LakeFsActionsEmulator _emulator = null!;
    private SocketsHttpHandler _transport = null!;
    private LakeFsActionsClient _client = null!;
    private List<ActionRun> _runs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).GetAwaiter().GetResult();
        _emulator.AddRepository(Repository);
        _emulator.AddRuns(Repository, Runs);
        _emulator.Faults.SetRandom(new RandomFaultSettings { LatencyRate = 1, Latency = ServerLatency, Operation = EmulatorOperations.ListRunHooks });
        _transport = Wire.LoopbackTransport.Create();
        _client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = _emulator.Endpoint, AccessKeyId = _emulator.AccessKeyId, SecretAccessKey = _emulator.SecretAccessKey },
            _transport);
        _runs = _client.ListRunsAsync(Repository).ToListAsync().AsTask().GetAwaiter().GetResult();

        var sequential = FetchAsync(1).GetAwaiter().GetResult();
        var concurrent = FetchAsync(16).GetAwaiter().GetResult();
        if (_runs.Count != Runs || sequential != concurrent)
        {
            throw new InvalidOperationException($"{_runs.Count} runs; {sequential} hooks one by one, {concurrent} at concurrency 16.");
        }

        Console.WriteLine($"// Verified: {Runs} runs, {sequential} hooks both ways");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _transport.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One run after the other (what <c>foreach</c> + <c>ListRunHooksAsync</c> does).</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Sequential() => FetchAsync(1);

    /// <summary><c>ListHooksAsync(..., maxConcurrency: 16)</c>.</summary>
    [Benchmark]
    public Task<int> Concurrency16() => FetchAsync(16);

    private async Task<int> FetchAsync(int maxConcurrency)
    {
        var hooks = 0;
        await foreach (var (_, runHooks) in _client.ListHooksAsync(Repository, _runs.ToAsyncEnumerable(), maxConcurrency).ConfigureAwait(false))
        {
            hooks += runHooks.Count;
        }

        return hooks;
    }
}
