namespace LakeFs.Actions.Client.Benchmarks.Baselines;

/// <summary>
/// What every listing benchmark does with each run: counts it and folds its id and start time into a checksum,
/// so no implementation can skip the work and all can be checked to read the same runs.
/// </summary>
internal sealed class RunTally
{
    public long Count { get; private set; }

    public long StartTicksSum { get; private set; }

    public int IdHash { get; private set; }

    public string? LastRunId { get; private set; }

    public void Add(string runId, DateTimeOffset startTime)
    {
        Count++;
        StartTicksSum += startTime.UtcTicks;
        IdHash = HashCode.Combine(IdHash, runId.Length, runId[^1]);
        LastRunId = runId;
    }

    public override string ToString() => $"{Count} runs, last {LastRunId}, id hash {IdHash}, start ticks sum {StartTicksSum}";
}
