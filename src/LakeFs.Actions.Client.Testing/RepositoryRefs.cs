using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The refs of one repository: branches (with staging areas), commits and tags, resolved as lakeFS resolves a ref
/// (a branch first, then a tag, then a commit id). Callers hold the store's lock.
/// </summary>
internal sealed class RepositoryRefs
{
    /// <summary>The message of the commit lakeFS makes when it creates a repository.</summary>
    public const string FirstCommitMessage = "Repository created";

    private static long s_commitSequence;

    public SortedDictionary<string, BranchRecord> Branches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CommitRecord> Commits { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates the default branch on an empty first commit, as a repository create does.</summary>
    public void Initialize(string defaultBranch, string committer, DateTimeOffset now)
    {
        var commit = NewCommit([], committer, FirstCommitMessage, now, new Dictionary<string, string>(), ImmutableSortedDictionary.Create<string, ObjectRecord>(StringComparer.Ordinal));
        Branches[defaultBranch] = new BranchRecord(defaultBranch, commit.Id);
    }

    /// <summary>Makes a commit (not yet on any branch) and stores it.</summary>
    public CommitRecord NewCommit(
        IReadOnlyList<string> parents,
        string committer,
        string message,
        DateTimeOffset creationDate,
        IReadOnlyDictionary<string, string> metadata,
        ImmutableSortedDictionary<string, ObjectRecord> objects,
        IReadOnlyList<string>? generationFrom = null)
    {
        // A squash merge has one parent, yet lakeFS counts the generation over both merged commits.
        generationFrom ??= parents;
        var generation = generationFrom.Count == 0 ? 1 : generationFrom.Max(p => Commits.TryGetValue(p, out var c) ? c.Generation : 0) + 1;
        // Only a repository's first commit has no meta range; an empty tree committed later has one (the empty meta range's id).
        var metaRange = parents.Count == 0 ? string.Empty : Hash(string.Join('\n', objects.Values.Select(static o => o.Path + "\0" + o.Checksum)));
        var sequence = Interlocked.Increment(ref s_commitSequence);
        var id = Hash(string.Join(
            '\n',
            string.Join(',', parents),
            committer,
            message,
            creationDate.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            metaRange,
            string.Join(',', metadata.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => p.Key + "=" + p.Value)),
            sequence.ToString(CultureInfo.InvariantCulture)));
        var commit = new CommitRecord(
            id,
            parents,
            committer,
            message,
            creationDate,
            metaRange,
            new SortedDictionary<string, string>(metadata.ToDictionary(), StringComparer.Ordinal),
            generation,
            objects);
        Commits[id] = commit;
        return commit;
    }

    /// <summary>
    /// Resolves a ref in lakeFS's order: a full commit id, then a branch (with its staged objects), then a tag, then
    /// an unambiguous commit id prefix (hex digits); null when none matches, as lakeFS's <c>not found</c>.
    /// </summary>
    public ResolvedRef? Resolve(string reference)
    {
        if (reference.Length == CommitIdLength && Commits.TryGetValue(reference, out var full))
        {
            return new ResolvedRef(full, null, full.Objects);
        }

        if (Branches.TryGetValue(reference, out var branch))
        {
            var head = Commits[branch.HeadCommitId];
            return new ResolvedRef(head, branch, branch.View(head));
        }

        if (Tags.TryGetValue(reference, out var tagged))
        {
            var commit = Commits[tagged];
            return new ResolvedRef(commit, null, commit.Objects);
        }

        if (reference.Length is 0 or > CommitIdLength || !reference.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var matches = Commits.Keys.Where(id => id.StartsWith(reference, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? new ResolvedRef(Commits[matches[0]], null, Commits[matches[0]].Objects) : null;
    }

    private const int CommitIdLength = 64;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A resolved ref: its commit, the branch when the ref named one, and the objects it shows.</summary>
internal sealed record ResolvedRef(CommitRecord Commit, BranchRecord? Branch, ImmutableSortedDictionary<string, ObjectRecord> Objects);
