namespace LakeFs.Actions.Client;

/// <summary>
/// A lakeFS event an action can run on, e.g. <see cref="PreCommit"/> (<c>pre-commit</c>). An extensible
/// value: any text is kept as is and compares by its wire value (ordinal), so an event a newer lakeFS adds
/// still round-trips; <see cref="IsKnown"/> tells whether it is one of the 17 events lakeFS 1.84 fires.
/// </summary>
public readonly struct ActionEventType : IEquatable<ActionEventType>
{
    private static readonly ActionEventType[] KnownValues =
    [
        new("prepare-commit"), new("pre-commit"), new("post-commit"),
        new("pre-merge"), new("post-merge"),
        new("pre-create-branch"), new("post-create-branch"), new("pre-delete-branch"), new("post-delete-branch"),
        new("pre-create-tag"), new("post-create-tag"), new("pre-delete-tag"), new("post-delete-tag"),
        new("pre-revert"), new("post-revert"), new("pre-cherry-pick"), new("post-cherry-pick"),
    ];

    private readonly string? _value;

    /// <summary>Creates an event type from its name, e.g. <c>"pre-commit"</c>.</summary>
    /// <param name="value">The name; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ActionEventType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>prepare-commit</c>: the first event of a commit, before the staging area is sealed.</summary>
    public static ActionEventType PrepareCommit => KnownValues[0];

    /// <summary><c>pre-commit</c>.</summary>
    public static ActionEventType PreCommit => KnownValues[1];

    /// <summary><c>post-commit</c>.</summary>
    public static ActionEventType PostCommit => KnownValues[2];

    /// <summary><c>pre-merge</c>: matched against the destination branch; files are read from the source.</summary>
    public static ActionEventType PreMerge => KnownValues[3];

    /// <summary><c>post-merge</c>.</summary>
    public static ActionEventType PostMerge => KnownValues[4];

    /// <summary><c>pre-create-branch</c>: matched against the new branch.</summary>
    public static ActionEventType PreCreateBranch => KnownValues[5];

    /// <summary><c>post-create-branch</c>.</summary>
    public static ActionEventType PostCreateBranch => KnownValues[6];

    /// <summary><c>pre-delete-branch</c>.</summary>
    public static ActionEventType PreDeleteBranch => KnownValues[7];

    /// <summary><c>post-delete-branch</c>.</summary>
    public static ActionEventType PostDeleteBranch => KnownValues[8];

    /// <summary><c>pre-create-tag</c>.</summary>
    public static ActionEventType PreCreateTag => KnownValues[9];

    /// <summary><c>post-create-tag</c>.</summary>
    public static ActionEventType PostCreateTag => KnownValues[10];

    /// <summary><c>pre-delete-tag</c>.</summary>
    public static ActionEventType PreDeleteTag => KnownValues[11];

    /// <summary><c>post-delete-tag</c>.</summary>
    public static ActionEventType PostDeleteTag => KnownValues[12];

    /// <summary><c>pre-revert</c>.</summary>
    public static ActionEventType PreRevert => KnownValues[13];

    /// <summary><c>post-revert</c>.</summary>
    public static ActionEventType PostRevert => KnownValues[14];

    /// <summary><c>pre-cherry-pick</c>.</summary>
    public static ActionEventType PreCherryPick => KnownValues[15];

    /// <summary><c>post-cherry-pick</c>.</summary>
    public static ActionEventType PostCherryPick => KnownValues[16];

    /// <summary>The 17 events lakeFS fires, in lakeFS's order.</summary>
    public static IReadOnlyList<ActionEventType> Known => KnownValues;

    /// <summary>The event's name, e.g. <c>pre-commit</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for one of the 17 events lakeFS fires (and accepts in an action file).</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, this) >= 0;

    /// <summary>
    /// True for a tag event. lakeFS decides this by the name containing <c>tag</c>; such events carry no branch
    /// and accept no parameters (<c>branches</c>) in an action file.
    /// </summary>
    public bool IsTagEvent => Value.Contains("tag", StringComparison.Ordinal);

    /// <summary>True for a <c>pre-*</c> or <c>prepare-*</c> event, whose failure aborts the operation.</summary>
    public bool IsPreEvent => Value.StartsWith("pre", StringComparison.Ordinal);

    /// <summary>Whether two event types are the same (ordinal).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ActionEventType left, ActionEventType right) => left.Equals(right);

    /// <summary>Whether two event types differ (ordinal).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(ActionEventType left, ActionEventType right) => !left.Equals(right);

    /// <summary>Finds the known event with this exact name.</summary>
    /// <param name="value">The name, e.g. <c>pre-merge</c>.</param>
    /// <param name="eventType">The event when known.</param>
    /// <returns>True when <paramref name="value"/> names one of the 17 events.</returns>
    public static bool TryParseKnown(string? value, out ActionEventType eventType)
    {
        foreach (var known in KnownValues)
        {
            if (string.Equals(known.Value, value, StringComparison.Ordinal))
            {
                eventType = known;
                return true;
            }
        }

        eventType = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(ActionEventType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActionEventType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The event's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Value;
}
