using LakeFs.Actions.Webhooks;

namespace LakeFs.Actions.Samples.RequireOwner;

/// <summary>
/// The rule: a <c>pre-commit</c> or <c>pre-merge</c> into a branch that matches one of the patterns needs the
/// metadata key (default <c>owner</c>) with a non-blank value. Every other event and branch passes.
/// </summary>
public sealed class OwnerRule
{
    private readonly IReadOnlyList<BranchPattern> _patterns;
    private readonly string _key;

    /// <summary>Creates the rule from its options.</summary>
    /// <param name="options">Branch patterns and metadata key.</param>
    /// <exception cref="ArgumentException">A pattern is malformed, or the key is blank.</exception>
    public OwnerRule(RequireOwnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var branches = options.Branches is { Length: > 0 } configured ? configured : ["main"];
        _patterns = [.. branches.Select(pattern => new BranchPattern(pattern))];
        if (string.IsNullOrWhiteSpace(options.MetadataKey))
        {
            throw new ArgumentException("RequireOwner:MetadataKey must not be blank.", nameof(options));
        }

        _key = options.MetadataKey;
    }

    /// <summary>The branch patterns in force.</summary>
    public IReadOnlyList<BranchPattern> Patterns => _patterns;

    /// <summary>Decides one hook call.</summary>
    /// <param name="hookEvent">What lakeFS posted.</param>
    /// <returns>Pass, or fail with the reason the committer reads in the hook log.</returns>
    public LakeFsHookResult Check(LakeFsEvent hookEvent)
    {
        ArgumentNullException.ThrowIfNull(hookEvent);
        var what = hookEvent.EventType == LakeFsEventType.PreCommit ? "commit"
            : hookEvent.EventType == LakeFsEventType.PreMerge ? "merge"
            : null;
        if (what is null)
        {
            return LakeFsHookResult.Pass($"{hookEvent.EventType} is not checked by require-owner.");
        }

        if (hookEvent.BranchId is not { } branch || _patterns.FirstOrDefault(p => p.Matches(branch)) is not { } pattern)
        {
            return LakeFsHookResult.Pass($"Branch '{hookEvent.BranchId}' does not match {string.Join(", ", _patterns.Select(p => $"'{p}'"))}; no owner needed.");
        }

        if (hookEvent.CommitMetadata is { } metadata && metadata.TryGetValue(_key, out var owner) && !string.IsNullOrWhiteSpace(owner))
        {
            return LakeFsHookResult.Pass($"Owner '{owner}' recorded for this {what} into '{branch}'.");
        }

        var found = hookEvent.CommitMetadata?.ContainsKey(_key) == true ? "is blank" : "is missing";
        return LakeFsHookResult.Fail(
            $"Refused: the {what} into branch '{branch}' (matches '{pattern}') needs the commit metadata key '{_key}', which {found}. " +
            $"Add it, e.g. lakectl commit lakefs://{hookEvent.RepositoryId}/{branch} -m \"...\" --meta {_key}=<your name>" +
            (what == "merge" ? ", or pass metadata {\"" + _key + "\": \"<your name>\"} with the merge request." : "."));
    }
}
