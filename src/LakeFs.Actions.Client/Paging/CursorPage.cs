namespace LakeFs.Actions.Client.Paging;

/// <summary>One page as lakeFS sends it: the items and the pagination block.</summary>
internal readonly record struct CursorPage<T>(IReadOnlyList<T>? Items, Pagination? Pagination);
