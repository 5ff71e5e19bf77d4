namespace LakeFs.Actions.Client;

/// <summary>The branch protection rules of a repository and the version they were read at.</summary>
public sealed class BranchProtectionRules
{
    /// <summary>Creates the rules read from the server.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="etag">The raw <c>ETag</c> of the stored rules; empty when none were ever set.</param>
    public BranchProtectionRules(IReadOnlyList<BranchProtectionRule> rules, string etag)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(etag);
        Rules = rules;
        ETag = etag;
    }

    /// <summary>The rules, in the server's order (which is not stable).</summary>
    public IReadOnlyList<BranchProtectionRule> Rules { get; }

    /// <summary>
    /// The <c>ETag</c> the server sent, raw and unquoted (lakeFS sends the sha256 hex of the stored rules). Pass it as
    /// <c>ifMatch</c> to <see cref="ILakeFsRepositoriesClient.SetBranchProtectionRulesAsync"/> to replace the rules only
    /// if nobody changed them meanwhile. Empty when no rules exist.
    /// </summary>
    public string ETag { get; }

    /// <summary>True when a rule has exactly this pattern.</summary>
    /// <param name="pattern">A branch name pattern, e.g. <c>main</c> or <c>release-*</c>.</param>
    /// <returns>Whether the pattern is protected by a rule of its own.</returns>
    public bool Contains(string pattern) => Rules.Any(rule => string.Equals(rule.Pattern, pattern, StringComparison.Ordinal));
}
