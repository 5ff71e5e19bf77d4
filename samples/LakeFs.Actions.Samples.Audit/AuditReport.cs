namespace LakeFs.Actions.Samples.Audit;

/// <summary>The totals of one audit.</summary>
internal sealed record AuditReport(int Runs, int FailedRuns, int FailedHooks, int SkippedHooks);
