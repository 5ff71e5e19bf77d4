using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// The branch and commit filters are raw prefix scans of lakeFS's secondary index keys
/// (<c>branch/run_id</c>, <c>commit_id/run_id</c>), in key order, with <c>after</c> turned into a key.
/// An emulator that filters exactly and pages by run id fails every test here.
/// </summary>
public sealed class IndexScanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>Adds a run on <paramref name="branch"/> that started <paramref name="minutesAgo"/> minutes ago.</summary>
    private static string Add(LakeFsActionsEmulator lakeFs, string branch, int minutesAgo, string commit = "c0ffee") =>
        lakeFs.AddRun(Api.Repo, branch, commit, "pre-commit", startTime: Now - TimeSpan.FromMinutes(minutesAgo));

    [Fact]
    public async Task A_branch_filter_returns_every_branch_it_prefixes_in_key_order()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var mainOld = Add(lakeFs, "main", 10);
        var maintenance = Add(lakeFs, "maintenance", 9);
        var mainDev = Add(lakeFs, "main-dev", 8);
        var mainNew = Add(lakeFs, "main", 7);
        var mainV2 = Add(lakeFs, "main.v2", 6);
        Add(lakeFs, "dev", 5);
        using var http = lakeFs.CreateHttpClient();

        var (ids, _) = await Api.ListRunsAsync(http, "?branch=main");

        // '-' and '.' sort before '/', letters after: main-dev, main.v2, main (newest first), maintenance.
        Assert.Equal([mainDev, mainV2, mainNew, mainOld, maintenance], ids);
    }

    [Fact]
    public async Task After_becomes_a_key_under_the_filter_value_so_a_cursor_from_another_branch_skips_runs()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var mainOld = Add(lakeFs, "main", 10);
        var mainDevOld = Add(lakeFs, "main-dev", 9);
        var mainNew = Add(lakeFs, "main", 3);
        var mainDevNew = Add(lakeFs, "main-dev", 2);
        var maintenance = Add(lakeFs, "maintenance", 1);
        using var http = lakeFs.CreateHttpClient();

        var (first, pagination) = await Api.ListRunsAsync(http, "?branch=main&amount=2");
        Assert.Equal([mainDevNew, mainDevOld], first);
        Assert.Equal(mainDevOld, pagination.GetProperty("next_offset").GetString());

        // The next page starts at the key main/<mainDevOld>: main's runs newer than that id are skipped.
        var (second, _) = await Api.ListRunsAsync(http, $"?branch=main&amount=10&after={mainDevOld}");
        Assert.Equal([mainOld, maintenance], second);
        Assert.DoesNotContain(mainNew, second);

        // A cursor that sorts before every run id and after 'main-dev/...' keys starts at main's newest run.
        var (fromSentinel, _) = await Api.ListRunsAsync(http, "?branch=main&amount=10&after=-");
        Assert.Equal([mainNew, mainOld, maintenance], fromSentinel);
    }

    [Fact]
    public async Task A_full_commit_id_pages_through_its_runs_newest_first()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runs = Enumerable.Range(0, 5).Select(i => Add(lakeFs, "main", 10 - i, commit: "abc123")).Reverse().ToList();
        Add(lakeFs, "main", 1, commit: "abc999");
        using var http = lakeFs.CreateHttpClient();

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var (ids, pagination) = await Api.ListRunsAsync(http, "?commit=abc123&amount=2" + (after is null ? "" : "&after=" + after));
            seen.AddRange(ids);
            if (!pagination.GetProperty("has_more").GetBoolean())
            {
                break;
            }

            after = pagination.GetProperty("next_offset").GetString();
        }

        Assert.Equal(runs, seen);
    }

    [Fact]
    public async Task An_abbreviated_commit_finds_every_commit_it_starts_in_commit_order_but_cannot_page()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var second = Add(lakeFs, "main", 10, commit: "abc9");
        var firstOld = Add(lakeFs, "main", 9, commit: "abc1");
        var firstNew = Add(lakeFs, "main", 8, commit: "abc1");
        Add(lakeFs, "main", 7, commit: "abd0");
        using var http = lakeFs.CreateHttpClient();

        var (all, _) = await Api.ListRunsAsync(http, "?commit=abc");
        Assert.Equal([firstNew, firstOld, second], all);

        // The next page's key 'abc/<id>' sorts before 'abc1/...' ('/' < '0'): the server answers the first page again.
        var (page, pagination) = await Api.ListRunsAsync(http, "?commit=abc&amount=2");
        Assert.Equal([firstNew, firstOld], page);
        var (again, _) = await Api.ListRunsAsync(http, $"?commit=abc&amount=2&after={pagination.GetProperty("next_offset").GetString()}");
        Assert.Equal(page, again);
    }

    [Fact]
    public async Task Branch_and_commit_together_are_a_400_parameters_conflict()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        Add(lakeFs, "main", 1);
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal("parameters conflict", await Api.GetErrorAsync(http, "api/v1/repositories/repo/actions/runs?branch=main&commit=c0ffee", HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_run_that_lands_late_gets_an_id_between_the_runs_already_listed()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var newer = Add(lakeFs, "main", 1);
        var older = Add(lakeFs, "main", 10);
        using var http = lakeFs.CreateHttpClient();
        var before = (await Api.ListRunsAsync(http)).Ids;

        // A post-commit run that started 5 minutes ago and whose webhook only now finished.
        var late = Add(lakeFs, "main", 5);

        Assert.Equal([newer, older], before);
        Assert.Equal([newer, late, older], (await Api.ListRunsAsync(http)).Ids);
        Assert.True(string.CompareOrdinal(late, newer) > 0, "the late run's id is older than a run already seen");
    }
}
