using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LakeFs.Actions.Client.Diagnostics;
using LakeFs.Actions.Client.Http;

namespace LakeFs.Actions.Client.Paging;

/// <summary>
/// Follows lakeFS's <c>has_more</c>/<c>next_offset</c> cursor. The continuation token is the <c>after</c>
/// cursor, so a listing can be resumed anywhere. Refuses to loop on a server that sends
/// <c>has_more</c> with an empty cursor or repeats a cursor. Can fetch the next page while the caller
/// consumes the current one.
/// </summary>
internal sealed class CursorPageable<T> : AsyncPageable<T>
{
    private readonly LakeFsRequestPipeline _pipeline;
    private readonly LakeFsOperation _operation;
    private readonly string? _repository;
    private readonly Func<string?, int?, CancellationToken, Task<CursorPage<T>>> _fetch;
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
        Func<string?, int?, CancellationToken, Task<CursorPage<T>>> fetch,
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

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (continuationToken is not null && string.IsNullOrWhiteSpace(continuationToken))
        {
            throw new ArgumentException("A continuation token must not be empty or whitespace; pass null to start at the beginning.", nameof(continuationToken));
        }

        return EnumeratePagesAsync(continuationToken, Clamp(pageSizeHint ?? _pageSize), CancellationToken);
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
        Task<CursorPage<T>>? pending = null;
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
                var values = Select(current.Items!, out var stopped);
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

    /// <summary>
    /// Starts a page fetch as a child of the listing's activity. An async iterator resumes on its caller's
    /// execution context after each <c>yield return</c>, where <see cref="Activity.Current"/> is the caller's
    /// activity again, so the listing's activity is made current for the fetch explicitly.
    /// </summary>
    private Task<CursorPage<T>> Fetch(Activity? activity, string? after, int? amount, CancellationToken cancellationToken)
    {
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

    private string? NextCursor(CursorPage<T> page, HashSet<string> seenCursors, Activity? activity)
    {
        if (page.Pagination is null || page.Items is null)
        {
            throw LakeFsErrors.BrokenPage(_operation.Id, activity, "The server sent a page without 'pagination' or 'results'.");
        }

        for (var i = 0; i < page.Items.Count; i++)
        {
            if (page.Items[i] is null)
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

        return next;
    }

    private IReadOnlyList<T> Select(IReadOnlyList<T> items, out bool stopped)
    {
        stopped = false;
        if (_filter is null && _stopBefore is null)
        {
            return items;
        }

        var selected = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (_stopBefore?.Invoke(item) == true)
            {
                stopped = true;
                break;
            }

            if (_filter?.Invoke(item) != false)
            {
                selected.Add(item);
            }
        }

        return selected;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "...");
}
