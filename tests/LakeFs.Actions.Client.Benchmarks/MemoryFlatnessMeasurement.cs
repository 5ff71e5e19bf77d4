using System.Globalization;
using System.Text;
using LakeFs.Actions.Client.Benchmarks.Wire;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 7 (<c>--memory</c>): lists 10,000, 100,000 and 1,000,000 runs (pages of 1,000 written on the fly by an
/// in-memory handler) and samples the live heap (<see cref="GC.GetTotalMemory(bool)"/> after a full collection) in the
/// middle of every 50th page. Memory is flat when the peak at 1,000,000 runs exceeds the peak at 10,000 by less than
/// one page of runs.
/// </summary>
internal static class MemoryFlatnessMeasurement
{
    public const string Switch = "--memory";
    private const int PageSize = 1000;

    public static async Task<IReadOnlyList<(int Runs, long PeakLiveBytes)>> RunAsync(string resultsDirectory)
    {
        await PeakAsync(5_000).ConfigureAwait(false); // warm-up
        var rows = new List<(int, long)>();
        foreach (var count in new[] { 10_000, 100_000, 1_000_000 })
        {
            var peak = await PeakAsync(count).ConfigureAwait(false);
            Console.WriteLine($"// {count:N0} runs: peak live heap {peak:N0} bytes");
            rows.Add((count, peak));
        }

        var pageBytes = await PageBytesAsync().ConfigureAwait(false);
        var markdown = new StringBuilder()
            .AppendLine("| Runs listed | Peak live heap (bytes) | Growth over 10,000 runs |")
            .AppendLine("|---:|---:|---:|");
        foreach (var (runs, peak) in rows)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {runs:N0} | {peak:N0} | {peak - rows[0].Item2:N0} |");
        }

        markdown.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"One page of {PageSize:N0} runs held as models: {pageBytes:N0} bytes.");
        Directory.CreateDirectory(resultsDirectory);
        await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "memory-flatness.md"), markdown.ToString()).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Reads the memory results written by <see cref="RunAsync"/>: (runs, peak) rows and the page size in bytes.</summary>
    public static (List<(int Runs, long Peak)> Rows, long PageBytes)? Load(string resultsDirectory)
    {
        var path = Path.Combine(resultsDirectory, "memory-flatness.md");
        if (!File.Exists(path))
        {
            return null;
        }

        var rows = new List<(int, long)>();
        long pageBytes = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 3 && int.TryParse(cells[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var runs))
            {
                rows.Add((runs, long.Parse(cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
            }
            else if (line.StartsWith("One page", StringComparison.Ordinal))
            {
                var number = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("bytes.", string.Empty, StringComparison.Ordinal).Trim();
                pageBytes = long.Parse(number, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        return (rows, pageBytes);
    }

    private static async Task<long> PeakAsync(int runCount)
    {
        using var server = new SynthesizedRunPages(runCount);
        using var client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = "secret", PageSize = PageSize },
            server);
        var runs = 0;
        var peak = GC.GetTotalMemory(forceFullCollection: true);
        await foreach (var run in client.ListRunsAsync("repo").ConfigureAwait(false))
        {
            if (run.RunId != SynthesizedRunPages.Id(runs))
            {
                throw new InvalidOperationException($"Run {runs} is {run.RunId}.");
            }

            runs++;
            if (runs % (PageSize * 50) == PageSize / 2 || runs == PageSize / 2)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        if (runs != runCount)
        {
            throw new InvalidOperationException($"Listed {runs} runs, expected {runCount}.");
        }

        return peak;
    }

    /// <summary>What one page of runs costs when it is kept: the live heap with and without a list of them.</summary>
    private static async Task<long> PageBytesAsync()
    {
        using var server = new SynthesizedRunPages(PageSize);
        using var client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = "secret", PageSize = PageSize },
            server);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = await client.ListRunsAsync("repo").ToListAsync().ConfigureAwait(false);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return after - before;
    }
}
