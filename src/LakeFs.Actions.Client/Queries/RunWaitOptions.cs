namespace LakeFs.Actions.Client;

/// <summary>When <see cref="ILakeFsActionsClient.WaitForRunsAsync"/> stops waiting, and what it calls on the way.</summary>
public sealed class RunWaitOptions
{
    /// <summary>Poll interval, look-back window and timeout of the underlying watch (<see cref="ILakeFsActionsClient.WatchRunsAsync"/>).</summary>
    public WatchOptions Watch { get; set; } = new();

    /// <summary>
    /// Event types to wait for (for example <c>post-commit</c>). Empty (the default): wait for
    /// <see cref="RunQuery.EventType"/> when the query names one, otherwise until the runs settle.
    /// </summary>
    /// <remarks>
    /// With event types, the wait ends after the poll that brought at least one run of each of them. Without,
    /// it ends once at least one run arrived and the poll after the latest new run found nothing new (no new run
    /// for two poll intervals): lakeFS records pre-* runs during the operation and post-* runs shortly after,
    /// so the quiet poll catches the late ones.
    /// </remarks>
    public ICollection<string> Events { get; } = new List<string>();

    /// <summary>Called for each run as it arrives, oldest first among one poll's runs; <c>null</c> for none.</summary>
    public Func<ActionRun, CancellationToken, ValueTask>? OnRun { get; set; }

    internal void Validate()
    {
        if (Watch is null)
        {
            throw new ArgumentNullException("options", $"{nameof(RunWaitOptions)}.{nameof(Watch)} must not be null.");
        }

        Watch.Validate();
        foreach (var eventType in Events)
        {
            if (string.IsNullOrWhiteSpace(eventType))
            {
                throw new ArgumentException($"{nameof(RunWaitOptions)}.{nameof(Events)} contains an empty event type.", "options");
            }
        }
    }
}
