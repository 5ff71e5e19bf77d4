namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Garbage collection rules as lakeFS stores them in a storage namespace: a default retention and one retention
/// per branch (a later rule for the same branch replaces an earlier one). Rules that are all zero and empty are
/// what DELETE stores, and they read back as "not found".
/// </summary>
internal sealed record GcRulesRecord(int DefaultRetentionDays, IReadOnlyDictionary<string, int> BranchRetentionDays)
{
    public bool IsEmpty => DefaultRetentionDays == 0 && BranchRetentionDays.Count == 0;
}
