using BenchmarkDotNet.Running;
using LakeFs.Actions.Client.Benchmarks;

// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks -- --quick     (every case, a few minutes)
// dotnet run -c Release --project tests/LakeFs.Actions.Client.Benchmarks                (every case, full statistics)
// Any other argument goes to BenchmarkDotNet, e.g. --filter *Prefetch*; without --filter every benchmark runs.
var quick = args.Contains(BenchmarkConfiguration.QuickSwitch, StringComparer.OrdinalIgnoreCase);
var rest = args.Where(a => !string.Equals(a, BenchmarkConfiguration.QuickSwitch, StringComparison.OrdinalIgnoreCase)).ToList();
if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--info" or "--help" or "-h" || a.StartsWith("--filter=", StringComparison.Ordinal)))
{
    rest.AddRange(["--filter", "*"]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(RunListingBenchmarks).Assembly).Run([.. rest], BenchmarkConfiguration.Create(quick));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
