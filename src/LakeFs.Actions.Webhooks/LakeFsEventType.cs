using System.ComponentModel;
using System.Text.Json.Serialization;

namespace LakeFs.Actions.Webhooks;

/// <summary>
/// The event a lakeFS hook runs on (<c>event_type</c>): one of the 17 events lakeFS fires, or a value a newer
/// lakeFS sends, kept as is. Compares by its wire value, which is case-sensitive as in lakeFS
/// (<c>pre-commit</c>, never <c>Pre-Commit</c> or <c>pre_commit</c>).
/// </summary>
/// <remarks>
/// Only <c>prepare-commit</c> and the <c>pre-*</c> events can stop an operation (<see cref="CanRefuse"/>): their
/// hooks run inside the operation, and a failing webhook makes it fail. The <c>post-*</c> events run after the
/// change was made; a failing webhook there only shows as a failed run.
/// </remarks>
[JsonConverter(typeof(LakeFsEventTypeJsonConverter))]
public readonly struct LakeFsEventType : IEquatable<LakeFsEventType>
{
    private readonly string? _value;

    /// <summary>Creates an event type from its wire value, e.g. <c>"pre-commit"</c>.</summary>
    /// <param name="value">The wire value; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LakeFsEventType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>prepare-commit</c>: the first event of a commit, before the staging area is sealed. Not fired by import.</summary>
    public static LakeFsEventType PrepareCommit { get; } = new("prepare-commit");

    /// <summary><c>pre-commit</c>: before a commit (or an import) is made; can refuse it.</summary>
    public static LakeFsEventType PreCommit { get; } = new("pre-commit");

    /// <summary><c>post-commit</c>: after a commit (or an import) was made.</summary>
    public static LakeFsEventType PostCommit { get; } = new("post-commit");

    /// <summary><c>pre-merge</c>: before a merge into the destination branch; can refuse it.</summary>
    public static LakeFsEventType PreMerge { get; } = new("pre-merge");

    /// <summary><c>post-merge</c>: after a merge.</summary>
    public static LakeFsEventType PostMerge { get; } = new("post-merge");

    /// <summary><c>pre-create-branch</c>: before a branch is created; can refuse it.</summary>
    public static LakeFsEventType PreCreateBranch { get; } = new("pre-create-branch");

    /// <summary><c>post-create-branch</c>: after a branch was created.</summary>
    public static LakeFsEventType PostCreateBranch { get; } = new("post-create-branch");

    /// <summary><c>pre-delete-branch</c>: before a branch is deleted; can refuse it.</summary>
    public static LakeFsEventType PreDeleteBranch { get; } = new("pre-delete-branch");

    /// <summary><c>post-delete-branch</c>: after a branch was deleted.</summary>
    public static LakeFsEventType PostDeleteBranch { get; } = new("post-delete-branch");

    /// <summary><c>pre-create-tag</c>: before a tag is created; can refuse it.</summary>
    public static LakeFsEventType PreCreateTag { get; } = new("pre-create-tag");

    /// <summary><c>post-create-tag</c>: after a tag was created.</summary>
    public static LakeFsEventType PostCreateTag { get; } = new("post-create-tag");

    /// <summary><c>pre-delete-tag</c>: before a tag is deleted; can refuse it.</summary>
    public static LakeFsEventType PreDeleteTag { get; } = new("pre-delete-tag");

    /// <summary><c>post-delete-tag</c>: after a tag was deleted.</summary>
    public static LakeFsEventType PostDeleteTag { get; } = new("post-delete-tag");

    /// <summary><c>pre-revert</c>: before a revert commit is made; can refuse it.</summary>
    public static LakeFsEventType PreRevert { get; } = new("pre-revert");

    /// <summary><c>post-revert</c>: after a revert commit was made.</summary>
    public static LakeFsEventType PostRevert { get; } = new("post-revert");

    /// <summary><c>pre-cherry-pick</c>: before a cherry-pick commit is made; can refuse it.</summary>
    public static LakeFsEventType PreCherryPick { get; } = new("pre-cherry-pick");

    /// <summary><c>post-cherry-pick</c>: after a cherry-pick commit was made.</summary>
    public static LakeFsEventType PostCherryPick { get; } = new("post-cherry-pick");

    /// <summary>The 17 events lakeFS fires, in the order lakeFS declares them.</summary>
    public static IReadOnlyList<LakeFsEventType> Known { get; } =
    [
        PrepareCommit, PreCommit, PostCommit, PreMerge, PostMerge,
        PreCreateBranch, PostCreateBranch, PreDeleteBranch, PostDeleteBranch,
        PreCreateTag, PostCreateTag, PreDeleteTag, PostDeleteTag,
        PreRevert, PostRevert, PreCherryPick, PostCherryPick,
    ];

    /// <summary>The wire value, e.g. <c>"pre-merge"</c>; empty for <c>default(LakeFsEventType)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the 17 events in <see cref="Known"/>, false for a value this version does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>
    /// True for <c>prepare-commit</c> and the <c>pre-*</c> events: a failing hook refuses the operation.
    /// False for the <c>post-*</c> events (and unknown values that do not start with <c>pre-</c>).
    /// </summary>
    public bool CanRefuse => Value == PrepareCommit.Value || Value.StartsWith("pre-", StringComparison.Ordinal);

    /// <summary>True for the tag events, which carry <c>tag_id</c> and no <c>branch_id</c>.</summary>
    public bool IsTagEvent => Value.EndsWith("-tag", StringComparison.Ordinal);

    /// <summary>Compares two event types by wire value (ordinal, case-sensitive, as lakeFS does).</summary>
    public static bool operator ==(LakeFsEventType left, LakeFsEventType right) => left.Equals(right);

    /// <summary>Compares two event types by wire value (ordinal, case-sensitive, as lakeFS does).</summary>
    public static bool operator !=(LakeFsEventType left, LakeFsEventType right) => !left.Equals(right);

    /// <summary>Converts a wire value to an event type.</summary>
    public static implicit operator LakeFsEventType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(LakeFsEventType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is LakeFsEventType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
