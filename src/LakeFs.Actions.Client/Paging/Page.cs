namespace LakeFs.Actions.Client;

/// <summary>One page of a listing.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="values">The items on the page.</param>
    /// <param name="continuationToken">The token that resumes the listing after this page; <c>null</c> on the last page.</param>
    public Page(IReadOnlyList<T> values, string? continuationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items on this page (after any client-side filter).</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass it to <see cref="AsyncPageable{T}.AsPages"/> to resume after this page, even in another process;
    /// <c>null</c> when this is the last page. It is lakeFS's <c>after</c> cursor.
    /// </summary>
    public string? ContinuationToken { get; }
}
