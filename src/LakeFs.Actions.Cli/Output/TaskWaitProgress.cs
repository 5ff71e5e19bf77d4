using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Shows a dump or restore task's progress reports on a <see cref="WaitProgress"/> line (which adds the time
/// elapsed, and shows nothing when standard error is not a terminal).
/// </summary>
internal sealed class TaskWaitProgress(WaitProgress display, string what) : IProgress<RepositoryTaskProgress>
{
    public void Report(RepositoryTaskProgress value) =>
        display.Update($"{what}: task {value.TaskId} {(value.Done ? "done" : "running")}");
}
