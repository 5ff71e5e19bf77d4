namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// What one lakeFS event carries to its hooks (lakeFS's <c>HookRecord</c>): the event, where its action files are
/// read from (<see cref="SourceRef"/>), and the fields of the webhook payload. Empty strings are omitted from the payload.
/// </summary>
internal sealed record HookEvent(string EventType, string RepositoryId, string SourceRef)
{
    /// <summary>The branch the actions are matched against; empty for tag events.</summary>
    public string BranchId { get; init; } = string.Empty;

    public string TagId { get; init; } = string.Empty;

    public string CommitId { get; init; } = string.Empty;

    public string CommitMessage { get; init; } = string.Empty;

    public string Committer { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> CommitMetadata { get; init; } = new Dictionary<string, string>();

    public string MergeSource { get; init; } = string.Empty;
}
