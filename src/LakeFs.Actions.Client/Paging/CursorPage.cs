namespace LakeFs.Actions.Client;

/// <summary>
/// One page as lakeFS sends it: the items, the pagination block, and which field of an item is its cursor key.
/// Implemented by the generated list envelopes marked <c>x-lakefs-page-of</c> / <c>x-lakefs-cursor-key</c> in the
/// OpenAPI document.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface ICursorPage<T>
{
    /// <summary>The <c>pagination</c> block; null when a broken server left it out.</summary>
    Pagination Pagination { get; }

    /// <summary>The <c>results</c>; null when a broken server left them out.</summary>
    List<T> Results { get; }

    /// <summary>The id the listing is ordered by and its <c>after</c> cursor compares against.</summary>
    string? KeyOf(T item);
}
