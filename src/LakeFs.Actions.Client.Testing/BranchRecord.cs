using System.Collections.Immutable;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A branch: the commit it points at and its staging area (uncommitted writes; a null entry is a staged delete).
/// Callers hold the store's lock.
/// </summary>
internal sealed class BranchRecord
{
    public BranchRecord(string name, string headCommitId)
    {
        Name = name;
        HeadCommitId = headCommitId;
    }

    public string Name { get; }

    public string HeadCommitId { get; set; }

    public SortedDictionary<string, ObjectRecord?> Staged { get; } = new(StringComparer.Ordinal);

    /// <summary>The objects the branch shows: its head commit's tree with the staged writes and deletes applied.</summary>
    public ImmutableSortedDictionary<string, ObjectRecord> View(CommitRecord head)
    {
        if (Staged.Count == 0)
        {
            return head.Objects;
        }

        var builder = head.Objects.ToBuilder();
        foreach (var (path, entry) in Staged)
        {
            if (entry is null)
            {
                builder.Remove(path);
            }
            else
            {
                builder[path] = entry;
            }
        }

        return builder.ToImmutable();
    }
}
