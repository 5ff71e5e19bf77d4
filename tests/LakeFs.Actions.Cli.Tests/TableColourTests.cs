using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>Statuses are coloured on a terminal only: never when output is redirected or NO_COLOR is set.</summary>
public sealed class TableColourTests : IAsyncLifetime, IDisposable
{
    private const string Escape = "\u001b[";
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task On_a_terminal_statuses_are_coloured()
    {
        _cli.OutputIsTerminal = true;

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", SeededEmulator.Repository));

        Assert.True(result.ExitCode == 0, result.ToString());
        var failedLine = Assert.Single(result.StdoutLines, line => line.Contains(_lakeFs.FailedRun, StringComparison.Ordinal));
        var completedLine = Assert.Single(result.StdoutLines, line => line.Contains(_lakeFs.MergeRun, StringComparison.Ordinal));
        Assert.Matches(@"\u001b\[([0-9]+;)*(31|91)mfailed\u001b\[0m", failedLine);
        Assert.Matches(@"\u001b\[([0-9]+;)*(32|92)mcompleted\u001b\[0m", completedLine);
    }

    [Fact]
    public async Task NO_COLOR_turns_colours_off_on_a_terminal()
    {
        _cli.OutputIsTerminal = true;
        _cli.Environment["NO_COLOR"] = "1";

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "view", SeededEmulator.Repository, _lakeFs.FailedRun));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(Escape, result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("view")]
    [InlineData("repos")]
    public async Task Redirected_output_has_no_escape_codes(string command)
    {
        string[] args = command switch
        {
            "list" => ["list", SeededEmulator.Repository],
            "view" => ["view", SeededEmulator.Repository, _lakeFs.FailedRun, "--logs"],
            _ => ["repos"],
        };

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, args));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(Escape, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(result.StdoutLines, line => line.EndsWith(' '));
    }
}
