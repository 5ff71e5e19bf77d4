using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>repo, gc, branch-protect and refs against the emulator: output, JSON and exit codes.</summary>
public sealed class RepositoryCommandsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    private readonly ObservableClock _clock = new(SeededEmulator.Now);
    private readonly InProcessCli _cli = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("lakefs-cli-").FullName;
    private SeededEmulator _lakeFs = null!;

    public RepositoryCommandsTests() => _cli.TimeProvider = _clock;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<CliResult> Run(params string[] args) => _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, args));

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Repo_create_then_show_with_metadata_and_a_second_create_is_a_conflict()
    {
        var created = await Run("repo", "create", "new-repo", "local://bucket/new-repo", "--default-branch", "trunk", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("trunk", Assert.Single(created.JsonLines).GetProperty("default_branch").GetString());

        _lakeFs.Emulator.SetRepositoryMetadata("new-repo", new Dictionary<string, string> { ["team"] = "data" });
        var shown = await Run("repo", "show", "new-repo");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains(shown.StdoutLines, line => line.StartsWith("Default branch:", StringComparison.Ordinal) && line.EndsWith("trunk", StringComparison.Ordinal));
        Assert.Contains(shown.StdoutLines, line => line.StartsWith("Metadata team:", StringComparison.Ordinal) && line.EndsWith("data", StringComparison.Ordinal));

        var again = await Run("repo", "create", "new-repo", "local://bucket/new-repo");
        Assert.Equal(6, again.ExitCode);
        Assert.Contains("not unique", again.Stderr, StringComparison.Ordinal);

        var existOk = await Run("repo", "create", "new-repo", "local://bucket/new-repo", "--exist-ok", "-o", "json");
        Assert.True(existOk.ExitCode == 0, existOk.ToString());
    }

    [Fact]
    public async Task Repo_create_with_a_bad_name_is_a_usage_error_before_any_request()
    {
        var result = await Run("repo", "create", "Bad_Name", "local://bucket/x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a valid repository name", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _lakeFs.Emulator.RequestCount(EmulatorOperations.CreateRepository));
    }

    [Fact]
    public async Task Repo_delete_needs_yes_then_deletes()
    {
        var refused = await Run("repo", "delete", SeededEmulator.EmptyRepository);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _lakeFs.Emulator.RequestCount(EmulatorOperations.DeleteRepository));

        var deleted = await Run("repo", "delete", SeededEmulator.EmptyRepository, "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(3, (await Run("repo", "show", SeededEmulator.EmptyRepository)).ExitCode);
    }

    [Fact]
    public async Task Gc_set_from_a_file_get_and_delete()
    {
        var none = await Run("gc", "get", SeededEmulator.Repository);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Contains("no garbage collection rules", none.Stdout, StringComparison.Ordinal);

        var file = WriteFile("rules.json", """{"default_retention_days": 14, "branches": [{"branch_id": "main", "retention_days": 30}]}""");
        var set = await Run("gc", "set", SeededEmulator.Repository, "--file", file);
        Assert.True(set.ExitCode == 0, set.ToString());

        var got = await Run("gc", "get", SeededEmulator.Repository);
        var rules = Assert.Single(got.JsonLines);
        Assert.Equal(14, rules.GetProperty("default_retention_days").GetInt32());
        Assert.Equal("main", rules.GetProperty("branches")[0].GetProperty("branch_id").GetString());

        Assert.Equal(0, (await Run("gc", "delete", SeededEmulator.Repository)).ExitCode);
        Assert.Contains("no garbage collection rules", (await Run("gc", "get", SeededEmulator.Repository)).Stdout, StringComparison.Ordinal);
        Assert.Equal(3, (await Run("gc", "get", "no-such-repo")).ExitCode);
    }

    [Fact]
    public async Task Gc_set_with_a_malformed_file_is_a_usage_error()
    {
        var result = await Run("gc", "set", SeededEmulator.Repository, "--file", WriteFile("bad.json", "{ not json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, _lakeFs.Emulator.RequestCount(EmulatorOperations.SetGCRules));
    }

    [Fact]
    public async Task Branch_protect_add_list_remove()
    {
        Assert.Equal(0, (await Run("branch-protect", "add", SeededEmulator.Repository, "main")).ExitCode);
        Assert.Equal(0, (await Run("branch-protect", "add", SeededEmulator.Repository, "release-*")).ExitCode);
        var again = await Run("branch-protect", "add", SeededEmulator.Repository, "main", "-o", "json");
        Assert.False(Assert.Single(again.JsonLines).GetProperty("changed").GetBoolean());

        var list = await Run("branch-protect", "list", SeededEmulator.Repository);
        Assert.Equal(["BRANCH NAME PATTERN", "main", "release-*"], list.StdoutLines);

        Assert.Equal(0, (await Run("branch-protect", "remove", SeededEmulator.Repository, "main")).ExitCode);
        var json = await Run("branch-protect", "list", SeededEmulator.Repository, "-o", "json");
        Assert.Equal("release-*", Assert.Single(json.JsonLines).GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task Refs_dump_then_restore_into_a_bare_repository_with_a_progress_line_on_a_terminal()
    {
        _cli.ErrorIsTerminal = true;
        var dumping = Run("refs", "dump", SeededEmulator.Repository);
        await _clock.AdvanceEachTimerUntilAsync(Poll, dumping);
        var dump = await dumping;
        Assert.True(dump.ExitCode == 0, dump.ToString());
        Assert.Contains("dumping refs of data-lake: task DR", dump.Stderr, StringComparison.Ordinal);
        var refsFile = WriteFile("refs.json", dump.StdoutLines[0]);

        Assert.Equal(0, (await Run("repo", "create", "copy", "local://bucket/copy", "--bare")).ExitCode);
        _cli.ErrorIsTerminal = false;
        var restoring = Run("refs", "restore", "copy", "--file", refsFile);
        await _clock.AdvanceEachTimerUntilAsync(Poll, restoring);
        var restore = await restoring;
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.DoesNotContain("restoring", restore.Stderr, StringComparison.Ordinal);
        Assert.Contains("Refs restored into 'copy'", restore.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refs_restore_into_a_repository_that_is_not_bare_says_so()
    {
        var file = WriteFile("refs.json", """{"commits_meta_range_id":"a","tags_meta_range_id":"b","branches_meta_range_id":"c"}""");

        var result = await Run("refs", "restore", SeededEmulator.Repository, "--file", file);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("is not bare", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refs_dump_of_a_stalled_task_times_out_with_124()
    {
        _lakeFs.Emulator.StallNextTask(SeededEmulator.Repository);
        var dumping = Run("refs", "dump", SeededEmulator.Repository, "--timeout", "10s");
        await _clock.AdvanceEachTimerUntilAsync(Poll, dumping);
        var result = await dumping;

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("stopped making progress", result.Stderr, StringComparison.Ordinal);
    }
}
