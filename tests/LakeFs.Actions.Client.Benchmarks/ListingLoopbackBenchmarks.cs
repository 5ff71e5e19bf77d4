using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Benchmarks.Wire;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 2: the same 100,000-run listing from the emulator over HTTP on loopback, every reader on the same socket
/// handler. The emulator runs in this process, so its work and allocations are in every row alike.
/// </summary>
[MemoryDiagnoser]
public class ListingLoopbackBenchmarks : RunListingBenchmarks
{
    private LakeFsActionsEmulator _emulator = null!;
    private SocketsHttpHandler _transport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).GetAwaiter().GetResult();
        _emulator.AddRepository(Repository);
        _emulator.AddRuns(Repository, RunCount);
        _transport = LoopbackTransport.Create();
        Initialize(_transport, _emulator.Endpoint, _emulator.AccessKeyId, _emulator.SecretAccessKey, sameTimesInFloor: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        DisposeClients();
        _transport.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
