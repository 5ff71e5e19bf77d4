using System.Collections.Immutable;

namespace LakeFs.Actions.Client.Testing;

/// <summary>A commit: what lakeFS answers for it, and the objects of its tree.</summary>
internal sealed record CommitRecord(
    string Id,
    IReadOnlyList<string> Parents,
    string Committer,
    string Message,
    DateTimeOffset CreationDate,
    string MetaRangeId,
    IReadOnlyDictionary<string, string> Metadata,
    long Generation,
    ImmutableSortedDictionary<string, ObjectRecord> Objects);
