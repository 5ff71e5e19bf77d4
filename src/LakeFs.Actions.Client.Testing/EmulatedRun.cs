namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// An action run to add to the emulator with <see cref="LakeFsActionsEmulator.AddRun(string, EmulatedRun)"/>.
/// The emulator copies it when it is added; later changes to this object have no effect.
/// </summary>
public sealed class EmulatedRun
{
    /// <summary>Creates a run description.</summary>
    /// <param name="branch">Branch the run belongs to.</param>
    /// <param name="commitId">Commit id of the run.</param>
    /// <param name="eventType">Event that triggered the run, e.g. <c>pre-commit</c>; an open set.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public EmulatedRun(string branch, string commitId, string eventType)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentException.ThrowIfNullOrEmpty(commitId);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        Branch = branch;
        CommitId = commitId;
        EventType = eventType;
    }

    /// <summary>Branch the run belongs to.</summary>
    public string Branch { get; }

    /// <summary>Commit id of the run.</summary>
    public string CommitId { get; }

    /// <summary>Event that triggered the run.</summary>
    public string EventType { get; }

    /// <summary>
    /// When the run started; null means the emulator's clock at the time the run is added. The run id is made
    /// from this time (later start, smaller id), as lakeFS makes it from the time the run was created.
    /// A start time earlier than runs already added models a run that lands late (a post-commit run whose
    /// webhook was slow): its id sorts between theirs, older than runs a poller has already seen.
    /// </summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// When the run ended; null means the end of its last hook that ran (or the start time when none ran).
    /// <see cref="DateTimeOffset.MinValue"/> is sent as Go's zero time <c>0001-01-01T00:00:00Z</c>.
    /// </summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Outcome of the run; null means failed when any hook failed, completed otherwise.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>The hooks of the run, in the order they ran.</summary>
    public IList<EmulatedHook> Hooks { get; init; } = [];
}
