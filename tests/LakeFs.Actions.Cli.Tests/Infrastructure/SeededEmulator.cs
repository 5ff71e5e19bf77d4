using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>
/// An emulator with repository <see cref="Repository"/> holding four runs at fixed times (newest first:
/// <see cref="MergeRun"/>, <see cref="FailedRun"/>, <see cref="PostCommitRun"/>, <see cref="PreCommitRun"/>),
/// and an empty repository <see cref="EmptyRepository"/>.
/// </summary>
public sealed class SeededEmulator : IAsyncDisposable
{
    public const string Repository = "data-lake";
    public const string EmptyRepository = "empty";
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly string MainCommit = new('a', 64);
    public static readonly string DevCommit = new('b', 64);
    public static readonly string MergeCommit = new('c', 64);

    private SeededEmulator(LakeFsActionsEmulator emulator) => Emulator = emulator;

    public LakeFsActionsEmulator Emulator { get; }

    /// <summary>main, <see cref="MainCommit"/>, pre-commit, 5 h ago: one completed hook.</summary>
    public string PreCommitRun { get; private set; } = null!;

    /// <summary>main, <see cref="MainCommit"/>, post-commit, 4 h ago: one completed hook.</summary>
    public string PostCommitRun { get; private set; } = null!;

    /// <summary>dev, <see cref="DevCommit"/>, pre-commit, 3 h ago: a failed hook, then a skipped one.</summary>
    public string FailedRun { get; private set; } = null!;

    /// <summary>dev, <see cref="MergeCommit"/>, pre-merge, 1 h ago: one completed hook.</summary>
    public string MergeRun { get; private set; } = null!;

    public static async Task<SeededEmulator> StartAsync(LakeFsEmulatorOptions? options = null)
    {
        var emulator = await LakeFsActionsEmulator.StartAsync(options);
        var seeded = new SeededEmulator(emulator);
        emulator.AddRepository(Repository, creationDate: Now - TimeSpan.FromDays(10));
        emulator.AddRepository(EmptyRepository, creationDate: Now - TimeSpan.FromDays(1));
        seeded.PreCommitRun = emulator.AddRun(Repository, "main", MainCommit, "pre-commit",
            [EmulatedHook.Completed("checks", "lint", "lint: 0 problems\n")], Now - TimeSpan.FromHours(5));
        seeded.PostCommitRun = emulator.AddRun(Repository, "main", MainCommit, "post-commit",
            [EmulatedHook.Completed("notify", "slack", "posted to #data\n")], Now - TimeSpan.FromHours(4));
        seeded.FailedRun = emulator.AddRun(Repository, "dev", DevCommit, "pre-commit",
            [EmulatedHook.Failed("checks", "schema", "column id: type changed\nError: schema check failed\n"), EmulatedHook.Skipped("checks", "notify")],
            Now - TimeSpan.FromHours(3));
        seeded.MergeRun = emulator.AddRun(Repository, "dev", MergeCommit, "pre-merge",
            [new EmulatedHook("quality", "row_counts", HookStatus.Completed, EmulatedHookOutput.FromText("12/12 expectations met\n")) { Duration = TimeSpan.FromSeconds(4.5) }],
            Now - TimeSpan.FromHours(1));
        return seeded;
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
