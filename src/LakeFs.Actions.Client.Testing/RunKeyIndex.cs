namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// One of lakeFS's key spaces for runs, kept in ordinal key order: the primary one (key = run id) or a secondary
/// index (key = <c>branch/run_id</c> or <c>commit_id/run_id</c>). <see cref="Scan"/> answers a listing the way
/// lakeFS's key-value store does: every key that starts with the prefix, from a start key on, in key order. It
/// knows nothing about branches or commits, so the quirks of lakeFS's filters (a branch that is a prefix of
/// another, an abbreviated commit that cannot page) follow from the keys alone. Callers hold the store's lock.
/// </summary>
internal sealed class RunKeyIndex
{
    private readonly List<KeyValuePair<string, RunRecord>> _entries = [];
    private readonly Func<RunRecord, string> _keyOf;

    /// <param name="keyOf">The key of a run in this index.</param>
    public RunKeyIndex(Func<RunRecord, string> keyOf) => _keyOf = keyOf;

    public void Add(RunRecord run)
    {
        var key = _keyOf(run);
        var count = _entries.Count;

        // Runs usually arrive newest first, that is with the smallest key so far: insert by binary search.
        _entries.Insert(count == 0 ? 0 : LowerBound(key), new(key, run));
    }

    /// <summary>Removes a run (by reference) from the index.</summary>
    public void Remove(RunRecord run)
    {
        var key = _keyOf(run);
        for (var i = LowerBound(key); i < _entries.Count && string.Equals(_entries[i].Key, key, StringComparison.Ordinal); i++)
        {
            if (ReferenceEquals(_entries[i].Value, run))
            {
                _entries.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>Adds many runs at once: one sort instead of one insertion each.</summary>
    public void AddRange(IEnumerable<RunRecord> runs)
    {
        foreach (var run in runs)
        {
            _entries.Add(new(_keyOf(run), run));
        }

        _entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
    }

    /// <summary>
    /// Up to <paramref name="take"/> runs whose key starts with <paramref name="prefix"/>, in key order, starting at
    /// the first key at or after <paramref name="startKey"/>, leaving out a key equal to it when
    /// <paramref name="exclusive"/> (lakeFS's <c>after</c>).
    /// </summary>
    public List<RunRecord> Scan(string prefix, string startKey, bool exclusive, int take)
    {
        var result = new List<RunRecord>(Math.Min(take, 1024));
        for (var i = LowerBound(startKey); i < _entries.Count && result.Count < take; i++)
        {
            var (key, run) = _entries[i];
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (string.CompareOrdinal(key, prefix) > 0)
                {
                    // Past every key that has the prefix.
                    break;
                }

                continue;
            }

            if (exclusive && string.Equals(key, startKey, StringComparison.Ordinal))
            {
                continue;
            }

            result.Add(run);
        }

        return result;
    }

    /// <summary>The index of the first entry whose key is at or after <paramref name="key"/>.</summary>
    private int LowerBound(string key)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (string.CompareOrdinal(_entries[mid].Key, key) < 0)
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
