namespace LakeFs.Actions.Client;

/// <summary>How <see cref="ILakeFsActionsClient.WatchRunsAsync"/> polls.</summary>
public sealed class WatchOptions
{
    /// <summary>Time between two polls. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long to watch before giving up with a <see cref="TimeoutException"/>; <c>null</c> (the default)
    /// watches until the caller stops enumerating or cancels.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", PollInterval, $"{nameof(PollInterval)} must be positive.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", timeout, $"{nameof(Timeout)} must be positive when set.");
        }
    }
}
