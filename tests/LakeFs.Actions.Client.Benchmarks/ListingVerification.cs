using LakeFs.Actions.Client.Benchmarks.Baselines;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>Checks, before measuring, that every listing implementation read the same runs.</summary>
internal static class ListingVerification
{
    private static readonly HashSet<Type> Verified = [];

    /// <summary>True the first time it is asked for <paramref name="benchmarks"/>: BenchmarkDotNet sets a class up once per benchmark, one check is enough.</summary>
    public static bool FirstTimeFor(Type benchmarks) => Verified.Add(benchmarks);

    public static void SameRuns(long expectedCount, RunTally reference, params (string Name, RunTally Tally, bool SameTimes)[] others)
    {
        if (reference.Count != expectedCount)
        {
            throw new InvalidOperationException($"The baseline read {reference.Count} runs, expected {expectedCount}.");
        }

        foreach (var (name, tally, sameTimes) in others)
        {
            if (tally.Count != reference.Count || tally.IdHash != reference.IdHash || tally.LastRunId != reference.LastRunId)
            {
                throw new InvalidOperationException($"{name} read other runs than the baseline: {tally} vs {reference}.");
            }

            if (sameTimes && tally.StartTicksSum != reference.StartTicksSum)
            {
                throw new InvalidOperationException($"{name} read other start times than the baseline: {tally} vs {reference}.");
            }
        }

        Console.WriteLine($"// Verified: {reference}");
    }
}
