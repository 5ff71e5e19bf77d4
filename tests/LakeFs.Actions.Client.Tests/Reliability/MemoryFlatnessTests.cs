using LakeFs.Actions.Client.Benchmarks.Wire;
using LakeFs.Actions.Client.Tests.Infrastructure;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>Runs alone: live heap sizes are of the whole process, so no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// A listing holds one page at a time: the live heap while listing 100,000 runs is no larger than while listing
/// 10,000 (by less than a page), however many runs went by. The 1,000,000-run figure is in the benchmarks
/// (<c>ListingMemoryBenchmarks</c>).
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public class MemoryFlatnessTests
{
    private const int PageSize = 1000;

    [Fact]
    public async Task Live_memory_while_listing_100000_runs_is_that_of_10000_runs()
    {
        await PeakLiveBytesAsync(2_000); // warm up: types loaded, contracts resolved, pools filled

        var small = await PeakLiveBytesAsync(10_000);
        var large = await PeakLiveBytesAsync(100_000);

        // Keeping the runs would hold 90,000 more of them (well over 20 MB); one page of 1,000 runs is about 0.5 MB.
        Assert.True(
            large.Peak - small.Peak < 2 * 1024 * 1024,
            $"Peak live heap: {small.Peak:N0} bytes at 10,000 runs, {large.Peak:N0} bytes at 100,000 runs.");
        Assert.Equal(100_000, large.Runs);
    }

    private static async Task<(long Peak, int Runs)> PeakLiveBytesAsync(int runCount)
    {
        var server = new SynthesizedRunPages(runCount);
        using var client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = "secret", PageSize = PageSize },
            server);

        var runs = 0;
        var peak = GC.GetTotalMemory(forceFullCollection: true);
        await foreach (var run in client.ListRunsAsync("repo"))
        {
            if (run.RunId != SynthesizedRunPages.Id(runs))
            {
                Assert.Fail($"Run {runs} is {run.RunId}.");
            }

            runs++;
            if (runs % (PageSize * 5) == PageSize / 2)
            {
                // In the middle of a page: the page being read is live, those before it must not be.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        return (peak, runs);
    }
}
