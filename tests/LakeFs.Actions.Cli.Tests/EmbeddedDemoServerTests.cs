using LakeFs.Actions.Cli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>With no lakeFS configured anywhere, the CLI works against an embedded demo server and says so.</summary>
public sealed class EmbeddedDemoServerTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Without_configuration_the_demo_server_is_used_and_announced_on_stderr()
    {
        var result = await _cli.RunAsync(["repos", "-o", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo-repo", result.JsonLines.Select(repository => repository.GetProperty("id").GetString()));
        var notice = Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lakefs-runs: no lakeFS server configured", notice, StringComparison.Ordinal);
        Assert.Contains("embedded demo server at http://127.0.0.1:", notice, StringComparison.Ordinal);
        Assert.Contains("'demo-repo'", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_runs_include_failed_and_skipped_hooks_with_logs()
    {
        var runs = await _cli.RunAsync(["list", "demo-repo", "-o", "json", "--status", "failed", "--event", "pre-merge"]);
        var runId = Assert.Single(runs.JsonLines).GetProperty("run_id").GetString()!;

        var view = await _cli.RunAsync(["view", "demo-repo", runId, "--logs", "--exit-status"]);

        Assert.True(view.ExitCode == 1, view.ToString());
        Assert.Contains("skipped", view.Stdout, StringComparison.Ordinal);
        Assert.Contains("expectation row_count > 0 FAILED", view.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_run_ids_stay_the_same_between_invocations_on_the_same_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 15, 0, TimeSpan.Zero));
        _cli.TimeProvider = clock;

        var morning = await _cli.RunAsync(["list", "demo-repo", "-o", "json", "--limit", "0"]);
        clock.Advance(TimeSpan.FromHours(5));
        var afternoon = await _cli.RunAsync(["list", "demo-repo", "-o", "json", "--limit", "0"]);

        Assert.Equal(16, morning.JsonLines.Count);
        Assert.Equal(
            morning.JsonLines.Select(run => run.GetProperty("run_id").GetString()),
            afternoon.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task A_refs_dump_of_the_demo_repository_finishes_although_the_demo_clock_holds_its_now()
    {
        var clock = new ObservableClock(new DateTimeOffset(2025, 6, 1, 9, 15, 0, TimeSpan.Zero));
        _cli.TimeProvider = clock;

        var dump = _cli.RunAsync(["refs", "dump", "demo-repo", "--poll-interval", "1s", "--timeout", "1m"]);
        await clock.AdvanceEachTimerUntilAsync(TimeSpan.FromSeconds(1), dump);
        var result = await dump;

        Assert.True(result.ExitCode == 0, result.ToString());
        var refs = Assert.Single(result.JsonLines);
        Assert.Matches("^[0-9a-f]{64}$", refs.GetProperty("commits_meta_range_id").GetString());
    }
}
