using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// JSON output has one shape everywhere: one object per line for each item, so an empty result is no line at all
/// (never <c>[]</c>, <c>null</c> or a placeholder object), and the exit code is 0.
/// </summary>
public sealed class EmptyJsonOutputTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("list", SeededEmulator.EmptyRepository)]
    [InlineData("list", SeededEmulator.Repository, "--event", "post-merge")]
    [InlineData("branch-protect", "list", SeededEmulator.EmptyRepository)]
    [InlineData("gc", "get", SeededEmulator.EmptyRepository)]
    public async Task An_empty_result_is_no_output_line(params string[] args)
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, [.. args, "-o", "json"]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task No_repositories_is_no_output_line()
    {
        await using var empty = await LakeFsActionsEmulator.StartAsync();

        var result = await _cli.RunAsync(InProcessCli.Against(empty, "repos", "-o", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("repo", "delete", SeededEmulator.EmptyRepository, "--yes")]
    [InlineData("gc", "delete", SeededEmulator.EmptyRepository)]
    [InlineData("branch-protect", "add", SeededEmulator.EmptyRepository, "main")]
    public async Task A_confirmation_is_one_object_naming_the_repository(params string[] args)
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, [.. args, "-o", "json"]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeededEmulator.EmptyRepository, Assert.Single(result.JsonLines).GetProperty("repository").GetString());
    }

    [Fact]
    public async Task Missing_gc_rules_are_still_explained_on_standard_error()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "gc", "get", SeededEmulator.EmptyRepository, "-o", "json"));

        Assert.Contains("no garbage collection rules", result.Stderr, StringComparison.Ordinal);
    }
}
