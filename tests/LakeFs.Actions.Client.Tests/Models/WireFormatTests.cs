namespace LakeFs.Actions.Client.Tests.Models;

/// <summary>The generated models read what a real lakeFS server sends (not only what its OpenAPI document says).</summary>
public class WireFormatTests
{
    [Fact]
    public void ActionRunList_page_reads_every_field_with_net_names()
    {
        const string json = """
            {
              "pagination": {"has_more": true, "next_offset": "cq9ht6pvpc5s73d5r5u0", "results": 2, "max_per_page": 1000},
              "results": [
                {"run_id": "cq9ht6pvpc5s73d5r5ug", "branch": "main", "start_time": "2026-07-23T10:15:30.123456789Z",
                 "end_time": "2026-07-23T10:15:31Z", "event_type": "post-commit", "status": "completed",
                 "commit_id": "c1f8e0c9d7b4a1e2"},
                {"run_id": "cq9ht6pvpc5s73d5r5u0", "branch": "dev", "start_time": "2026-07-23T09:00:00+02:00",
                 "end_time": "0001-01-01T00:00:00Z", "event_type": "pre-merge", "status": "failed",
                 "commit_id": ""}
              ]
            }
            """;

        var page = LakeFsJson.Deserialize<ActionRunList>(json);

        Assert.True(page.Pagination.HasMore);
        Assert.Equal("cq9ht6pvpc5s73d5r5u0", page.Pagination.NextOffset);
        Assert.Equal(2, page.Pagination.Results);
        Assert.Equal(1000, page.Pagination.MaxPerPage);
        Assert.Equal(2, page.Results.Count);

        var first = page.Results[0];
        Assert.Equal("cq9ht6pvpc5s73d5r5ug", first.RunId);
        Assert.Equal("main", first.Branch);
        Assert.Equal("c1f8e0c9d7b4a1e2", first.CommitId);
        Assert.Equal("post-commit", first.EventType);
        Assert.Equal(RunStatus.Completed, first.Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 10, 15, 30, TimeSpan.Zero).AddTicks(1234568), first.StartTime);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 10, 15, 31, TimeSpan.Zero), first.EndTime);

        var second = page.Results[1];
        Assert.Equal(RunStatus.Failed, second.Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 9, 0, 0, TimeSpan.FromHours(2)), second.StartTime);
        Assert.Null(second.EndTime); // Go's zero time means "not set"
    }

    [Fact]
    public void HookRunList_reads_a_skipped_hook_with_zero_start_time_and_no_end_time()
    {
        const string json = """
            {
              "pagination": {"has_more": false, "next_offset": "", "results": 3, "max_per_page": 1000},
              "results": [
                {"hook_run_id": "0000_0000", "action": "check_schema", "hook_id": "validate", "start_time": "2026-07-23T10:15:30Z",
                 "end_time": "2026-07-23T10:15:31Z", "status": "completed"},
                {"hook_run_id": "0000_0001", "action": "check_schema", "hook_id": "notify", "start_time": "2026-07-23T10:15:31Z",
                 "end_time": "2026-07-23T10:15:32Z", "status": "failed"},
                {"hook_run_id": "0001_0000", "action": "publish", "hook_id": "webhook", "start_time": "0001-01-01T00:00:00Z",
                 "status": "skipped"}
              ]
            }
            """;

        var page = LakeFsJson.Deserialize<HookRunList>(json);

        Assert.False(page.Pagination.HasMore);
        Assert.Equal(string.Empty, page.Pagination.NextOffset);
        Assert.Equal(["0000_0000", "0000_0001", "0001_0000"], page.Results.Select(h => h.HookRunId));
        Assert.Equal([HookStatus.Completed, HookStatus.Failed, HookStatus.Skipped], page.Results.Select(h => h.Status));

        var skipped = page.Results[2];
        Assert.Equal("publish", skipped.Action);
        Assert.Equal("webhook", skipped.HookId);
        Assert.Null(skipped.StartTime);
        Assert.Null(skipped.EndTime);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 10, 15, 30, TimeSpan.Zero), page.Results[0].StartTime);
    }

    [Fact]
    public void Unknown_extra_fields_are_kept_not_rejected()
    {
        const string json = """
            {"run_id": "r1", "branch": "main", "start_time": "2026-07-23T10:15:30Z", "end_time": "2026-07-23T10:15:31Z",
             "event_type": "post-commit", "status": "completed", "commit_id": "c1",
             "triggered_by": "alice", "labels": {"team": "data"}, "attempt": 2}
            """;

        var run = LakeFsJson.Deserialize<ActionRun>(json);

        Assert.Equal("r1", run.RunId);
        Assert.Equal(3, run.AdditionalProperties.Count);
        Assert.Equal("alice", run.AdditionalProperties["triggered_by"]?.ToString());
    }

    [Fact]
    public void Unknown_status_values_are_kept_and_compare_by_wire_value()
    {
        const string json = """
            {"pagination": {"has_more": false, "next_offset": "", "results": 1, "max_per_page": 1000},
             "results": [{"hook_run_id": "0000_0000", "action": "a", "hook_id": "h", "start_time": "2026-07-23T10:15:30Z",
                          "status": "cancelled"}]}
            """;
        const string runJson = """
            {"run_id": "r1", "branch": "main", "start_time": "2026-07-23T10:15:30Z", "event_type": "post-commit",
             "status": "running", "commit_id": "c1"}
            """;

        var hook = LakeFsJson.Deserialize<HookRunList>(json).Results.Single();
        var run = LakeFsJson.Deserialize<ActionRun>(runJson);

        Assert.Equal("cancelled", hook.Status.ToString());
        Assert.False(hook.Status.IsKnown);
        Assert.True(hook.Status != HookStatus.Failed);
        Assert.Equal(new HookStatus("cancelled"), hook.Status);
        Assert.Equal("running", run.Status.Value);
        Assert.False(run.Status.IsKnown);
        Assert.Null(run.EndTime); // end_time omitted
    }

    [Fact]
    public void Repository_list_reads_epoch_seconds_and_optional_fields()
    {
        const string json = """
            {"pagination": {"has_more": false, "next_offset": "", "results": 2, "max_per_page": 1000},
             "results": [
               {"id": "demo-repo", "creation_date": 1753265730, "default_branch": "main", "storage_namespace": "s3://bucket/demo",
                "storage_id": "", "read_only": false},
               {"id": "legacy", "creation_date": 1600000000, "default_branch": "master", "storage_namespace": "local://legacy"}
             ]}
            """;

        var page = LakeFsJson.Deserialize<RepositoryList>(json);

        Assert.Equal("demo-repo", page.Results[0].Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1753265730), page.Results[0].CreationDate);
        Assert.Equal("main", page.Results[0].DefaultBranch);
        Assert.Equal("s3://bucket/demo", page.Results[0].StorageNamespace);
        Assert.False(page.Results[0].ReadOnly);
        Assert.Null(page.Results[1].ReadOnly);
        Assert.Null(page.Results[1].StorageId);
    }

    [Theory]
    [InlineData("""{"pagination": {"has_more": false, "next_offset": "", "results": 0, "max_per_page": 1000}}""", "'results'")]
    [InlineData("""{"pagination": {"has_more": false, "next_offset": "", "results": 0, "max_per_page": 1000}, "results": null}""", "'results'")]
    [InlineData("""{"results": []}""", "'pagination'")]
    public void A_page_without_required_parts_is_rejected_with_a_serialization_error(string json, string missing)
    {
        var error = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => LakeFsJson.Deserialize<ActionRunList>(json));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_structs_behave_like_values()
    {
        Assert.Equal(RunStatus.Failed, new RunStatus("FAILED"));
        Assert.Equal(RunStatus.Failed.GetHashCode(), new RunStatus("FAILED").GetHashCode());
        Assert.Equal("skipped", HookStatus.Skipped.ToString());
        Assert.Equal(string.Empty, default(RunStatus).ToString());
        Assert.Throws<ArgumentNullException>(() => new RunStatus(null!));
        Assert.Equal("\"skipped\"", Newtonsoft.Json.JsonConvert.SerializeObject(HookStatus.Skipped));
    }
}
