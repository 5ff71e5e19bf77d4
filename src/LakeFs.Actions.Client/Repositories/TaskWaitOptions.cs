namespace LakeFs.Actions.Client;

/// <summary>How <see cref="ILakeFsRepositoriesClient.DumpAsync"/> and <see cref="ILakeFsRepositoriesClient.RestoreAsync"/> wait for their task.</summary>
public sealed class TaskWaitOptions
{
    /// <summary>Time between two status requests. Default 3 seconds (lakectl's interval).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait in all before giving up with a <see cref="RepositoryTaskTimeoutException"/>; <c>null</c> (the default) sets no overall limit.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How long the task's <c>update_time</c> may stay unchanged before the wait gives up with a
    /// <see cref="RepositoryTaskTimeoutException"/>: lakeFS never marks a stalled task itself. Default 1 hour (lakectl's limit).
    /// Measured on the client's clock from the first status that carried the current <c>update_time</c>.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Told each status read while waiting (e.g. to show a progress line); <c>null</c> for none.</summary>
    public IProgress<RepositoryTaskProgress>? Progress { get; set; }

    /// <summary>A copy, so that changes the caller makes while waiting have no effect.</summary>
    internal TaskWaitOptions Clone() => (TaskWaitOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    internal void Validate(string parameterName)
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, PollInterval, $"{nameof(TaskWaitOptions)}.{nameof(PollInterval)} must be positive.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, $"{nameof(TaskWaitOptions)}.{nameof(Timeout)} must be positive when set.");
        }

        if (StallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, StallTimeout, $"{nameof(TaskWaitOptions)}.{nameof(StallTimeout)} must be positive.");
        }
    }
}
