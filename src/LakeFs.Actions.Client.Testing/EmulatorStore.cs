namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The emulator's data, behind one lock: repositories and their runs, and what lakeFS keeps in storage namespaces
/// rather than with a repository (GC rules, the marker that a namespace is in use, the meta ranges dumps wrote),
/// so that it outlives the repository.
/// </summary>
internal sealed class EmulatorStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RepositoryRecord> _repositories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GcRulesRecord> _gcRulesByNamespace = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespacesInUse = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commitsMetaRanges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _branchesMetaRanges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tagsMetaRanges = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="action"/> holding the lock (which is re-entrant, so store methods may be called).</summary>
    public T WithLock<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    /// <summary>Removes a repository record; what lives in its storage namespace stays.</summary>
    public void RemoveRepository(string id)
    {
        lock (_gate)
        {
            _repositories.Remove(id);
        }
    }

    /// <summary>Marks a namespace as holding a repository's data (lakeFS writes a marker object there).</summary>
    /// <returns>False when it was already marked.</returns>
    public bool MarkNamespaceInUse(string storageNamespace)
    {
        lock (_gate)
        {
            return _namespacesInUse.Add(storageNamespace);
        }
    }

    public bool IsNamespaceInUse(string storageNamespace)
    {
        lock (_gate)
        {
            return _namespacesInUse.Contains(storageNamespace);
        }
    }

    public GcRulesRecord? FindGcRules(string storageNamespace)
    {
        lock (_gate)
        {
            return _gcRulesByNamespace.GetValueOrDefault(storageNamespace);
        }
    }

    public void SetGcRules(string storageNamespace, GcRulesRecord rules)
    {
        lock (_gate)
        {
            _gcRulesByNamespace[storageNamespace] = rules;
        }
    }

    /// <summary>Records the meta ranges a dump wrote, so that a restore can load them.</summary>
    public void AddDump(RefsDumpIds refs)
    {
        lock (_gate)
        {
            _commitsMetaRanges.Add(refs.Commits);
            _branchesMetaRanges.Add(refs.Branches);
            _tagsMetaRanges.Add(refs.Tags);
        }
    }

    public bool IsCommitsMetaRange(string id) => WithLock(() => _commitsMetaRanges.Contains(id));

    public bool IsBranchesMetaRange(string id) => WithLock(() => _branchesMetaRanges.Contains(id));

    public bool IsTagsMetaRange(string id) => WithLock(() => _tagsMetaRanges.Contains(id));

    public void AddRepository(RepositoryRecord repository)
    {
        lock (_gate)
        {
            if (!_repositories.TryAdd(repository.Id, repository))
            {
                throw new InvalidOperationException($"Repository '{repository.Id}' already exists in the emulator.");
            }
        }
    }

    public bool ContainsRepository(string id)
    {
        lock (_gate)
        {
            return _repositories.ContainsKey(id);
        }
    }

    public RepositoryRecord? FindRepository(string id)
    {
        lock (_gate)
        {
            return _repositories.GetValueOrDefault(id);
        }
    }

    /// <summary>Up to <paramref name="take"/> repositories in id order, after <paramref name="after"/>, filtered.</summary>
    public List<RepositoryRecord> ListRepositories(string? prefix, string? after, string? search, int take)
    {
        var result = new List<RepositoryRecord>();
        lock (_gate)
        {
            foreach (var repository in _repositories.Values)
            {
                if (result.Count >= take)
                {
                    break;
                }

                if ((string.IsNullOrEmpty(after) || string.CompareOrdinal(repository.Id, after) > 0)
                    && (string.IsNullOrEmpty(prefix) || repository.Id.StartsWith(prefix, StringComparison.Ordinal))
                    && (string.IsNullOrEmpty(search) || repository.Id.Contains(search, StringComparison.Ordinal)))
                {
                    result.Add(repository);
                }
            }
        }

        return result;
    }

    public void AddRun(string repository, RunRecord run)
    {
        lock (_gate)
        {
            GetRepository(repository).Add(run);
        }
    }

    public void AddRuns(string repository, IReadOnlyCollection<RunRecord> runs)
    {
        lock (_gate)
        {
            GetRepository(repository).AddRange(runs);
        }
    }

    public int CountRuns(string repository)
    {
        lock (_gate)
        {
            return GetRepository(repository).RunCount;
        }
    }

    public RunRecord? FindRun(RepositoryRecord repository, string runId)
    {
        lock (_gate)
        {
            return repository.FindRun(runId);
        }
    }

    public List<RunRecord> ListRuns(RepositoryRecord repository, string? after, string? branch, string? commit, int take)
    {
        lock (_gate)
        {
            return repository.ListRuns(after, branch, commit, take);
        }
    }

    private RepositoryRecord GetRepository(string id) =>
        _repositories.GetValueOrDefault(id)
        ?? throw new ArgumentException($"Repository '{id}' does not exist in the emulator; add it with AddRepository first.", nameof(id));
}
