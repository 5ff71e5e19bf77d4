using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

public sealed class LogsCommandTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Writes_the_hook_output_byte_for_byte_even_when_it_is_not_UTF8()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k', 0x00, 0xFF, 0xFE, 0xC3, 0x28, (byte)'\r', (byte)'\n', 0x80, 0xE2, 0x82, 0xAC, (byte)'\t', 0x1B, (byte)'[', (byte)'3', (byte)'1', (byte)'m'];
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("repo");
        var runId = lakeFs.AddRun("repo", "main", "c0ffee", "pre-commit",
            [new EmulatedHook("binary", "dump", HookStatus.Completed, EmulatedHookOutput.FromBytes(content))]);

        var result = await _cli.RunAsync(InProcessCli.Against(lakeFs, "logs", "repo", runId, "0000_0000"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(content, result.StdoutBytes);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Streams_a_large_output_unchanged()
    {
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("repo");
        var runId = lakeFs.AddRun("repo", "main", "c0ffee", "post-commit",
            [EmulatedHook.Completed("a", "first", "first\n"), new EmulatedHook("a", "big", HookStatus.Failed, EmulatedHookOutput.FromBytes(content))]);

        var result = await _cli.RunAsync(InProcessCli.Against(lakeFs, "logs", "repo", runId, "0000_0001"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(content, result.StdoutBytes);
    }

    [Fact]
    public async Task A_skipped_hook_has_empty_output()
    {
        await using var lakeFs = await SeededEmulator.StartAsync();

        var result = await _cli.RunAsync(InProcessCli.Against(lakeFs.Emulator, "logs", SeededEmulator.Repository, lakeFs.FailedRun, "0000_0001"));

        Assert.Equal((0, 0, string.Empty), (result.ExitCode, result.StdoutBytes.Length, result.Stderr));
    }
}
