using System.Text.RegularExpressions;
using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

public sealed class ReposCommandTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Table_lists_repositories_by_id_in_aligned_columns()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "repos"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string[][] cells = [.. result.StdoutLines.Select(line => Regex.Split(line, " {2,}"))];
        Assert.Equal(["REPOSITORY", "DEFAULT BRANCH", "STORAGE NAMESPACE", "CREATED (UTC)"], cells[0]);
        Assert.Equal(["data-lake", "main", "local://emulator/data-lake", "2025-05-22 12:00:00"], cells[1]);
        Assert.Equal(["empty", "main", "local://emulator/empty", "2025-05-31 12:00:00"], cells[2]);
        Assert.Equal(result.StdoutLines[0].IndexOf("CREATED", StringComparison.Ordinal), result.StdoutLines[2].IndexOf("2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_writes_one_object_per_repository_with_wire_names()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "repos", "-o", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var repositories = result.JsonLines;
        Assert.Equal(["data-lake", "empty"], repositories.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("main", repositories[0].GetProperty("default_branch").GetString());
        Assert.Equal("local://emulator/data-lake", repositories[0].GetProperty("storage_namespace").GetString());
        Assert.Equal((SeededEmulator.Now - TimeSpan.FromDays(10)).ToUnixTimeSeconds(), repositories[0].GetProperty("creation_date").GetInt64());
    }
}
