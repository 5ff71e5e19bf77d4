namespace LakeFs.Actions.Client;

/// <summary>
/// Which action runs to list. <see cref="Branch"/> and <see cref="Commit"/> are filtered by the server;
/// <see cref="Status"/>, <see cref="EventType"/>, <see cref="Since"/> and <see cref="Until"/> by the client,
/// because lakeFS has no such filters.
/// </summary>
/// <remarks>
/// Runs come newest first, so <see cref="Since"/> also stops the listing as soon as the runs get older than it.
/// </remarks>
public sealed class RunQuery
{
    /// <summary>
    /// Only runs on exactly this branch (server-side): <c>main</c> does not include <c>main-dev</c> or
    /// <c>maintenance</c>, although lakeFS's own filter is a prefix scan that returns them too (the client starts the
    /// scan at the branch and ends it where the branch ends, so the listing costs only the pages of this branch's
    /// runs).
    /// </summary>
    /// <remarks>
    /// Cannot be combined with <see cref="Commit"/>.
    /// </remarks>
    public string? Branch { get; set; }

    /// <summary>
    /// Only runs of this commit (server-side), like git: a full commit id (64 hex digits) is exact; anything shorter
    /// is an abbreviation that must start exactly one commit id with runs.
    /// </summary>
    /// <remarks>
    /// Listing an abbreviation costs one more request of up to 1000 runs to resolve it (none when those were all the
    /// runs of the abbreviation); an abbreviation that starts several commit ids throws
    /// <see cref="AmbiguousCommitException"/> when the listing is enumerated, one that starts none lists nothing.
    /// Limit: a commit with 1000 runs or more fills the resolution request alone, so another commit sharing its
    /// abbreviation (and sorting after it) goes unseen and the abbreviation resolves to the first. A failed
    /// pre-commit run has no commit id and is never found here. Cannot be combined with <see cref="Branch"/> (lakeFS
    /// answers 400).
    /// </remarks>
    public string? Commit { get; set; }

    /// <summary>Only runs with this status (client-side).</summary>
    public RunStatus? Status { get; set; }

    /// <summary>Only runs of this event type, e.g. <c>post-commit</c> (client-side, ordinal, case-insensitive).</summary>
    public string? EventType { get; set; }

    /// <summary>Only runs that started at or after this time (client-side; ends the listing early).</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Only runs that started at or before this time (client-side).</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Page size asked of the server (clamped to 1..1000); overrides <see cref="LakeFsClientOptions.PageSize"/>.</summary>
    public int? PageSize { get; set; }

    /// <summary>True when the query filters on the client.</summary>
    internal bool HasClientFilter => Status is not null || EventType is not null || Since is not null || Until is not null;

    /// <summary>True when <paramref name="run"/> passes the client-side filters.</summary>
    internal bool Matches(ActionRun run) =>
        (Status is not { } status || run.Status == status)
        && (EventType is null || string.Equals(run.EventType, EventType, StringComparison.OrdinalIgnoreCase))
        && (Since is not { } since || run.StartTime >= since)
        && (Until is not { } until || run.StartTime <= until);

    /// <summary>True when <paramref name="run"/> and every run after it (they are older) are before <see cref="Since"/>.</summary>
    internal bool IsPastSince(ActionRun run) => Since is { } since && run.StartTime < since;

    internal void Validate()
    {
        if (!string.IsNullOrEmpty(Branch) && !string.IsNullOrEmpty(Commit))
        {
            throw new ArgumentException($"{nameof(Branch)} and {nameof(Commit)} cannot be combined: lakeFS filters runs by one of them (it answers 400 'parameters conflict' to both). Filter by the commit; its runs carry their branch.", "query");
        }

        if (Since is { } since && Until is { } until && since > until)
        {
            throw new ArgumentException($"{nameof(Since)} ({since:O}) is after {nameof(Until)} ({until:O}).", "query");
        }

        if (PageSize is < 1)
        {
            throw new ArgumentOutOfRangeException("query", PageSize, $"{nameof(PageSize)} must be at least 1.");
        }
    }
}
