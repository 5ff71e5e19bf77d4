namespace LakeFs.Actions.Client;

/// <summary>How <see cref="ILakeFsActionsClient.WatchRunsAsync"/> polls.</summary>
public sealed class WatchOptions
{
    /// <summary>Time between two polls. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How far back, by start time, each poll looks for runs that landed late. Default 15 minutes.</summary>
    /// <remarks>
    /// lakeFS stores a run when its last hook finishes, with an id made when it started: a
    /// post-commit run whose webhook takes 5 minutes appears 5 minutes late, with an id older than runs that finished
    /// meanwhile. Each poll therefore re-reads, newest first, every run that started within this window before the
    /// newest run seen, and yields those it has not yielded yet. A run is missed only if it lands more than this long
    /// after a newer run has been seen, so set it above the longest time your hooks take. Cost per poll: the pages
    /// that cover the runs started within the window (one page when fewer runs than the page size start in it), plus,
    /// for an abbreviated <see cref="RunQuery.Commit"/>, the request that resolves it.
    /// </remarks>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long to watch before giving up with a <see cref="TimeoutException"/>; <c>null</c> (the default)
    /// watches until the caller stops enumerating or cancels.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>A copy, so that changes the caller makes while watching have no effect.</summary>
    internal WatchOptions Clone() => (WatchOptions)MemberwiseClone();

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", PollInterval, $"{nameof(PollInterval)} must be positive.");
        }

        if (LookBack <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", LookBack, $"{nameof(LookBack)} must be positive.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", timeout, $"{nameof(Timeout)} must be positive when set.");
        }
    }
}
