using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// <c>watch</c> in virtual time: the test waits until the CLI waits for its next poll (a timer of the poll
/// interval appears on the clock), changes the emulator, and only then moves the clock on.
/// </summary>
public sealed class WatchCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly ObservableClock _clock = new(SeededEmulator.Now);
    private readonly InProcessCli _cli = new();
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromMinutes(1));
    private SeededEmulator _lakeFs = null!;

    public WatchCommandTests() => _cli.TimeProvider = _clock;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose()
    {
        _testTimeout.Dispose();
        _cli.Dispose();
    }

    [Fact]
    public async Task Prints_a_run_added_while_watching_then_stops_after_a_quiet_poll()
    {
        var watch = _cli.RunAsync(Watch(SeededEmulator.MainCommit, "-o", "json"), _testTimeout.Token);

        await _clock.WaitForTimerAsync(Interval, _testTimeout.Token); // first poll done: the two existing runs
        var late = _lakeFs.Emulator.AddRun(SeededEmulator.Repository, "main", SeededEmulator.MainCommit, "post-merge",
            [EmulatedHook.Completed("export", "catalog", "done\n")], SeededEmulator.Now);
        _clock.Advance(Interval);
        await _clock.AdvanceEachTimerUntilAsync(Interval, watch);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([_lakeFs.PreCommitRun, _lakeFs.PostCommitRun, late], result.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
        Assert.Equal("post-merge", result.JsonLines[2].GetProperty("event_type").GetString());
        Assert.All(result.JsonLines, run => Assert.Equal(SeededEmulator.MainCommit, run.GetProperty("commit_id").GetString()));
    }

    [Fact]
    public async Task With_an_event_waits_for_a_run_of_that_event_and_stops_at_once()
    {
        var watch = _cli.RunAsync(Watch(SeededEmulator.DevCommit, "--event", "post-commit", "--exit-status"), _testTimeout.Token);

        await _clock.WaitForTimerAsync(Interval, _testTimeout.Token); // the failed pre-commit run does not match
        Assert.False(watch.IsCompleted);
        _lakeFs.Emulator.AddRun(SeededEmulator.Repository, "dev", SeededEmulator.DevCommit, "post-commit",
            [EmulatedHook.Completed("notify", "slack", "ok\n")], SeededEmulator.Now);
        _clock.Advance(Interval);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString()); // the failed pre-commit run is not one of the watched runs
        var lines = result.StdoutLines;
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("RUN ID", lines[0], StringComparison.Ordinal);
        Assert.Contains("post-commit", lines[1]);
        Assert.Contains("completed", lines[1]);
        Assert.DoesNotContain(_lakeFs.FailedRun, result.Stdout);
    }

    [Fact]
    public async Task Exit_status_option_exits_1_when_a_watched_run_failed()
    {
        var watch = _cli.RunAsync(Watch(SeededEmulator.DevCommit, "--exit-status"), _testTimeout.Token);

        await _clock.AdvanceEachTimerUntilAsync(Interval, watch);
        var result = await watch;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(_lakeFs.FailedRun, result.Stdout);
    }

    [Fact]
    public async Task Times_out_with_124_when_no_run_arrives()
    {
        var watch = _cli.RunAsync(Watch(new string('f', 64), "--timeout", "90s"), _testTimeout.Token);

        await _clock.WaitForTimerAsync(Interval, _testTimeout.Token);
        _clock.Advance(TimeSpan.FromSeconds(90));
        var result = await watch;

        Assert.True(result.ExitCode == 124, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"lakefs-runs: Timed out after 1m30s waiting for runs of commit {new string('f', 64)} in repository {SeededEmulator.Repository}.\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Ctrl_C_stops_cleanly_with_130()
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(_testTimeout.Token);
        var watch = _cli.RunAsync(Watch(new string('f', 64)), interrupt.Token);

        await _clock.WaitForTimerAsync(Interval, _testTimeout.Token);
        await interrupt.CancelAsync();
        var result = await watch;

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Equal("lakefs-runs: interrupted\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    private string[] Watch(string commit, params string[] more) =>
        InProcessCli.Against(_lakeFs.Emulator, ["watch", SeededEmulator.Repository, "--commit", commit, "--interval", "2s", .. more]);
}
