using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// <c>list</c> and <c>watch</c> give exactly what the library gives for <c>--branch</c> and <c>--commit</c> against a
/// server whose filters are key-prefix scans, and the errors of those filters are one line with a documented exit code.
/// </summary>
public sealed class FilterSemanticsTests : IAsyncLifetime, IDisposable
{
    private const string Repo = "prefixes";
    private static readonly DateTimeOffset Now = SeededEmulator.Now;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly string SharedStart = "abc1234" + new string('0', 57);
    private static readonly string SharedOther = "abc9876" + new string('0', 57);
    private readonly ObservableClock _clock = new(Now);
    private readonly InProcessCli _cli = new();
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromMinutes(1));
    private LakeFsActionsEmulator _lakeFs = null!;

    public FilterSemanticsTests() => _cli.TimeProvider = _clock;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        _lakeFs.AddRepository(Repo);
        var minute = 0;
        foreach (var branch in new[] { "main-dev", "main", "maintenance", "main.v2", "main" })
        {
            for (var i = 0; i < 4; i++)
            {
                var commit = branch == "main" ? SharedStart : SharedOther;
                _lakeFs.AddRun(Repo, branch, commit, "pre-commit", startTime: Now.AddMinutes(-100 + minute++));
            }
        }
    }

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose()
    {
        _testTimeout.Dispose();
        _cli.Dispose();
    }

    private LakeFsActionsClient Library() => new(new LakeFsClientOptions { Endpoint = _lakeFs.Endpoint, AccessKeyId = _lakeFs.AccessKeyId, SecretAccessKey = _lakeFs.SecretAccessKey });

    private async Task<List<string>> LibraryIdsAsync(RunQuery query)
    {
        using var client = Library();
        return await client.ListRunsAsync(Repo, query).Select(r => r.RunId).ToListAsync();
    }

    private static string Line(CliResult result) => Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("--branch", "main", 8)]
    [InlineData("--commit", "abc1", 8)]
    [InlineData("--commit", "abc9876", 12)]
    public async Task List_gives_exactly_what_the_library_gives(string option, string value, int count)
    {
        var query = option == "--branch" ? new RunQuery { Branch = value } : new RunQuery { Commit = value };
        var expected = await LibraryIdsAsync(query);

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs, "list", Repo, option, value, "--limit", "0", "-o", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(count, expected.Count);
        Assert.Equal(expected, result.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
        if (option == "--branch")
        {
            Assert.All(result.JsonLines, run => Assert.Equal("main", run.GetProperty("branch").GetString()));
        }
    }

    [Fact]
    public async Task An_ambiguous_commit_is_one_line_and_exit_2()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs, "list", Repo, "--commit", "abc"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Line(result);
        Assert.StartsWith("lakefs-runs: The commit id 'abc' is ambiguous", line, StringComparison.Ordinal);
        Assert.Contains(SharedStart, line, StringComparison.Ordinal);
        Assert.Contains(SharedOther, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("watch")]
    public async Task Branch_with_commit_is_one_line_and_exit_2_before_any_request(string command)
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs, command, Repo, "--branch", "main", "--commit", "abc1"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot be combined", Line(result), StringComparison.Ordinal);
        Assert.Equal(0, _lakeFs.TotalRequests);
    }

    [Theory]
    [InlineData("--branch", "main")]
    [InlineData("--commit", "abc1")]
    public async Task Watch_prints_the_runs_the_library_lists_then_a_new_one(string option, string value)
    {
        var query = option == "--branch" ? new RunQuery { Branch = value } : new RunQuery { Commit = value };
        var existing = await LibraryIdsAsync(query);
        var watch = _cli.RunAsync(InProcessCli.Against(_lakeFs, "watch", Repo, option, value, "--interval", "2s", "-o", "json"), _testTimeout.Token);

        await _clock.WaitForTimerAsync(Interval, _testTimeout.Token);
        _lakeFs.AddRun(Repo, "main-dev", SharedOther, "post-commit", startTime: Now);
        var added = _lakeFs.AddRun(Repo, "main", SharedStart, "post-commit", startTime: Now);
        _clock.Advance(Interval);
        await _clock.AdvanceEachTimerUntilAsync(Interval, watch);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([.. Enumerable.Reverse(existing), added], result.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task A_hook_log_that_is_gone_is_one_line_and_exit_3()
    {
        var runId = _lakeFs.AddRun(Repo, new EmulatedRun("main", SharedStart, "post-commit")
        {
            Hooks = [new EmulatedHook("notify", "webhook", HookStatus.Completed, EmulatedHookOutput.Missing)],
        });

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs, "logs", Repo, runId, "0000_0000"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Matches(@"^lakefs-runs: getRunHookOutput: Gone: .* Server message: No data \(HTTP 410, request id [0-9a-f-]{36}\)$", Line(result));
        Assert.Equal(1, _lakeFs.RequestCount(EmulatorOperations.GetRunHookOutput));
    }
}
