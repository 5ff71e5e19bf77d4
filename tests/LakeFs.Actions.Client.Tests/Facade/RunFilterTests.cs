using LakeFs.Actions.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// <see cref="RunQuery.Branch"/> is exact and <see cref="RunQuery.Commit"/> works like git, against the emulator,
/// whose filters are lakeFS's raw key-prefix scans (<c>main</c> also matches <c>main-dev</c>, <c>main.v2</c>,
/// <c>maintenance</c>; an abbreviated commit cannot be paged on the server).
/// </summary>
public sealed class RunFilterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 7, 23, 12, 0, 0, TimeSpan.Zero);
    private LakeFsActionsEmulator _lakeFs = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        _lakeFs.AddRepository("repo");
    }

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    private long Requests => _lakeFs.RequestCount(EmulatorOperations.ListRepositoryRuns);

    private LakeFsActionsClient Client() => new(new LakeFsClientOptions { Endpoint = _lakeFs.Endpoint, AccessKeyId = _lakeFs.AccessKeyId, SecretAccessKey = _lakeFs.SecretAccessKey, PrefetchNextPage = false });

    private static string Commit(int n) => n.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 56);

    /// <summary>Adds <paramref name="count"/> runs on each branch, interleaved in time; returns the ids per branch, newest first.</summary>
    private Dictionary<string, List<string>> AddInterleaved(int count, params string[] branches)
    {
        var ids = branches.ToDictionary(b => b, _ => new List<string>());
        var minute = 0;
        for (var i = 0; i < count; i++)
        {
            foreach (var branch in branches)
            {
                ids[branch].Insert(0, _lakeFs.AddRun("repo", branch, Commit(minute), "pre-commit", startTime: Now.AddMinutes(minute++)));
            }
        }

        return ids;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(50)]
    public async Task Branch_lists_exactly_that_branch_newest_first_at_any_page_size(int pageSize)
    {
        var ids = AddInterleaved(7, "main-dev", "main", "maintenance", "main.v2", "dev", "mai");
        using var client = Client();

        var listed = await client.ListRunsAsync("repo", new RunQuery { Branch = "main", PageSize = pageSize }).Select(r => r.RunId).ToListAsync();

        Assert.Equal(ids["main"], listed);
    }

    [Fact]
    public async Task A_small_branch_costs_one_request_not_a_scan_of_the_repository()
    {
        _lakeFs.AddRuns("repo", 200, i => new EmulatedRun(i % 2 == 0 ? "main-dev" : "maintenance", Commit(i), "pre-commit") { StartTime = Now.AddMinutes(-i) });
        var main = Enumerable.Range(0, 5).Select(i => _lakeFs.AddRun("repo", "main", Commit(1000 + i), "post-commit", startTime: Now.AddSeconds(-30 * i))).ToList();
        using var client = Client();

        var listed = await client.ListRunsAsync("repo", new RunQuery { Branch = "main", PageSize = 50 }).Select(r => r.RunId).ToListAsync();

        Assert.Equal(main, listed);
        Assert.Equal(1, Requests);
    }

    [Fact]
    public async Task A_branch_listing_resumes_from_its_continuation_token()
    {
        var ids = AddInterleaved(6, "main-dev", "main", "maintenance");
        using var client = Client();
        var listing = client.ListRunsAsync("repo", new RunQuery { Branch = "main" });

        var first = await listing.AsPages(pageSizeHint: 4).FirstAsync();
        var rest = await listing.AsPages(first.ContinuationToken, pageSizeHint: 4).SelectMany(p => p.Values.ToAsyncEnumerable()).Select(r => r.RunId).ToListAsync();

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(ids["main"], first.Values.Select(r => r.RunId).Concat(rest));
    }

    [Fact]
    public async Task Client_side_filters_still_apply_to_a_branch()
    {
        _lakeFs.AddRun("repo", new EmulatedRun("main-dev", Commit(1), "pre-commit") { StartTime = Now, Status = RunStatus.Failed });
        var failed = _lakeFs.AddRun("repo", new EmulatedRun("main", Commit(2), "pre-commit") { StartTime = Now.AddMinutes(-1), Status = RunStatus.Failed });
        _lakeFs.AddRun("repo", new EmulatedRun("main", Commit(3), "pre-commit") { StartTime = Now.AddMinutes(-2), Status = RunStatus.Completed });
        _lakeFs.AddRun("repo", new EmulatedRun("maintenance", Commit(4), "pre-commit") { StartTime = Now.AddMinutes(-3), Status = RunStatus.Failed });
        using var client = Client();

        var listed = await client.ListRunsAsync("repo", new RunQuery { Branch = "main", Status = RunStatus.Failed }).Select(r => r.RunId).ToListAsync();

        Assert.Equal([failed], listed);
    }

    [Fact]
    public async Task A_full_commit_id_pages_exactly_even_when_another_commit_extends_it()
    {
        var commit = Commit(0xabc);
        var runs = Enumerable.Range(0, 5).Select(i => _lakeFs.AddRun("repo", "main", commit, "pre-commit", startTime: Now.AddMinutes(i))).Reverse().ToList();
        _lakeFs.AddRun("repo", "main", commit[..63] + "1", "pre-commit", startTime: Now.AddMinutes(10));
        using var client = Client();

        var listed = await client.ListRunsAsync("repo", new RunQuery { Commit = commit, PageSize = 2 }).Select(r => r.RunId).ToListAsync();

        Assert.Equal(runs, listed);
        Assert.Equal(3, Requests);
    }

    [Fact]
    public async Task A_unique_abbreviation_lists_its_commit_across_pages_from_one_resolution_request()
    {
        var commit = Commit(0x1234);
        var runs = Enumerable.Range(0, 7).Select(i => _lakeFs.AddRun("repo", "main", commit, "post-commit", startTime: Now.AddMinutes(i))).Reverse().ToList();
        _lakeFs.AddRun("repo", "main", Commit(0x9999), "post-commit", startTime: Now.AddMinutes(20));
        using var client = Client();

        var pages = await client.ListRunsAsync("repo", new RunQuery { Commit = commit[..10], PageSize = 2 }).AsPages().ToListAsync();

        Assert.Equal(runs, pages.SelectMany(p => p.Values).Select(r => r.RunId));
        Assert.Equal(4, pages.Count);
        Assert.Equal(1, Requests); // the resolution page held every run of the abbreviation
    }

    [Fact]
    public async Task A_unique_abbreviation_of_a_commit_with_more_runs_than_one_request_pages_on_the_server()
    {
        var commit = Commit(0x77);
        var ids = _lakeFs.AddRuns("repo", 1200, i => new EmulatedRun("main", commit, "post-commit") { StartTime = Now.AddSeconds(-i) });
        using var client = Client();

        var listed = await client.ListRunsAsync("repo", new RunQuery { Commit = commit[..10], PageSize = 500 }).Select(r => r.RunId).ToListAsync();

        Assert.Equal(ids, listed);
        Assert.Equal(1 + 3, Requests);
    }

    [Fact]
    public async Task An_abbreviation_of_several_commits_is_ambiguous_and_names_them()
    {
        var first = "abc1" + new string('0', 60);
        var second = "abc9" + new string('0', 60);
        _lakeFs.AddRun("repo", "main", first, "pre-commit", startTime: Now);
        _lakeFs.AddRun("repo", "main", second, "pre-commit", startTime: Now.AddMinutes(1));
        using var client = Client();

        var error = await Assert.ThrowsAsync<AmbiguousCommitException>(() => client.ListRunsAsync("repo", new RunQuery { Commit = "abc" }).ToListAsync().AsTask());

        Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
        Assert.Equal([first, second], error.Candidates);
        Assert.Equal("abc", error.Abbreviation);

        // One more character makes it unique.
        Assert.Single(await client.ListRunsAsync("repo", new RunQuery { Commit = "abc9" }).ToListAsync());
    }

    [Fact]
    public async Task An_abbreviation_that_is_itself_a_commit_id_is_exact()
    {
        var exact = _lakeFs.AddRun("repo", "main", "c0ffee", "pre-commit", startTime: Now);
        _lakeFs.AddRun("repo", "main", "c0ffee42", "pre-commit", startTime: Now.AddMinutes(1));
        using var client = Client();

        Assert.Equal([exact], await client.ListRunsAsync("repo", new RunQuery { Commit = "c0ffee" }).Select(r => r.RunId).ToListAsync());
    }

    [Fact]
    public async Task An_abbreviation_of_no_commit_lists_nothing()
    {
        _lakeFs.AddRun("repo", "main", Commit(1), "pre-commit", startTime: Now);
        using var client = Client();

        Assert.Empty(await client.ListRunsAsync("repo", new RunQuery { Commit = "fff" }).ToListAsync());
    }

    [Fact]
    public async Task Branch_and_commit_together_are_an_ArgumentException_before_any_request()
    {
        using var client = Client();

        var error = Assert.Throws<ArgumentException>(() => client.ListRunsAsync("repo", new RunQuery { Branch = "main", Commit = "c0ffee" }));
        var watchError = Assert.Throws<ArgumentException>(() => client.WatchRunsAsync("repo", new RunQuery { Branch = "main", Commit = "c0ffee" }));

        Assert.Equal("query", error.ParamName);
        Assert.Contains("cannot be combined", watchError.Message, StringComparison.Ordinal);
        Assert.Equal(0, _lakeFs.TotalRequests);
    }
}
