using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests.Markdown;

/// <summary><c>--output markdown</c> on list, view and watch: the exact job-summary text for the seeded runs.</summary>
public sealed class MarkdownOutputTests : IAsyncLifetime, IDisposable
{
    private const string RunHeader =
        "| Run | Event | Branch | Commit | Status | Started (UTC) | Duration |\n" +
        "| --- | --- | --- | --- | --- | --- | --- |\n";

    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private string FailedRunRow =>
        $"| `{_lakeFs.FailedRun}` | pre-commit | dev | `bbbbbbbbbbbb` | ❌ failed | 2025-06-01 09:00:00 | 250ms |\n";

    private string FailedHooks =>
        "### Failed hooks\n" +
        "\n" +
        $"<details><summary>❌ checks/schema · run {_lakeFs.FailedRun} · pre-commit on dev</summary>\n" +
        "\n" +
        "```text\n" +
        "column id: type changed\n" +
        "Error: schema check failed\n" +
        "```\n" +
        "\n" +
        "</details>\n" +
        "\n";

    [Fact]
    public async Task List_writes_a_runs_table_then_the_failed_hooks_with_their_logs()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.Repository, "-o", "markdown"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "## lakeFS action runs in data-lake\n" +
            "\n" +
            RunHeader +
            $"| `{_lakeFs.MergeRun}` | pre-merge | dev | `cccccccccccc` | ✅ completed | 2025-06-01 11:00:00 | 4.5s |\n" +
            FailedRunRow +
            $"| `{_lakeFs.PostCommitRun}` | post-commit | main | `aaaaaaaaaaaa` | ✅ completed | 2025-06-01 08:00:00 | 250ms |\n" +
            $"| `{_lakeFs.PreCommitRun}` | pre-commit | main | `aaaaaaaaaaaa` | ✅ completed | 2025-06-01 07:00:00 | 250ms |\n" +
            "\n" +
            FailedHooks,
            result.Stdout);
    }

    [Fact]
    public async Task List_of_no_runs_says_so()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.EmptyRepository, "-o", "markdown"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("## lakeFS action runs in empty\n\nNo runs.\n\n", result.Stdout);
    }

    [Fact]
    public async Task View_writes_the_run_its_hooks_and_the_failed_hooks_logs()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun, "-o", "markdown", "--exit-status"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            $"## lakeFS action run {_lakeFs.FailedRun} in data-lake\n" +
            "\n" +
            RunHeader +
            FailedRunRow +
            "\n" +
            "| Hook run | Action | Hook | Status | Started (UTC) | Ended (UTC) | Duration |\n" +
            "| --- | --- | --- | --- | --- | --- | --- |\n" +
            "| `0000_0000` | checks | schema | ❌ failed | 2025-06-01 09:00:00 | 2025-06-01 09:00:00 | 250ms |\n" +
            "| `0000_0001` | checks | notify | ⏭️ skipped | - | - | - |\n" +
            "\n" +
            FailedHooks,
            result.Stdout);
    }

    [Fact]
    public async Task View_with_logs_shows_every_hooks_log()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun, "-o", "markdown", "--logs"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(
            "### Hook logs\n" +
            "\n" +
            $"<details><summary>❌ checks/schema · run {_lakeFs.FailedRun} · pre-commit on dev</summary>\n" +
            "\n" +
            "```text\n" +
            "column id: type changed\n" +
            "Error: schema check failed\n" +
            "```\n" +
            "\n" +
            "</details>\n" +
            "\n" +
            $"<details><summary>⏭️ checks/notify · run {_lakeFs.FailedRun} · pre-commit on dev</summary>\n" +
            "\n" +
            "*(no output)*\n" +
            "\n" +
            "</details>\n" +
            "\n",
            result.Stdout);
    }

    [Fact]
    public async Task Watch_writes_rows_as_runs_arrive_then_the_failed_hooks()
    {
        var clock = new ObservableClock(SeededEmulator.Now);
        _cli.TimeProvider = clock;
        var interval = TimeSpan.FromSeconds(2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var watch = _cli.RunAsync(
            InProcessCli.Against(_lakeFs.Emulator, "watch", SeededEmulator.Repository, "--commit", SeededEmulator.DevCommit, "--interval", "2s", "-o", "markdown"),
            timeout.Token);

        await clock.AdvanceEachTimerUntilAsync(interval, watch);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "## lakeFS action runs of commit bbbbbbbbbbbb in data-lake\n" +
            "\n" +
            RunHeader +
            FailedRunRow +
            "\n" +
            FailedHooks,
            result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }
}
