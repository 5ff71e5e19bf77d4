using System.Runtime.CompilerServices;

namespace LakeFs.Actions.Client;

/// <summary><c>listRepositoryRuns</c> with the meaning a caller expects from <see cref="RunQuery.Branch"/> and <see cref="RunQuery.Commit"/>.</summary>
/// <remarks>
/// lakeFS's filters are raw prefix scans of its index keys
/// (<c>branches/&lt;branch&gt;/&lt;run_id&gt;</c>, <c>commits/&lt;commit_id&gt;/&lt;run_id&gt;</c>, in key order,
/// <c>after</c> turned into the key <c>&lt;value&gt;/&lt;after&gt;</c>):
/// <list type="bullet">
/// <item>Branch: exactly that branch. The first request sends <c>after=-</c> (<see cref="RangeStart"/>): the key
/// <c>main/-</c> sorts after every <c>main-dev/…</c> and <c>main.v2/…</c> key (<c>-</c> and <c>.</c> sort before
/// <c>/</c>) and before every <c>main/&lt;run_id&gt;</c> key (run ids are base32hex digits and letters), so the scan
/// starts at main's newest run. Main's runs are contiguous; the listing ends at the first run of another branch
/// (<c>maintenance</c>…). The cursor is a run id of main, so later pages are exact too.</item>
/// <item>Commit, like git: a full id (64 lowercase hex digits) is listed exactly, the same way. Anything shorter is
/// first resolved with one request of 1000 runs for the prefix: an exact match wins, else one commit id starting
/// with it is that commit, none is an empty listing, several throw <see cref="AmbiguousCommitException"/>. An
/// abbreviation cannot be paged on the server (its next page's key sorts before every full key, so the server
/// answers the first page again), so the listing then uses the resolved full id; when the resolution page held
/// every run of the prefix, the listing is served from it without another request.</item>
/// </list>
/// A server that filters exactly is answered correctly as well: <c>after=-</c> is before every run id.
/// </remarks>
internal sealed class RunListing : AsyncPageable<ActionRun>
{
    /// <summary>An <c>after</c> that sorts before every run id and after the keys of longer names sharing the prefix.</summary>
    public const string RangeStart = "-";

    /// <summary>Length of a full lakeFS commit id (sha256, lowercase hex).</summary>
    public const int FullCommitIdLength = 64;

    /// <summary>The most runs one request can return; the size of the resolution request.</summary>
    private const int ResolutionPageSize = LakeFsClientOptions.MaxPageSize;

    /// <summary>lakeFS's page size when none is given.</summary>
    private const int PageSizeDefault = 100;

    private readonly LakeFsConnection _connection;
    private readonly string _repository;
    private readonly string? _branch;
    private readonly string? _commit;
    private readonly int? _pageSize;
    private readonly Func<ActionRun, bool>? _filter;
    private readonly Func<ActionRun, bool>? _stopBefore;

    /// <param name="connection">Sends the pages; its options give the default page size and prefetch.</param>
    /// <param name="repository">Repository id.</param>
    /// <param name="query">Filters and page size (validated); null lists every run.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public RunListing(LakeFsConnection connection, string repository, RunQuery? query, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _connection = connection;
        _repository = repository;
        _branch = NullIfEmpty(query?.Branch);
        _commit = NullIfEmpty(query?.Commit);
        _pageSize = query?.PageSize;
        _filter = query is { HasClientFilter: true } ? query.Matches : null;
        _stopBefore = query?.Since is not null ? query.IsPastSince : null;
    }

    /// <summary>True when <paramref name="commit"/> is a full lakeFS commit id: 64 lowercase hex digits.</summary>
    public static bool IsFullCommitId(string commit) =>
        commit.Length == FullCommitIdLength && commit.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public override IAsyncEnumerable<Page<ActionRun>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (continuationToken is not null && string.IsNullOrWhiteSpace(continuationToken))
        {
            throw new ArgumentException("A continuation token must not be empty or whitespace; pass null to start at the beginning.", nameof(continuationToken));
        }

        if (_commit is not null && !IsFullCommitId(_commit))
        {
            return ResolveThenListAsync(_commit, continuationToken, pageSizeHint, CancellationToken);
        }

        var pageable = _branch is { } branch
            ? Range((after, amount, ct) => Fetch(after, amount, branch, null, ct), run => string.Equals(run.Branch, branch, StringComparison.Ordinal))
            : _commit is { } commit
                ? Range((after, amount, ct) => Fetch(after, amount, null, commit, ct), run => string.Equals(run.CommitId, commit, StringComparison.Ordinal))
                : Create((after, amount, ct) => Fetch(after, amount, null, null, ct));
        return pageable.AsPages(continuationToken, pageSizeHint);
    }

    private async IAsyncEnumerable<Page<ActionRun>> ResolveThenListAsync(string abbreviation, string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resolution = await Fetch(null, ResolutionPageSize, null, abbreviation, cancellationToken).ConfigureAwait(false);
        if (resolution.Results is null || resolution.Pagination is null)
        {
            throw LakeFsErrors.BrokenPage(Operation.Id, listing: null, "The server sent a page without 'pagination' or 'results'.");
        }

        var runs = resolution.Results.Where(static run => run is not null).ToList();
        var commit = Resolve(abbreviation, runs);
        if (commit is null)
        {
            yield return new Page<ActionRun>([], null);
            yield break;
        }

        Func<ActionRun, bool> inCommit = run => string.Equals(run.CommitId, commit, StringComparison.Ordinal);
        CursorPageable<ActionRun> pageable;
        if (!resolution.Pagination.HasMore)
        {
            // The resolution page holds every run whose commit id starts with the abbreviation: page through it in memory.
            var ofCommit = runs.Where(inCommit).OrderBy(static run => run.RunId, StringComparer.Ordinal).ToList();
            pageable = Range((after, amount, _) => Task.FromResult<ICursorPage<ActionRun>>(InMemoryPage(ofCommit, after, amount)), inCommit);
        }
        else
        {
            pageable = Range((after, amount, ct) => Fetch(after, amount, null, commit, ct), inCommit);
        }

        await foreach (var page in pageable.AsPages(continuationToken, pageSizeHint).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    /// <summary>
    /// The full commit id <paramref name="abbreviation"/> stands for among the runs of the resolution page, or null
    /// when no commit id starts with it. A commit with 1000 runs or more fills the page alone, so a later commit
    /// sharing the abbreviation is not seen there: that case resolves to the first commit.
    /// </summary>
    private static string? Resolve(string abbreviation, List<ActionRun> runs)
    {
        var candidates = new List<string>();
        foreach (var run in runs)
        {
            var id = run.CommitId;
            if (string.Equals(id, abbreviation, StringComparison.Ordinal))
            {
                return id;
            }

            // A server that ignored the filter would send other commits: only ids that start with it count.
            if (id is not null && id.StartsWith(abbreviation, StringComparison.Ordinal) && !candidates.Contains(id, StringComparer.Ordinal))
            {
                candidates.Add(id);
            }
        }

        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousCommitException(abbreviation, [.. candidates.Order(StringComparer.Ordinal)]),
        };
    }

    /// <summary>A page of <paramref name="runs"/> (ascending ids) after a cursor, the way lakeFS cuts one.</summary>
    private static ActionRunList InMemoryPage(List<ActionRun> runs, string? after, int? amount)
    {
        var size = amount ?? PageSizeDefault;
        var page = runs.Where(run => after is null || string.CompareOrdinal(run.RunId, after) > 0).Take(size + 1).ToList();
        var hasMore = page.Count > size;
        if (hasMore)
        {
            page.RemoveAt(size);
        }

        return new ActionRunList
        {
            Results = page,
            Pagination = new Pagination
            {
                HasMore = hasMore,
                NextOffset = hasMore ? page[^1].RunId : string.Empty,
                Results = page.Count,
                MaxPerPage = LakeFsClientOptions.MaxPageSize,
            },
        };
    }

    private static LakeFsOperation Operation => LakeFsRestClient.Operations.ListRepositoryRuns;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>One page of runs from the server.</summary>
    private async Task<ICursorPage<ActionRun>> Fetch(string? after, int? amount, string? branch, string? commit, CancellationToken cancellationToken) =>
        await _connection.Rest.ListRepositoryRunsAsync(_repository, after, amount, branch, commit, cancellationToken).ConfigureAwait(false);

    private CursorPageable<ActionRun> Range(Func<string?, int?, CancellationToken, Task<ICursorPage<ActionRun>>> fetch, Func<ActionRun, bool> inRange)
    {
        var pageable = _connection.Paged(Operation, _repository, fetch, CancellationToken, _pageSize, _filter, _stopBefore);
        pageable.Start = RangeStart;
        pageable.InRange = inRange;
        return pageable;
    }

    private CursorPageable<ActionRun> Create(Func<string?, int?, CancellationToken, Task<ICursorPage<ActionRun>>> fetch) =>
        _connection.Paged(Operation, _repository, fetch, CancellationToken, _pageSize, _filter, _stopBefore);
}
