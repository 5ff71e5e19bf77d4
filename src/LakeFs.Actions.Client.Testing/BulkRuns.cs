using System.Globalization;

namespace LakeFs.Actions.Client.Testing;

/// <summary>The runs <see cref="LakeFsActionsEmulator.AddRuns"/> makes when no factory is given: cheap, varied, deterministic.</summary>
internal static class BulkRuns
{
    private static readonly string[] Branches = ["main", "dev", "feature-x"];
    private static readonly string[] Events = ["pre-commit", "post-commit", "pre-merge", "post-merge"];
    private static readonly EmulatedHookOutput PassedLog = EmulatedHookOutput.FromText("running lint...\n0 problems\n");
    private static readonly EmulatedHookOutput FailedLog = EmulatedHookOutput.FromText("running lint...\nERROR: 2 problems found\nexit status 1\n");

    public static EmulatedRun Create(int index, DateTimeOffset now)
    {
        var failed = index % 10 == 9;
        IList<EmulatedHook> hooks = failed
            ? [new EmulatedHook("checks", "lint", HookStatus.Failed, FailedLog), EmulatedHook.Skipped("checks", "notify")]
            : [new EmulatedHook("checks", "lint", HookStatus.Completed, PassedLog)];
        return new EmulatedRun(Branches[index % Branches.Length], CommitId(index), Events[index % Events.Length])
        {
            StartTime = now - TimeSpan.FromSeconds(index),
            Hooks = hooks,
        };
    }

    /// <summary>A 64-hex-digit commit id derived from <paramref name="index"/>, like lakeFS's SHA-256 commit ids.</summary>
    public static string CommitId(int index)
    {
        var x = (ulong)index + 1;
        Span<char> chars = stackalloc char[64];
        for (var part = 0; part < 4; part++)
        {
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53UL;
            x ^= x >> 33;
            x.TryFormat(chars.Slice(part * 16, 16), out _, "x16", CultureInfo.InvariantCulture);
        }

        return new string(chars);
    }
}
