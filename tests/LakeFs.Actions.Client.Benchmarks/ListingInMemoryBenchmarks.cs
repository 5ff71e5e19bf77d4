using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Benchmarks.Wire;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 1: 100,000 runs in pages of 1,000 served from pre-serialized lakeFS bytes by an in-memory handler (no
/// sockets), so what is measured is the client's own cost: auth, retry pipeline, pagination, deserialization.
/// </summary>
[MemoryDiagnoser]
public class ListingInMemoryBenchmarks : RunListingBenchmarks
{
    private InMemoryLakeFsHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pages = new RunListPages(RunCount, PageSize);
        Console.WriteLine($"// {pages.PageCount} pages, {pages.TotalBytes / 1024.0 / 1024.0:F1} MiB of JSON, {pages.TotalBytes / RunCount} bytes per run");
        _handler = new InMemoryLakeFsHandler(Repository, pages);

        // System.Text.Json rounds nanoseconds to ticks where Newtonsoft truncates, so only ids are compared for it.
        Initialize(_handler, new Uri("http://localhost:8000/"), "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sameTimesInFloor: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        DisposeClients();
        _handler.Dispose();
    }
}
