using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli.Tests;

/// <summary><c>--file -</c> reads the document from standard input; a bad one is reported as "standard input".</summary>
public sealed class StandardInputTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Gc_set_reads_the_rules_from_standard_input()
    {
        _cli.Input = """{"default_retention_days": 9, "branches": [{"branch_id": "main", "retention_days": 30}]}""";

        var set = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "gc", "set", SeededEmulator.Repository, "--file", "-"));
        _cli.Input = string.Empty;
        var get = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "gc", "get", SeededEmulator.Repository, "-o", "json"));

        Assert.True(set.ExitCode == 0, set.ToString());
        var rules = LakeFsJson.Deserialize<GarbageCollectionRules>(get.Stdout);
        Assert.Equal(9, rules.DefaultRetentionDays);
        Assert.Equal(30, Assert.Single(rules.Branches!).RetentionDays);
    }

    [Theory]
    [InlineData("", "lakefs-runs: standard input is empty: expected a GarbageCollectionRules JSON document.")]
    [InlineData("[1, 2", "lakefs-runs: standard input is not a valid GarbageCollectionRules JSON document: ")]
    [InlineData("\0", "lakefs-runs: standard input is not a valid GarbageCollectionRules JSON document: ")]
    public async Task A_bad_document_on_standard_input_is_named_as_such(string input, string message)
    {
        _cli.Input = input;

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "gc", "set", SeededEmulator.Repository, "--file", "-"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, char.IsControl);
        Assert.Equal(0, _lakeFs.Emulator.RequestCount(Client.Testing.EmulatorOperations.SetGCRules));
    }
}
