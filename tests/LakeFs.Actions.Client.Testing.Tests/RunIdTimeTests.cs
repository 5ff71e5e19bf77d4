using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Run ids carry lakeFS's inverted time: its constant 32500915200 minus the run's Unix seconds, as an xid's first 4 bytes.</summary>
public sealed class RunIdTimeTests
{
    [Fact]
    public async Task A_run_id_encodes_lakeFS_year_3000_constant_minus_the_run_time()
    {
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(now) });

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        var runId = commit.PreRunIds[0];
        // xid keeps the low 32 bits of the seconds (Go's uint32 conversion).
        Assert.Equal((uint)(32500915200 - now.ToUnixTimeSeconds()), XidSeconds(runId));
    }

    /// <summary>The first 32 bits of an xid (base32hex, 20 characters).</summary>
    private static long XidSeconds(string xid)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuv";
        ulong bits = 0;
        for (var i = 0; i < 7; i++)
        {
            bits = (bits << 5) | (uint)alphabet.IndexOf(xid[i], StringComparison.Ordinal);
        }

        return (long)(bits >> 3);
    }
}
