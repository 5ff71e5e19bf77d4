using LakeFs.Actions.Cli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>Progress of long waits on standard error: a line redrawn each second on a terminal, nothing when redirected.</summary>
public sealed class WaitProgressTests
{
    private const string Erase = "\r\u001b[K";

    [Fact]
    public void On_a_terminal_redraws_what_is_awaited_and_the_elapsed_time_each_second_and_erases_it_at_the_end()
    {
        var clock = new FakeTimeProvider(SeededEmulator.Now);
        var error = new StringWriter();

        using (var progress = WaitProgress.Start(Environment(error, clock, terminal: true), "Waiting for the dump of demo-repo"))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Update("Waiting for the dump of demo-repo: 3 objects");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        clock.Advance(TimeSpan.FromSeconds(5)); // stopped: no more redraws
        Assert.Equal(
            Erase + "Waiting for the dump of demo-repo (0s elapsed)" +
            Erase + "Waiting for the dump of demo-repo (1s elapsed)" +
            Erase + "Waiting for the dump of demo-repo (2s elapsed)" +
            Erase + "Waiting for the dump of demo-repo: 3 objects (2s elapsed)" +
            Erase + "Waiting for the dump of demo-repo: 3 objects (3s elapsed)" +
            Erase,
            error.ToString());
    }

    [Theory]
    [InlineData(0.4, "0s")]
    [InlineData(42.9, "42s")]
    [InlineData(65.5, "1m05s")]
    [InlineData(7322, "2h02m")]
    public void Elapsed_time_is_shown_in_whole_seconds(double seconds, string expected) =>
        Assert.Equal(expected, WaitProgress.FormatElapsed(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Redirected_writes_nothing()
    {
        var clock = new FakeTimeProvider(SeededEmulator.Now);
        var error = new StringWriter();

        using (var progress = WaitProgress.Start(Environment(error, clock, terminal: false), "Waiting"))
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            progress.Update("Waiting: 1 arrived");
            progress.Clear();
        }

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task Watch_shows_progress_on_a_terminal_and_nothing_on_standard_output()
    {
        await using var lakeFs = await SeededEmulator.StartAsync();
        var clock = new ObservableClock(SeededEmulator.Now);
        using var cli = new InProcessCli { TimeProvider = clock, ErrorIsTerminal = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var watch = cli.RunAsync(
            InProcessCli.Against(lakeFs.Emulator, "watch", SeededEmulator.Repository, "--commit", SeededEmulator.MainCommit, "--interval", "2s", "-o", "json"),
            timeout.Token);

        await clock.AdvanceEachTimerUntilAsync(TimeSpan.FromSeconds(2), watch);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(Erase + "Waiting for runs of commit aaaaaaaaaaaa in data-lake (0s elapsed)", result.Stderr);
        Assert.Contains(Erase + "Waiting for runs of commit aaaaaaaaaaaa in data-lake: 2 arrived (0s elapsed)", result.Stderr);
        Assert.Contains(Erase + "Waiting for runs of commit aaaaaaaaaaaa in data-lake: 2 arrived (2s elapsed)", result.Stderr);
        Assert.EndsWith(Erase, result.Stderr);
        Assert.Equal(2, result.JsonLines.Count);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task Watch_is_silent_on_standard_error_when_it_is_redirected()
    {
        await using var lakeFs = await SeededEmulator.StartAsync();
        var clock = new ObservableClock(SeededEmulator.Now);
        using var cli = new InProcessCli { TimeProvider = clock, ErrorIsTerminal = false };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var watch = cli.RunAsync(
            InProcessCli.Against(lakeFs.Emulator, "watch", SeededEmulator.Repository, "--commit", SeededEmulator.MainCommit, "--interval", "2s"),
            timeout.Token);

        await clock.AdvanceEachTimerUntilAsync(TimeSpan.FromSeconds(2), watch);
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(3, result.StdoutLines.Count);
    }

    private static CliEnvironment Environment(TextWriter error, TimeProvider clock, bool terminal) => new()
    {
        StandardOutput = Stream.Null,
        Out = TextWriter.Null,
        Error = error,
        GetEnvironmentVariable = _ => null,
        ErrorIsTerminal = terminal,
        TimeProvider = clock,
    };
}
