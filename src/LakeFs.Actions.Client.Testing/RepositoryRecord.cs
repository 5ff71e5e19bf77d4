namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A repository as stored by the emulator, with its runs in three key spaces, as lakeFS keeps them: the runs by
/// id, and the secondary indexes <c>branches/&lt;branch&gt;/&lt;run_id&gt;</c> and <c>commits/&lt;commit_id&gt;/&lt;run_id&gt;</c>.
/// It also holds its metadata, branch protection rules and dump/restore tasks (lakeFS keeps those in
/// the repository's own partition, so they go with it; GC rules live in the storage namespace and are kept by
/// <see cref="EmulatorStore"/>). Callers hold <see cref="EmulatorStore"/>'s lock.
/// </summary>
internal sealed class RepositoryRecord
{
    private readonly RunKeyIndex _byId = new(static run => run.RunId);
    private readonly RunKeyIndex _byBranch = new(static run => run.Branch + "/" + run.RunId);
    private readonly RunKeyIndex _byCommit = new(static run => run.CommitId + "/" + run.RunId);
    private readonly Dictionary<string, RunRecord> _runsById = new(StringComparer.Ordinal);

    public RepositoryRecord(string id, DateTimeOffset creationDate, string defaultBranch, string storageNamespace, string storageId, bool readOnly, bool bare = false, string committer = LakeFsEmulatorOptions.DefaultUserName)
    {
        Id = id;
        CreationDate = creationDate;
        DefaultBranch = defaultBranch;
        StorageNamespace = storageNamespace;
        StorageId = storageId;
        ReadOnly = readOnly;
        Bare = bare;
        if (!bare)
        {
            Refs.Initialize(defaultBranch, committer, creationDate);
        }
    }

    /// <summary>Branches, commits and tags; a bare repository has none until a restore.</summary>
    public RepositoryRefs Refs { get; } = new();

    public string Id { get; }

    public DateTimeOffset CreationDate { get; }

    public string DefaultBranch { get; }

    public string StorageNamespace { get; }

    public string StorageId { get; }

    public bool ReadOnly { get; }

    /// <summary>True while the repository has no commit (a bare create not yet restored into).</summary>
    public bool Bare { get; set; }

    /// <summary>True once a delete started; the repository then answers 410 until a delete completes.</summary>
    public bool InDeletion { get; set; }

    /// <summary>How many of the next deletes fail midway (500) after marking the repository as being deleted.</summary>
    public int DeletesToFail { get; set; }

    /// <summary>How many of the next submitted tasks stall: they never make progress after the submit.</summary>
    public int TasksToStall { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Branch protection patterns; null while no rules were ever stored (an empty list is stored rules).</summary>
    public SortedSet<string>? ProtectionRules { get; set; }

    public Dictionary<string, RepositoryTask> Tasks { get; } = new(StringComparer.Ordinal);

    public int RunCount => _runsById.Count;

    public RunRecord? FindRun(string runId) => _runsById.GetValueOrDefault(runId);

    public void Add(RunRecord run)
    {
        _runsById.Add(run.RunId, run);
        _byId.Add(run);
        _byBranch.Add(run);
        _byCommit.Add(run);
    }

    /// <summary>
    /// Sets a stored run's commit id and moves its commit index entry, as lakeFS updates a pre-commit run once the
    /// commit exists; false when the run is not stored.
    /// </summary>
    public bool SetRunCommit(string runId, string commitId)
    {
        if (!_runsById.TryGetValue(runId, out var run))
        {
            return false;
        }

        _byId.Remove(run);
        _byBranch.Remove(run);
        _byCommit.Remove(run);
        var updated = run with { CommitId = commitId };
        _runsById[runId] = updated;
        _byId.Add(updated);
        _byBranch.Add(updated);
        _byCommit.Add(updated);
        return true;
    }

    /// <summary>Adds many runs at once: one sort per index instead of one insertion each.</summary>
    public void AddRange(IReadOnlyCollection<RunRecord> runs)
    {
        foreach (var run in runs)
        {
            _runsById.Add(run.RunId, run);
        }

        _byId.AddRange(runs);
        _byBranch.AddRange(runs);
        _byCommit.AddRange(runs);
    }

    /// <summary>
    /// Up to <paramref name="take"/> runs as lakeFS's iterators return them. Without a filter: by run id (newest
    /// first), strictly after <paramref name="after"/>. With <paramref name="branch"/> (or <paramref name="commit"/>):
    /// a raw scan of the index keys that start with the value, in key order, from the key <c>value/after</c> on.
    /// So <c>main</c> also finds <c>main-dev</c> and <c>maintenance</c>, and an abbreviated commit id finds every
    /// commit starting with it but cannot page (its <c>after</c> key sorts before all of them). Never both filters:
    /// the caller answers 400 for that.
    /// </summary>
    public List<RunRecord> ListRuns(string? after, string? branch, string? commit, int take)
    {
        if (!string.IsNullOrEmpty(branch))
        {
            return ScanIndex(_byBranch, branch, after, take);
        }

        if (!string.IsNullOrEmpty(commit))
        {
            return ScanIndex(_byCommit, commit, after, take);
        }

        return string.IsNullOrEmpty(after)
            ? _byId.Scan(string.Empty, string.Empty, exclusive: false, take)
            : _byId.Scan(string.Empty, after, exclusive: true, take);
    }

    private static List<RunRecord> ScanIndex(RunKeyIndex index, string value, string? after, int take) =>
        string.IsNullOrEmpty(after)
            ? index.Scan(value, value, exclusive: false, take)
            : index.Scan(value, value + "/" + after, exclusive: true, take);
}
