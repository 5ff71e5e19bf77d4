namespace LakeFs.Actions.Client.Paging;

/// <summary>
/// The id a lakeFS listing is ordered by and its <c>after</c> cursor compares against: a run's id, a hook run's id,
/// a repository's id. Within the range a listing scans, these ids come in ascending ordinal order.
/// </summary>
internal static class ListingKey
{
    public static string? Of<T>(T item) => item switch
    {
        ActionRun run => run.RunId,
        HookRun hook => hook.HookRunId,
        Repository repository => repository.Id,
        _ => null,
    };
}
