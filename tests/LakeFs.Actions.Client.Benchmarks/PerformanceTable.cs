using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Builds the performance table of docs/performance.md from a committed run in <c>results/</c>: per-iteration times from
/// BenchmarkDotNet's <c>*-measurements.csv</c> (median and interquartile range of each row), allocations from the
/// GitHub summaries, the memory figures of <see cref="MemoryFlatnessMeasurement"/>. A target counts as met only when
/// it holds beyond the spread: the ratio of the row's third quartile to the baseline's first quartile is within it.
/// </summary>
internal static class PerformanceTable
{
    public const string Switch = "--table";
    public const string StartMarker = "<!-- performance-table:start -->";
    public const string EndMarker = "<!-- performance-table:end -->";

    private sealed record Target(string Case, string Class, string Row, string Baseline, double? TimeLimit, double? AllocLimit, string Unit);

    private static readonly Target[] Targets =
    [
        new("1. List 100,000 runs from in-memory pages vs the hand-written loop (Newtonsoft defaults)", "ListingInMemoryBenchmarks", "Facade", "HandWrittenNewtonsoftDefaults", 1.05, 1.10, "per run"),
        new("1a. same, the hand-written loop with the client's settings (`LakeFsJson`) vs Newtonsoft defaults", "ListingInMemoryBenchmarks", "HandWrittenClientSettings", "HandWrittenNewtonsoftDefaults", null, null, "per run"),
        new("1b. same, facade vs System.Text.Json source-generated records (the floor; stretch)", "ListingInMemoryBenchmarks", "Facade", "SystemTextJsonFloor", 1.5, null, "per run"),
        new("2. List 100,000 runs from the emulator over loopback vs the hand-written loop", "ListingLoopbackBenchmarks", "Facade", "HandWrittenNewtonsoftDefaults", 1.05, 1.10, "per run"),
        new("3. Stream a 256 MiB hook log vs `HttpClient.GetStreamAsync`", "HookOutputBenchmarks", "Facade", "RawHttpClient", 1 / 0.95, null, "per log"),
        new("4. One getRun over loopback (retry + timeout pipeline) vs bare `HttpClient` (BenchmarkDotNet)", "GetRunBenchmarks", "Facade", "BareHttpClient", 1.05, null, "per call"),
        new("4a. same, facade without retry and timeout (`MaxRetries = 0`, no timeout) (BenchmarkDotNet)", "GetRunBenchmarks", "FacadeWithoutResilience", "BareHttpClient", null, null, "per call"),
        new("5. 20 pages, 20 ms server latency + 20 ms consumer work, prefetch vs not", "PrefetchBenchmarks", "WithPrefetch", "WithoutPrefetch", 0.6, null, "per listing"),
        new("6. Hooks of 64 runs, 20 ms server latency, `ListHooksAsync` at 16 vs one by one", "HookConcurrencyBenchmarks", "Concurrency16", "Sequential", 0.15, null, "per audit"),
    ];

    public static string Build(string resultsDirectory)
    {
        var table = new StringBuilder();
        if (Directory.EnumerateFiles(resultsDirectory, "*-measurements.csv").Select(f => f.Replace("-measurements.csv", "-report-github.md", StringComparison.Ordinal)).FirstOrDefault(File.Exists) is { } report)
        {
            // The environment header of the run: tool and OS, CPU and cores, runtime.
            var environment = File.ReadLines(report)
                .SkipWhile(l => l.Trim().Length == 0 || l.StartsWith("```", StringComparison.Ordinal))
                .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0);
            table.AppendLine(CultureInfo.InvariantCulture, $"Run: {string.Join("; ", environment)}.").AppendLine();
        }

        table
            .AppendLine("| Case | Time ratio: median (conservative range) | Median (IQR): row / baseline | Allocated: row / baseline (ratio) | Target | Met |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var target in Targets)
        {
            var times = Measurements(resultsDirectory, target.Class);
            var allocated = Allocations(resultsDirectory, target.Class);
            if (!times.TryGetValue(target.Row, out var row) || !times.TryGetValue(target.Baseline, out var baseline))
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {target.Case} | not in this run | | | {Limits(target)} | not measured |");
                continue;
            }

            var (rowMedian, rowQ1, rowQ3) = Quartiles(row);
            var (baseMedian, baseQ1, baseQ3) = Quartiles(baseline);
            var ratio = rowMedian / baseMedian;
            var high = rowQ3 / baseQ1;
            var low = rowQ1 / baseQ3;
            allocated.TryGetValue(target.Row, out var a);
            allocated.TryGetValue(target.Baseline, out var b);
            var allocRatio = a > 0 && b > 0 ? a / b : (double?)null;
            var allocText = allocRatio is { } ar ? $"{Bytes(a)} / {Bytes(b)} ({ar:0.00}x)" : "-";

            string met;
            if (target.TimeLimit is not { } limit)
            {
                met = "report only";
            }
            else
            {
                var timeMet = high <= limit ? "time: met" : ratio <= limit ? "time: not shown beyond noise" : "time: not met";
                var allocMet = target.AllocLimit is { } allocLimit && allocRatio is { } r ? (r <= allocLimit ? "; allocations: met" : "; allocations: not met") : string.Empty;
                met = timeMet + allocMet;
            }

            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {target.Case} | **{ratio:0.00}x** ({low:0.00}-{high:0.00}) | {Time(rowMedian)} ({Time(rowQ1)}-{Time(rowQ3)}) / {Time(baseMedian)} ({Time(baseQ1)}-{Time(baseQ3)}) {target.Unit} | {allocText} | {Limits(target)} | {met} |");
        }

        AppendInterleaved(table, resultsDirectory);

        if (MemoryFlatnessMeasurement.Load(resultsDirectory) is { Rows.Count: > 0 } memory)
        {
            var first = memory.Rows[0];
            var last = memory.Rows[^1];
            var growth = last.Peak - first.Peak;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| 7. Peak live heap listing {last.Runs:N0} vs {first.Runs:N0} runs (pages of 1,000) | - | {last.Peak:N0} / {first.Peak:N0} bytes | growth {growth:N0} bytes; one page of runs {memory.PageBytes:N0} bytes | growth < one page | {(growth < memory.PageBytes ? "met" : "not met")} |");
        }
        else
        {
            table.AppendLine("| 7. Peak live heap listing 1,000,000 vs 10,000 runs | not in this run | | | growth < one page | not measured |");
        }

        if (GetRunInterleaved.Load(resultsDirectory) is { } interleaved)
        {
            table.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Rows 4i and 4m: {interleaved.Header} Details: [`results/{GetRunInterleaved.FileName}`](../tests/LakeFs.Actions.Client.Benchmarks/results/{GetRunInterleaved.FileName}).");
        }

        return table.ToString();
    }

    /// <summary>
    /// The rows of case 4 measured interleaved (<see cref="GetRunInterleaved"/>): the ratio is the median of per-round
    /// ratios; its range is the 95% confidence interval of that median, and the target counts as met when the whole
    /// interval is within it. The interquartile range of the per-round ratios (how much single rounds swing) is shown too.
    /// </summary>
    private static void AppendInterleaved(StringBuilder table, string resultsDirectory)
    {
        if (GetRunInterleaved.Load(resultsDirectory) is not { } result)
        {
            table.AppendLine("| 4i. One getRun over loopback vs bare `HttpClient`, interleaved | not in this run | | | time <= 1.05x | not measured |");
            return;
        }

        var rows = new (string Case, string Name, double? Limit)[]
        {
            ("4i. One getRun over loopback vs bare `HttpClient`, interleaved rounds (default options: retry + per-attempt timeout)", "Facade", 1.05),
            ("4i-a. same, retry only (`Timeout = Infinite`)", "FacadeRetryOnly", null),
            ("4i-b. same, per-attempt timeout only (`MaxRetries = 0`)", "FacadeTimeoutOnly", null),
            ("4i-c. same, neither retry nor timeout", "FacadeNoResilience", null),
            ("4i-d. same, default options with an `ActivityListener` and a `MeterListener` attached", "FacadeListened", null),
            ("4i-e. bare `HttpClient` with the client's `LakeFsJson` settings instead of Newtonsoft defaults", "BareClientSettings", null),
        };

        AppendInterleavedRows(table, result.Loopback, rows, string.Empty);
        AppendInterleavedRows(
            table,
            result.InMemory,
            [("4m. One getRun from an in-memory replay of the emulator's answer (the client's own cost, no socket, no server), default options", "Facade", null),
             ("4m-c. same, neither retry nor timeout", "FacadeNoResilience", null)],
            string.Empty);
    }

    private static void AppendInterleavedRows(StringBuilder table, List<GetRunInterleaved.Row> measured, (string Case, string Name, double? Limit)[] rows, string suffix)
    {
        var baseline = measured.FirstOrDefault(r => r.Name == "Bare");
        foreach (var (label, name, limit) in rows)
        {
            var row = measured.FirstOrDefault(r => r.Name == name);
            if (row is null || baseline is null)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | not in this run | | | {(limit is { } l ? $"time <= {l:0.00}x" : "-")} | not measured |");
                continue;
            }

            var allocText = !double.IsNaN(row.AllocatedPerCall) && !double.IsNaN(baseline.AllocatedPerCall) && baseline.AllocatedPerCall > 0
                ? $"{Bytes(row.AllocatedPerCall)} / {Bytes(baseline.AllocatedPerCall)} ({row.AllocatedPerCall / baseline.AllocatedPerCall:0.00}x)"
                : "-";
            var met = limit is not { } target ? "report only"
                : row.CiHigh <= target ? "time: met"
                : row.RatioMedian <= target ? "time: not shown beyond noise"
                : "time: not met";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {label}{suffix} | **{row.RatioMedian:0.000}x** (95% CI {row.CiLow:0.000}-{row.CiHigh:0.000}; rounds IQR {row.RatioQ1:0.00}-{row.RatioQ3:0.00}) | {Time(row.Median)} ({Time(row.Q1)}-{Time(row.Q3)}) / {Time(baseline.Median)} ({Time(baseline.Q1)}-{Time(baseline.Q3)}) per call; difference of medians {Time(row.Median - baseline.Median)} | {allocText} | {(limit is { } l2 ? $"time <= {l2:0.00}x" : "-")} | {met} |");
        }
    }

    /// <summary>Replaces the part of <paramref name="readmePath"/> between the markers with <paramref name="table"/>.</summary>
    public static void UpdateReadme(string readmePath, string table)
    {
        var text = File.ReadAllText(readmePath);
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{readmePath} has no '{StartMarker}' ... '{EndMarker}' block.");
        }

        var updated = string.Concat(text.AsSpan(0, start + StartMarker.Length), "\n", table, text.AsSpan(end));
        File.WriteAllText(readmePath, updated);
    }

    private static string Limits(Target target) =>
        target.TimeLimit is null ? "-" : $"time <= {target.TimeLimit:0.00#}x" + (target.AllocLimit is { } a ? $", allocated <= {a:0.00}x" : string.Empty);

    /// <summary>Nanoseconds per operation of every measured (Workload/Result) iteration, by method; the largest parameter value only.</summary>
    private static Dictionary<string, List<double>> Measurements(string directory, string benchmarkClass)
    {
        var result = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var file = Directory.EnumerateFiles(directory, $"*.{benchmarkClass}-measurements.csv").FirstOrDefault();
        if (file is null)
        {
            return result;
        }

        var lines = File.ReadAllLines(file);
        var header = SplitCsv(lines[0]);
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.Ordinal));
        var method = Column("Target_Method");
        var mode = Column("Measurement_IterationMode");
        var stage = Column("Measurement_IterationStage");
        var value = Column("Measurement_Value");
        var parameters = Column("Params");
        var largest = lines.Skip(1).Select(SplitCsv).Select(c => parameters >= 0 ? c[parameters] : string.Empty).Distinct().Max(StringComparer.Ordinal) ?? string.Empty;
        foreach (var cells in lines.Skip(1).Select(SplitCsv))
        {
            if (cells[mode] != "Workload" || cells[stage] != "Result" || (parameters >= 0 && cells[parameters] != largest))
            {
                continue;
            }

            if (!result.TryGetValue(cells[method], out var list))
            {
                result[cells[method]] = list = [];
            }

            list.Add(double.Parse(cells[value], CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>Allocated bytes per operation by method, from the GitHub summary (the last row of a method: its largest parameter).</summary>
    private static Dictionary<string, double> Allocations(string directory, string benchmarkClass)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var file = Directory.EnumerateFiles(directory, $"*.{benchmarkClass}-report-github.md").FirstOrDefault();
        if (file is null)
        {
            return result;
        }

        string[]? header = null;
        foreach (var line in File.ReadAllLines(file).Where(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            var allocated = Array.IndexOf(header, "Allocated");
            if (allocated < 0 || cells[0].StartsWith('-'))
            {
                continue;
            }

            result[cells[0]] = ParseBytes(cells[allocated]);
        }

        return result;
    }

    private static (double Median, double Q1, double Q3) Quartiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.25), Percentile(sorted, 0.75));
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static double ParseBytes(string text)
    {
        var parts = text.Replace(",", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return 0;
        }

        return parts[1] switch { "B" => number, "KB" => number * 1024, "MB" => number * 1024 * 1024, "GB" => number * 1024 * 1024 * 1024, _ => 0 };
    }

    private static string Bytes(double bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024:0.0} MB" : bytes >= 10 * 1024 ? $"{bytes / 1024:0.0} KB" : $"{bytes:0} B";

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 0 => "-" + Time(-nanoseconds),
        >= 1e6 => $"{nanoseconds / 1e6:0.0} ms",
        >= 1e4 => $"{nanoseconds / 1e3:0.0} us",
        _ => $"{nanoseconds:N0} ns",
    };

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c is ',' or ';' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return [.. cells];
    }
}
