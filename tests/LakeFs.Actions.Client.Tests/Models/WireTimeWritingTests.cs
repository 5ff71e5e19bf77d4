using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Tests.Models;

/// <summary>Models written back to JSON (logs, CLI output, caches) carry times the way lakeFS writes them.</summary>
public class WireTimeWritingTests
{
    [Fact]
    public void Utc_times_are_written_with_z_and_other_offsets_keep_them()
    {
        var run = new ActionRun
        {
            RunId = "r1",
            Branch = "main",
            CommitId = "c1",
            EventType = "pre-commit",
            Status = RunStatus.Completed,
            StartTime = new DateTimeOffset(2026, 7, 23, 10, 15, 30, TimeSpan.Zero).AddTicks(1234567),
            EndTime = new DateTimeOffset(2026, 7, 23, 12, 15, 31, TimeSpan.FromHours(2)),
        };

        var json = JsonConvert.SerializeObject(run, LakeFsJson.CreateSerializerSettings());

        Assert.Contains("\"start_time\":\"2026-07-23T10:15:30.1234567Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"end_time\":\"2026-07-23T12:15:31+02:00\"", json, StringComparison.Ordinal);
        var back = LakeFsJson.Deserialize<ActionRun>(json);
        Assert.Equal(run.StartTime, back.StartTime);
        Assert.Equal(run.EndTime, back.EndTime);
    }
}
