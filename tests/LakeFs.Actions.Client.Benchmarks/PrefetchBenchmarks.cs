using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 5: latency hiding. The emulator answers every page 20 ms late and the consumer spends 20 ms on each page;
/// 20 pages with <see cref="LakeFsClientOptions.PrefetchNextPage"/> against without. Without prefetch the two
/// waits add up (about 20 × 40 ms); with it they overlap (about 20 ms + 20 × 20 ms).
/// </summary>
[MemoryDiagnoser]
public class PrefetchBenchmarks
{
    public const int Pages = 20;
    private const int PageSize = 50;
    private const string Repository = "bench-repo";
    private static readonly TimeSpan ServerLatency = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ConsumerTimePerPage = TimeSpan.FromMilliseconds(20);

    private LakeFsActionsEmulator _emulator = null!;
    private SocketsHttpHandler _transport = null!;
    private LakeFsActionsClient _sequential = null!;
    private LakeFsActionsClient _prefetching = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).GetAwaiter().GetResult();
        _emulator.AddRepository(Repository);
        _emulator.AddRuns(Repository, Pages * PageSize);
        _emulator.Faults.SetRandom(new RandomFaultSettings
        {
            LatencyRate = 1,
            Latency = ServerLatency,
            Operation = EmulatorOperations.ListRepositoryRuns,
        });
        _transport = Wire.LoopbackTransport.Create();
        _sequential = CreateClient(prefetch: false);
        _prefetching = CreateClient(prefetch: true);

        foreach (var (name, client) in new[] { ("Sequential", _sequential), ("Prefetching", _prefetching) })
        {
            var before = _emulator.RequestCount(EmulatorOperations.ListRepositoryRuns);
            var (pages, runs) = ConsumeAsync(client).GetAwaiter().GetResult();
            var requests = _emulator.RequestCount(EmulatorOperations.ListRepositoryRuns) - before;
            if (pages != Pages || runs != Pages * PageSize || requests != Pages)
            {
                throw new InvalidOperationException($"{name}: {pages} pages, {runs} runs, {requests} requests; expected {Pages}, {Pages * PageSize}, {Pages}.");
            }
        }

        Console.WriteLine($"// Verified: {Pages} pages of {PageSize} runs, {Pages} requests each way");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sequential.Dispose();
        _prefetching.Dispose();
        _transport.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Without prefetch: each page is requested when the consumer asks for it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> WithoutPrefetch() => (await ConsumeAsync(_sequential).ConfigureAwait(false)).Runs;

    /// <summary>With prefetch: the next page is requested while the consumer works on the current one.</summary>
    [Benchmark]
    public async Task<int> WithPrefetch() => (await ConsumeAsync(_prefetching).ConfigureAwait(false)).Runs;

    private static async Task<(int Pages, int Runs)> ConsumeAsync(LakeFsActionsClient client)
    {
        var pages = 0;
        var runs = 0;
        await foreach (var page in client.ListRunsAsync(Repository).AsPages().ConfigureAwait(false))
        {
            pages++;
            runs += page.Values.Count;
            await Task.Delay(ConsumerTimePerPage).ConfigureAwait(false);
        }

        return (pages, runs);
    }

    private LakeFsActionsClient CreateClient(bool prefetch) => new(
        new LakeFsClientOptions
        {
            Endpoint = _emulator.Endpoint,
            AccessKeyId = _emulator.AccessKeyId,
            SecretAccessKey = _emulator.SecretAccessKey,
            PageSize = PageSize,
            PrefetchNextPage = prefetch,
        },
        _transport);
}
