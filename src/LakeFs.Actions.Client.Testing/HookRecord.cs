namespace LakeFs.Actions.Client.Testing;

/// <summary>A hook run as stored by the emulator, with its id and times fixed.</summary>
internal sealed record HookRecord(
    string HookRunId,
    string Action,
    string HookId,
    HookStatus Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    EmulatedHookOutput Output)
{
    public bool IsSkipped => Status == HookStatus.Skipped;
}
