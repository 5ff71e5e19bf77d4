using System.Text.Json;
using System.Text.RegularExpressions;
using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

public sealed class ViewCommandTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Table_shows_the_run_and_each_hook_with_status_start_end_and_duration()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Equal("Run:      " + _lakeFs.FailedRun, lines[0]);
        Assert.Equal("Status:   failed", lines[1]);
        Assert.Contains("Commit:   " + SeededEmulator.DevCommit, lines);
        Assert.Contains("Started:  2025-06-01 09:00:00 UTC", lines);

        string[][] hooks = [.. lines.SkipWhile(line => !line.StartsWith("HOOK RUN ID", StringComparison.Ordinal)).Select(line => Regex.Split(line, " {2,}"))];
        Assert.Equal(["HOOK RUN ID", "ACTION", "HOOK", "STATUS", "STARTED (UTC)", "ENDED (UTC)", "DURATION"], hooks[0]);
        Assert.Equal(["0000_0000", "checks", "schema", "failed", "2025-06-01 09:00:00", "2025-06-01 09:00:00", "250ms"], hooks[1]);
        Assert.Equal(["0000_0001", "checks", "notify", "skipped", "-", "-", "-"], hooks[2]);
        Assert.DoesNotContain("schema check failed", result.Stdout);
    }

    [Fact]
    public async Task Logs_option_adds_each_hooks_output_after_a_heading()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun, "--logs"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(
            "==> 0000_0000 checks/schema (failed) <==\ncolumn id: type changed\nError: schema check failed\n\n==> 0000_0001 checks/notify (skipped) <==\n(no output)\n",
            result.Stdout);
    }

    [Fact]
    public async Task Json_is_one_object_the_run_with_a_hooks_array_in_wire_names()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun, "-o", "json", "--logs"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var run = Assert.Single(result.JsonLines);
        Assert.Equal(_lakeFs.FailedRun, run.GetProperty("run_id").GetString());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("pre-commit", run.GetProperty("event_type").GetString());
        var hooks = run.GetProperty("hooks").EnumerateArray().ToArray();
        Assert.Equal(["0000_0000", "0000_0001"], hooks.Select(h => h.GetProperty("hook_run_id").GetString()));
        Assert.Equal(["schema", "notify"], hooks.Select(h => h.GetProperty("hook_id").GetString()));
        Assert.Equal(["checks", "checks"], hooks.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(["failed", "skipped"], hooks.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(SeededEmulator.Now - TimeSpan.FromHours(3), hooks[0].GetProperty("start_time").GetDateTimeOffset());
        Assert.False(hooks[1].TryGetProperty("start_time", out var skippedStart) && skippedStart.ValueKind != JsonValueKind.Null);
        Assert.Equal("column id: type changed\nError: schema check failed\n", hooks[0].GetProperty("output").GetString());
    }

    [Theory]
    [InlineData("failed", true, 1)]
    [InlineData("failed", false, 0)]
    [InlineData("completed", true, 0)]
    public async Task Exit_status_option_exits_1_when_the_run_failed(string which, bool exitStatus, int expected)
    {
        var runId = which == "failed" ? _lakeFs.FailedRun : _lakeFs.MergeRun;
        string[] args = exitStatus ? ["view", SeededEmulator.Repository, runId, "--exit-status"] : ["view", SeededEmulator.Repository, runId];

        var table = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, args));
        var json = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, [.. args, "-o", "json"]));

        Assert.Equal(expected, table.ExitCode);
        Assert.Equal(expected, json.ExitCode);
        Assert.Contains(runId, table.Stdout);
        Assert.Equal(string.Empty, table.Stderr);
    }
}
