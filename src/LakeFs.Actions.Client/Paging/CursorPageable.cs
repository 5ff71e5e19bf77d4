using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client;

/// <summary>
/// Follows lakeFS's <c>has_more</c>/<c>next_offset</c> cursor. The continuation token is the <c>after</c> cursor,
/// so a listing can be resumed anywhere.
/// </summary>
/// <remarks>
/// Refuses to loop on a server that sends <c>has_more</c> with an empty cursor, repeats a cursor, or sends an
/// empty page that claims more. Drops (and logs) the one item whose id is the cursor itself, so a server that
/// treats <c>after</c> as inclusive never makes one enumeration yield an item twice; any other item behind the
/// cursor means the server does not page in lakeFS's key order, and the listing throws rather than silently yield
/// part of the data. Can fetch the next page while the caller consumes the current one.
/// </remarks>
internal sealed class CursorPageable<T> : AsyncPageable<T>
{
    private readonly LakeFsRequestPipeline _pipeline;
    private readonly LakeFsOperation _operation;
    private readonly string? _repository;
    private readonly Func<string?, int?, CancellationToken, Task<ICursorPage<T>>> _fetch;
    private readonly int? _pageSize;
    private readonly bool _prefetch;
    private readonly Func<T, bool>? _filter;
    private readonly Func<T, bool>? _stopBefore;

    /// <param name="pipeline">Starts the listing's activity.</param>
    /// <param name="operation">The lakeFS operation, for errors and traces.</param>
    /// <param name="repository">Repository, for traces.</param>
    /// <param name="fetch">Fetches the page after a cursor with a page size.</param>
    /// <param name="pageSize">Default page size; a page size hint wins.</param>
    /// <param name="prefetch">Fetch the next page while the caller consumes the current one.</param>
    /// <param name="filter">Client-side filter; items that fail it are left out of the pages.</param>
    /// <param name="stopBefore">Ends the listing at the first item for which it is true (that item is left out).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public CursorPageable(
        LakeFsRequestPipeline pipeline,
        LakeFsOperation operation,
        string? repository,
        Func<string?, int?, CancellationToken, Task<ICursorPage<T>>> fetch,
        int? pageSize,
        bool prefetch,
        Func<T, bool>? filter,
        Func<T, bool>? stopBefore,
        CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _pipeline = pipeline;
        _operation = operation;
        _repository = repository;
        _fetch = fetch;
        _pageSize = pageSize;
        _prefetch = prefetch;
        _filter = filter;
        _stopBefore = stopBefore;
    }

    /// <summary>
    /// The <c>after</c> of the first request when the caller gives no continuation token; <c>null</c> sends none.
    /// A range listing starts at a cursor that sorts before every id of its range (see <see cref="InRange"/>).
    /// </summary>
    public string? Start { get; set; }

    /// <summary>
    /// The exact range the listing covers, when the server answers a wider prefix scan in key order: the
    /// listing ends at the first item outside it (that item and every item after it are left out). Unlike
    /// the filter, which skips items, this ends the listing, because the keys of one range are contiguous.
    /// </summary>
    public Func<T, bool>? InRange { get; set; }

    /// <summary>Where to report items dropped because they were not past the cursor; <c>null</c> for nowhere.</summary>
    public ILogger? Logger { get; init; }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (continuationToken is not null && string.IsNullOrWhiteSpace(continuationToken))
        {
            throw new ArgumentException("A continuation token must not be empty or whitespace; pass null to start at the beginning.", nameof(continuationToken));
        }

        return EnumeratePagesAsync(continuationToken ?? Start, Clamp(pageSizeHint ?? _pageSize), CancellationToken);
    }

    private static int? Clamp(int? pageSize) => pageSize is { } size ? Math.Clamp(size, 1, LakeFsClientOptions.MaxPageSize) : null;

    private async IAsyncEnumerable<Page<T>> EnumeratePagesAsync(string? after, int? amount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = _pipeline.StartActivity(_operation, _repository);
        using var prefetchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        if (after is not null)
        {
            seenCursors.Add(after);
        }

        var pages = 0;
        Task<ICursorPage<T>>? pending = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = await (pending ?? Fetch(activity, after, amount, cancellationToken)).ConfigureAwait(false);
                pending = null;
                pages++;
                activity?.SetTag(LakeFsTelemetry.PagesTag, pages);

                var next = NextCursor(current, seenCursors, activity);
                var values = Select(current, after, activity, out var stopped);
                if (stopped)
                {
                    next = null;
                }

                if (next is not null && _prefetch)
                {
                    pending = Fetch(activity, next, amount, prefetchCancellation.Token);
                }

                yield return new Page<T>(values, next);
                if (next is null)
                {
                    yield break;
                }

                after = next;
            }
        }
        finally
        {
            if (pending is not null)
            {
                // The caller stopped early: cancel the page fetched ahead and wait for it, so no request outlives the listing.
                await prefetchCancellation.CancelAsync().ConfigureAwait(false);
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled or failed fetch of a page nobody asked for.
                }
            }
        }
    }

    /// <summary>Starts a page fetch as a child of the listing's activity, declaring the listing's operation to the pipeline.</summary>
    /// <remarks>
    /// An async iterator resumes on its caller's execution context after each <c>yield return</c>, where
    /// <see cref="Activity.Current"/> is the caller's activity again, so the listing's activity is made current for
    /// the fetch explicitly. The pipeline checks that the request sent is of the listing's operation.
    /// </remarks>
    private Task<ICursorPage<T>> Fetch(Activity? activity, string? after, int? amount, CancellationToken cancellationToken)
    {
        using var listing = LakeFsRequestPipeline.EnterListing(_operation);
        if (activity is null)
        {
            return _fetch(after, amount, cancellationToken);
        }

        var previous = Activity.Current;
        Activity.Current = activity;
        try
        {
            return _fetch(after, amount, cancellationToken);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private string? NextCursor(ICursorPage<T> page, HashSet<string> seenCursors, Activity? activity)
    {
        if (page.Pagination is null || page.Results is null)
        {
            throw LakeFsErrors.BrokenPage(_operation.Id, activity, "The server sent a page without 'pagination' or 'results'.");
        }

        for (var i = 0; i < page.Results.Count; i++)
        {
            if (page.Results[i] is null)
            {
                throw LakeFsErrors.BrokenPage(_operation.Id, activity, string.Create(CultureInfo.InvariantCulture, $"The server sent a page whose 'results' holds null at index {i}; the response could not be read as lakeFS JSON."));
            }
        }

        if (!page.Pagination.HasMore)
        {
            return null;
        }


        var next = page.Pagination.NextOffset;
        if (string.IsNullOrEmpty(next))
        {
            throw LakeFsErrors.BrokenPage(_operation.Id, activity, "The server said has_more=true but sent an empty next_offset; stopping instead of fetching the same page again.");
        }

        if (!seenCursors.Add(next))
        {
            throw LakeFsErrors.BrokenPage(_operation.Id, activity, $"The server sent the cursor '{Shorten(next)}' twice; stopping instead of looping over the same pages.");
        }

        if (page.Results.Count == 0)
        {
            // lakeFS decides has_more by peeking one item past a page of at least one item: it never sends this.
            throw LakeFsErrors.BrokenPage(_operation.Id, activity, "The server sent a page with no results that says has_more=true; a lakeFS server never does that, so the listing stops instead of following it (the server is broken or not lakeFS).");
        }

        return next;
    }

    /// <summary>
    /// The items of a page the caller gets: up to the first item outside <see cref="InRange"/> or at
    /// <c>stopBefore</c> (then <paramref name="stopped"/>), without the one repeat of <paramref name="after"/> itself
    /// (an inclusive cursor: dropped and logged), and without those the filter rejects.
    /// </summary>
    /// <remarks>
    /// Any other item that is not past the cursor throws: the server's order is not lakeFS's, and neither dropping it
    /// (data lost) nor yielding it (perhaps twice) would be the listing the caller asked for.
    /// </remarks>
    private IReadOnlyList<T> Select(ICursorPage<T> page, string? after, Activity? activity, out bool stopped)
    {
        stopped = false;
        var items = page.Results;
        if (_filter is null && _stopBefore is null && InRange is null && (after is null || AllPast(page, after)))
        {
            return items;
        }

        var selected = new List<T>(items.Count);
        var repeated = false;
        foreach (var item in items)
        {
            if (InRange?.Invoke(item) == false || _stopBefore?.Invoke(item) == true)
            {
                stopped = true;
                break;
            }

            if (after is not null && page.KeyOf(item) is { } key && string.CompareOrdinal(key, after) <= 0)
            {
                if (!repeated && string.Equals(key, after, StringComparison.Ordinal))
                {
                    // The cursor's own item again: an inclusive 'after'. It was yielded on the page before.
                    repeated = true;
                    continue;
                }

                throw LakeFsErrors.BrokenPage(_operation.Id, activity, $"The server sent '{Shorten(key)}' on the page after the cursor '{Shorten(after)}': its listing is not in lakeFS's order (ascending ids, every page past its cursor), so items would be lost or repeated; the listing stops instead.");
            }

            if (_filter?.Invoke(item) != false)
            {
                selected.Add(item);
            }
        }

        if (repeated && Logger is not null)
        {
            LakeFsLog.ItemsNotPastCursorDropped(Logger, _operation.Id, 1, Shorten(after!), Shorten(after!));
        }

        return selected;
    }

    private static bool AllPast(ICursorPage<T> page, string after)
    {
        foreach (var item in page.Results)
        {
            if (page.KeyOf(item) is { } key && string.CompareOrdinal(key, after) <= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "...");
}
