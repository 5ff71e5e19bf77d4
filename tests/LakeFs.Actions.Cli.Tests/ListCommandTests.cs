using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Cli.Tests;

public sealed class ListCommandTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new() { TimeProvider = new FakeTimeProvider(SeededEmulator.Now) };
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Table_lists_runs_newest_first_in_aligned_columns()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.Repository));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Equal(["RUN", "ID", "EVENT", "BRANCH", "COMMIT", "STATUS", "STARTED", "(UTC)", "DURATION"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal([_lakeFs.MergeRun, _lakeFs.FailedRun, _lakeFs.PostCommitRun, _lakeFs.PreCommitRun], lines.Skip(1).Select(line => line.Split(' ')[0]));
        Assert.Contains("pre-merge", lines[1]);
        Assert.Contains("failed", lines[2]);
        Assert.Contains("2025-06-01 11:00:00", lines[1]);
        Assert.Contains("4.5s", lines[1]);
        Assert.Contains(SeededEmulator.MergeCommit[..12], lines[1]);

        // Aligned: every column starts at the same offset on every line.
        var statusColumn = lines[0].IndexOf("STATUS", StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Matches("^(completed|failed)", line[statusColumn..]));
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Json_writes_one_object_per_run_with_lakeFS_wire_names()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.Repository, "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var runs = result.JsonLines;
        Assert.Equal(4, runs.Count);
        var failed = runs[1];
        Assert.Equal(_lakeFs.FailedRun, failed.GetProperty("run_id").GetString());
        Assert.Equal("dev", failed.GetProperty("branch").GetString());
        Assert.Equal(SeededEmulator.DevCommit, failed.GetProperty("commit_id").GetString());
        Assert.Equal("pre-commit", failed.GetProperty("event_type").GetString());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(SeededEmulator.Now - TimeSpan.FromHours(3), failed.GetProperty("start_time").GetDateTimeOffset());
        Assert.True(failed.GetProperty("end_time").GetDateTimeOffset() > failed.GetProperty("start_time").GetDateTimeOffset());
    }

    [Fact]
    public async Task Limit_defaults_to_20_and_0_lists_every_run()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("busy");
        var ids = lakeFs.AddRuns("busy", 45);

        var byDefault = await _cli.RunAsync(InProcessCli.Against(lakeFs, "list", "busy", "-o", "json"));
        var all = await _cli.RunAsync(InProcessCli.Against(lakeFs, "list", "busy", "-o", "json", "--limit", "0"));
        var three = await _cli.RunAsync(InProcessCli.Against(lakeFs, "list", "busy", "-o", "json", "--limit", "3"));

        Assert.Equal(ids.Take(20), byDefault.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
        Assert.Equal(ids, all.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
        Assert.Equal(ids.Take(3), three.JsonLines.Select(run => run.GetProperty("run_id").GetString()));
    }

    [Theory]
    [InlineData("--branch", "main", new[] { "post", "pre" })]
    [InlineData("--commit", "<main commit>", new[] { "post", "pre" })]
    [InlineData("--status", "failed", new[] { "failed" })]
    [InlineData("--event", "pre-commit", new[] { "failed", "pre" })]
    [InlineData("--since", "3h30m", new[] { "merge", "failed" })]
    [InlineData("--since", "2025-06-01T07:30:00Z", new[] { "merge", "failed", "post" })]
    [InlineData("--since", "2025-06-01T09:30:00+02:00", new[] { "merge", "failed", "post" })]
    public async Task Filters_select_the_runs(string option, string value, string[] expected)
    {
        if (option == "--commit")
        {
            value = SeededEmulator.MainCommit;
        }

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.Repository, "-o", "json", option, value));

        Assert.True(result.ExitCode == 0, result.ToString());
        var names = new Dictionary<string, string>
        {
            [_lakeFs.MergeRun] = "merge",
            [_lakeFs.FailedRun] = "failed",
            [_lakeFs.PostCommitRun] = "post",
            [_lakeFs.PreCommitRun] = "pre",
        };
        Assert.Equal(expected, result.JsonLines.Select(run => names[run.GetProperty("run_id").GetString()!]));
    }

    [Fact]
    public async Task An_empty_repository_says_so()
    {
        var table = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.EmptyRepository));
        var json = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.EmptyRepository, "-o", "json"));

        Assert.Equal((0, "No runs.\n"), (table.ExitCode, table.Stdout));
        Assert.Equal((0, string.Empty), (json.ExitCode, json.Stdout));
    }
}
