namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A repository as stored by the emulator, with its runs, metadata, branch protection rules and dump/restore
/// tasks (lakeFS keeps those in the repository's own partition, so they go with it; GC rules live in the storage
/// namespace and are kept by <see cref="EmulatorStore"/>). The runs are kept sorted by id in DESCENDING order,
/// so that the usual new run (the smallest id so far) is appended at the end; listing walks the list backwards
/// to return ascending ids, newest run first. Callers hold <see cref="EmulatorStore"/>'s lock.
/// </summary>
internal sealed class RepositoryRecord
{
    private readonly List<RunRecord> _runsDescending = [];
    private readonly Dictionary<string, RunRecord> _runsById = new(StringComparer.Ordinal);

    public RepositoryRecord(string id, DateTimeOffset creationDate, string defaultBranch, string storageNamespace, string storageId, bool readOnly, bool bare = false)
    {
        Id = id;
        CreationDate = creationDate;
        DefaultBranch = defaultBranch;
        StorageNamespace = storageNamespace;
        StorageId = storageId;
        ReadOnly = readOnly;
        Bare = bare;
    }

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

    public int RunCount => _runsDescending.Count;

    public RunRecord? FindRun(string runId) => _runsById.GetValueOrDefault(runId);

    public void Add(RunRecord run)
    {
        _runsById.Add(run.RunId, run);
        var count = _runsDescending.Count;
        if (count == 0 || string.CompareOrdinal(_runsDescending[count - 1].RunId, run.RunId) > 0)
        {
            _runsDescending.Add(run);
            return;
        }

        _runsDescending.Insert(CountGreaterThan(run.RunId), run);
    }

    /// <summary>Adds many runs at once: one sort instead of one insertion each.</summary>
    public void AddRange(IReadOnlyCollection<RunRecord> runs)
    {
        foreach (var run in runs)
        {
            _runsById.Add(run.RunId, run);
        }

        _runsDescending.AddRange(runs);
        _runsDescending.Sort(static (a, b) => string.CompareOrdinal(b.RunId, a.RunId));
    }

    /// <summary>
    /// Up to <paramref name="take"/> runs in ascending id order (newest first) with ids strictly greater than
    /// <paramref name="after"/>, keeping only those that match the filters.
    /// </summary>
    public List<RunRecord> ListRuns(string? after, string? branch, string? commit, int take)
    {
        var result = new List<RunRecord>(Math.Min(take, 1024));
        var start = string.IsNullOrEmpty(after) ? _runsDescending.Count : CountGreaterThan(after);
        for (var i = start - 1; i >= 0 && result.Count < take; i--)
        {
            var run = _runsDescending[i];
            if ((string.IsNullOrEmpty(branch) || string.Equals(run.Branch, branch, StringComparison.Ordinal))
                && (string.IsNullOrEmpty(commit) || string.Equals(run.CommitId, commit, StringComparison.Ordinal)))
            {
                result.Add(run);
            }
        }

        return result;
    }

    /// <summary>How many runs have an id greater than <paramref name="id"/>: they form the head of the descending list.</summary>
    private int CountGreaterThan(string id)
    {
        int low = 0, high = _runsDescending.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (string.CompareOrdinal(_runsDescending[mid].RunId, id) > 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
