using BenchmarkDotNet.Running;
using LakeFs.Actions.Client.Benchmarks;

// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks -- --quick     (every case, 15 iterations each)
// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks                (every case, full statistics)
// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks -- --memory    (case 7: live heap at 10k / 100k / 1M runs)
// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks -- --getrun-interleaved [--rounds 2000]  (case 4 interleaved -> results/getrun-interleaved.md)
// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks -- --table     (docs/performance.md table from results/)
// Any other argument goes to BenchmarkDotNet, e.g. --filter *Prefetch*; without --filter every benchmark runs.
// A BenchmarkDotNet run copies its summaries and per-iteration measurements into results/ (the committed run).
var repository = RepositoryRoot();
var results = Path.Combine(repository, "tests", "LakeFs.Actions.Client.Benchmarks", "results");

if (args.Contains(MemoryFlatnessMeasurement.Switch, StringComparer.OrdinalIgnoreCase))
{
    await MemoryFlatnessMeasurement.RunAsync(results);
    return 0;
}

if (args.Contains(GetRunInterleaved.Switch, StringComparer.OrdinalIgnoreCase))
{
    var roundsIndex = Array.FindIndex(args, a => string.Equals(a, "--rounds", StringComparison.OrdinalIgnoreCase));
    var rounds = roundsIndex >= 0 && roundsIndex + 1 < args.Length ? int.Parse(args[roundsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    await GetRunInterleaved.RunAsync(results, rounds);
    return 0;
}

if (args.Contains(PerformanceTable.Switch, StringComparer.OrdinalIgnoreCase))
{
    var table = PerformanceTable.Build(results);
    Console.Write(table);
    PerformanceTable.UpdateReadme(Path.Combine(repository, "docs", "performance.md"), table);
    return 0;
}

var quick = args.Contains(BenchmarkConfiguration.QuickSwitch, StringComparer.OrdinalIgnoreCase);
var rest = args.Where(a => !string.Equals(a, BenchmarkConfiguration.QuickSwitch, StringComparison.OrdinalIgnoreCase)).ToList();
if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--info" or "--help" or "-h" || a.StartsWith("--filter=", StringComparison.Ordinal)))
{
    rest.AddRange(["--filter", "*"]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(RunListingBenchmarks).Assembly).Run([.. rest], BenchmarkConfiguration.Create(quick)).ToList();
Directory.CreateDirectory(results);
foreach (var summary in summaries)
{
    foreach (var file in Directory.EnumerateFiles(summary.ResultsDirectoryPath, "*-report-github.md").Concat(Directory.EnumerateFiles(summary.ResultsDirectoryPath, "*-measurements.csv")))
    {
        File.Copy(file, Path.Combine(results, Path.GetFileName(file)), overwrite: true);
    }
}

return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LakeFs.Actions.Client.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository (LakeFs.Actions.Client.sln not found above the current directory).");
}
