namespace LakeFs.Actions.Client.Testing;

/// <summary>The emulator's data: repositories and their runs, behind one lock.</summary>
internal sealed class EmulatorStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RepositoryRecord> _repositories = new(StringComparer.Ordinal);

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
