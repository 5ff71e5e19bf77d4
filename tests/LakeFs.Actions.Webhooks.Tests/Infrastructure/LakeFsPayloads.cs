namespace LakeFs.Actions.Webhooks.Tests.Infrastructure;

/// <summary>
/// One body per lakeFS event, with the fields the reference's per-event table says lakeFS sends for it
/// (branch, source ref, commit id, commit fields, tag, merge source).
/// </summary>
internal static class LakeFsPayloads
{
    public const string Branch = "main";
    public const string NewBranch = "feature-2";
    public const string SourceBranch = "feature-1";
    public const string Tag = "v1.0";
    public static readonly string NewCommit = new('a', 64);
    public static readonly string SourceHead = new('b', 64);
    public static readonly string MergeCommit = new('c', 64);
    public static readonly string HeadCommit = new('d', 64);
    public const string Message = "Load <raw> & clean \"daily\"";
    public const string Committer = "jane@example.com";

    public static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string> { ["owner"] = "jane", ["ticket"] = "DATA-42" };

    public static readonly IReadOnlyDictionary<string, string> MergeMetadata = new Dictionary<string, string> { [".lakefs.merge.strategy"] = "default", ["owner"] = "jane" };

    public static readonly IReadOnlyDictionary<string, string> CherryPickMetadata = new Dictionary<string, string> { ["cherry-pick-origin"] = new string('e', 64), ["cherry-pick-committer"] = "bob" };

    /// <summary>The payload of <paramref name="eventType"/> as lakeFS builds it.</summary>
    public static GoPayload For(string eventType) => eventType switch
    {
        "prepare-commit" or "pre-commit" => new(eventType) { BranchId = Branch, SourceRef = Branch, CommitMessage = Message, Committer = Committer, CommitMetadata = Metadata },
        "post-commit" => new(eventType) { BranchId = Branch, SourceRef = NewCommit, CommitId = NewCommit, CommitMessage = Message, Committer = Committer, CommitMetadata = Metadata },
        "pre-merge" => new(eventType) { BranchId = Branch, SourceRef = SourceHead, CommitId = MergeCommit, CommitMessage = $"Merge '{SourceBranch}' into '{Branch}'", Committer = Committer, CommitMetadata = MergeMetadata, MergeSource = SourceBranch },
        "post-merge" => new(eventType) { BranchId = Branch, SourceRef = MergeCommit, CommitId = MergeCommit, CommitMessage = $"Merge '{SourceBranch}' into '{Branch}'", Committer = Committer, CommitMetadata = MergeMetadata, MergeSource = SourceBranch },
        "pre-create-branch" or "post-create-branch" => new(eventType) { BranchId = NewBranch, SourceRef = Branch, CommitId = HeadCommit },
        "pre-delete-branch" or "post-delete-branch" => new(eventType) { BranchId = NewBranch, SourceRef = HeadCommit },
        "pre-create-tag" or "post-create-tag" or "pre-delete-tag" or "post-delete-tag" => new(eventType) { SourceRef = HeadCommit, TagId = Tag, CommitId = HeadCommit },
        "pre-revert" => new(eventType) { BranchId = Branch, SourceRef = Branch, CommitMessage = "Revert " + HeadCommit, Committer = Committer },
        "pre-cherry-pick" => new(eventType) { BranchId = Branch, SourceRef = Branch, CommitMessage = Message, Committer = Committer, CommitMetadata = CherryPickMetadata },
        "post-revert" => new(eventType) { BranchId = Branch, SourceRef = NewCommit, CommitId = NewCommit, CommitMessage = "Revert " + HeadCommit, Committer = Committer },
        "post-cherry-pick" => new(eventType) { BranchId = Branch, SourceRef = NewCommit, CommitId = NewCommit, CommitMessage = Message, Committer = Committer, CommitMetadata = CherryPickMetadata },
        _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "not a lakeFS event"),
    };

    public static readonly string[] AllEvents =
    [
        "prepare-commit", "pre-commit", "post-commit", "pre-merge", "post-merge",
        "pre-create-branch", "post-create-branch", "pre-delete-branch", "post-delete-branch",
        "pre-create-tag", "post-create-tag", "pre-delete-tag", "post-delete-tag",
        "pre-revert", "post-revert", "pre-cherry-pick", "post-cherry-pick",
    ];

    public static TheoryData<string> Events() => [.. AllEvents];
}
