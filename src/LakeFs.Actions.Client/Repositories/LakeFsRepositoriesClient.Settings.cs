
namespace LakeFs.Actions.Client;

/// <summary>Repository settings: garbage collection rules and branch protection.</summary>
public partial class LakeFsRepositoriesClient
{
    /// <inheritdoc />
    public virtual async Task<GarbageCollectionRules?> GetGCRulesAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        GarbageCollectionRules rules;
        try
        {
            rules = await Rest.GetGCRulesAsync(repository, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (error.StatusCode == 404 && !IsRepositoryNotFound(error))
        {
            // "not found" means no rules, but a proxy or another server version may word an unknown repository
            // differently: confirm the repository exists (its own 404 is thrown from here).
            await GetRepositoryAsync(repository, cancellationToken).ConfigureAwait(false);
            return null;
        }

        rules.Branches ??= [];
        return rules;
    }

    /// <inheritdoc />
    public virtual Task SetGCRulesAsync(string repository, GarbageCollectionRules rules, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(rules);
        var branches = new List<GarbageCollectionRule>();
        foreach (var branch in rules.Branches ?? [])
        {
            if (branch is null || string.IsNullOrEmpty(branch.BranchId))
            {
                throw new ArgumentException("Every branch rule needs a branch id.", nameof(rules));
            }

            branches.Add(new GarbageCollectionRule { BranchId = branch.BranchId, RetentionDays = branch.RetentionDays });
        }

        // A copy: the caller's object is not changed, and branches is always an array (null breaks the server's schema).
        var body = new GarbageCollectionRules { DefaultRetentionDays = rules.DefaultRetentionDays, Branches = branches };
        return Rest.SetGCRulesAsync(repository, body, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task DeleteGCRulesAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        return Rest.DeleteGCRulesAsync(repository, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<BranchProtectionRules> GetBranchProtectionRulesAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        var answer = await Rest.GetBranchProtectionRulesAsync(repository, cancellationToken).ConfigureAwait(false);
        var rules = answer.Body.Where(rule => rule is not null).ToList();
        return new BranchProtectionRules(rules, answer.Headers.GetValueOrDefault("ETag") ?? string.Empty);
    }

    /// <inheritdoc />
    public virtual Task SetBranchProtectionRulesAsync(string repository, IEnumerable<BranchProtectionRule> rules, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(rules);
        var body = new List<BranchProtectionRule>();
        foreach (var rule in rules)
        {
            if (rule is null || string.IsNullOrEmpty(rule.Pattern))
            {
                throw new ArgumentException("Every branch protection rule needs a pattern.", nameof(rules));
            }

            body.Add(new BranchProtectionRule { Pattern = rule.Pattern });
        }

        if (ifMatch is not null && ifMatch.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("An ETag cannot contain line breaks.", nameof(ifMatch));
        }

        var condition = string.IsNullOrEmpty(ifMatch) ? null : ifMatch;
        return SetBranchProtectionRulesCoreAsync(repository, body, condition, cancellationToken);
    }

    /// <summary>
    /// The conditional replace, told truthfully: when a retry of it gets 412 after an earlier attempt that may have
    /// been applied (a 5xx, a timeout, a lost connection), the 412 may come from that attempt's own change. The rules
    /// are read again: if they are exactly the rules written, the replace succeeded; otherwise it is a conflict.
    /// </summary>
    private async Task SetBranchProtectionRulesCoreAsync(string repository, List<BranchProtectionRule> rules, string? condition, CancellationToken cancellationToken)
    {
        try
        {
            await Rest.SetBranchProtectionRulesAsync(repository, condition, rules, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (error.StatusCode == 412 && condition is not null && error.EarlierAttemptMayHaveActed)
        {
            var current = await GetBranchProtectionRulesAsync(repository, cancellationToken).ConfigureAwait(false);
            if (!SamePatterns(current.Rules, rules))
            {
                throw;
            }
        }
    }

    /// <summary>True when both lists protect the same patterns (the order of the rules does not matter to lakeFS).</summary>
    private static bool SamePatterns(IEnumerable<BranchProtectionRule> stored, IEnumerable<BranchProtectionRule> written) =>
        new HashSet<string>(stored.Select(rule => rule.Pattern ?? string.Empty), StringComparer.Ordinal)
            .SetEquals(written.Select(rule => rule.Pattern ?? string.Empty));

    /// <inheritdoc />
    public virtual Task<bool> AddBranchProtectionRuleAsync(string repository, string pattern, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return UpdateBranchProtectionAsync(
            repository,
            current => current.Contains(pattern) ? null : [.. current.Rules, new BranchProtectionRule { Pattern = pattern }],
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<bool> RemoveBranchProtectionRuleAsync(string repository, string pattern, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return UpdateBranchProtectionAsync(
            repository,
            current => current.Contains(pattern) ? [.. current.Rules.Where(rule => !string.Equals(rule.Pattern, pattern, StringComparison.Ordinal))] : null,
            cancellationToken);
    }

    /// <summary>
    /// Read-modify-write of the rules: <paramref name="change"/> answers the new rules, or null when nothing is to be
    /// done. The write carries If-Match with the ETag read (none when it is empty: the first rules), and a 412 starts
    /// over with a fresh read, up to <see cref="BranchProtectionAttempts"/> times.
    /// </summary>
    private async Task<bool> UpdateBranchProtectionAsync(string repository, Func<BranchProtectionRules, List<BranchProtectionRule>?> change, CancellationToken cancellationToken)
    {
        LakeFsApiException? conflict = null;
        var mayHaveWritten = false;
        for (var attempt = 1; attempt <= BranchProtectionAttempts; attempt++)
        {
            var current = await GetBranchProtectionRulesAsync(repository, cancellationToken).ConfigureAwait(false);
            var updated = change(current);
            if (updated is null)
            {
                // Nothing (left) to do. When an earlier write of this call may have been applied before its answer
                // was lost, the change found in place is that write's: it is reported as made, not as "already so".
                return mayHaveWritten;
            }

            try
            {
                await SetBranchProtectionRulesAsync(repository, updated, current.ETag, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (LakeFsApiException error) when (error.StatusCode == 412)
            {
                conflict = error;
                mayHaveWritten |= error.EarlierAttemptMayHaveActed;
            }
        }

        throw LakeFsErrors.Restated(
            conflict!,
            $"The branch protection rules of repository '{repository}' changed during each of {BranchProtectionAttempts} read-modify-write attempts; gave up.",
            BranchProtectionAttempts);
    }

    private static bool IsRepositoryNotFound(LakeFsApiException error) =>
        error.ServerMessage?.Contains("repository", StringComparison.OrdinalIgnoreCase) == true;
}
