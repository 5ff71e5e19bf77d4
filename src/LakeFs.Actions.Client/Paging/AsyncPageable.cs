namespace LakeFs.Actions.Client;

/// <summary>
/// A listing that fetches pages on demand. Enumerate it with <c>await foreach</c> to get every item,
/// or call <see cref="AsPages"/> to work page by page and resume later from a continuation token.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>For mocking and derived types.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>For mocking and derived types.</summary>
    /// <param name="cancellationToken">Token that cancels the enumeration.</param>
    protected AsyncPageable(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The token that cancels the enumeration, given when the listing was created.</summary>
    protected virtual CancellationToken CancellationToken { get; }

    /// <summary>Enumerates the listing page by page.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.ContinuationToken"/> from an earlier enumeration, to resume after that page; <c>null</c> starts at the beginning.</param>
    /// <param name="pageSizeHint">Page size to ask the server for, clamped to 1..1000; <c>null</c> uses the query's or the client's setting.</param>
    /// <returns>The pages.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every item of every page.</summary>
    /// <param name="cancellationToken">Token that cancels the enumeration, together with the one given when the listing was created.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
        await foreach (var page in AsPages().WithCancellation(linked.Token).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}
