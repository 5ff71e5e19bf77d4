using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Tests.Models;

/// <summary>Go's zero time reads as null and stays out of <c>AdditionalProperties</c>, so it is not written back out either.</summary>
public class GoZeroTimeExtensionDataTests
{
    [Fact]
    public void A_skipped_hooks_zero_start_time_is_not_kept_as_extra_data()
    {
        const string json = """
            {"hook_run_id": "0001_0000", "action": "publish", "hook_id": "webhook", "start_time": "0001-01-01T00:00:00Z", "status": "skipped", "retries": 0}
            """;

        var hook = LakeFsJson.Deserialize<HookRun>(json);
        var written = JsonConvert.SerializeObject(hook, LakeFsJson.CreateSerializerSettings());

        Assert.Null(hook.StartTime);
        Assert.Equal(["retries"], hook.AdditionalProperties.Keys);
        Assert.DoesNotContain("0001-01-01", written, StringComparison.Ordinal);
        Assert.DoesNotContain("start_time", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unfinished_runs_zero_end_time_is_not_kept_as_extra_data()
    {
        const string json = """
            {"run_id": "r1", "branch": "main", "start_time": "2026-07-23T10:15:30Z", "end_time": "0001-01-01T00:00:00Z",
             "event_type": "post-commit", "status": "failed", "commit_id": "c1"}
            """;

        var run = LakeFsJson.Deserialize<ActionRun>(json);

        Assert.Null(run.EndTime);
        Assert.Empty(run.AdditionalProperties);
        Assert.DoesNotContain("end_time", JsonConvert.SerializeObject(run, LakeFsJson.CreateSerializerSettings()), StringComparison.Ordinal);
    }
}
