using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>The repositories client against the emulator (lakeFS's semantics): every helper of issue 13.</summary>
public sealed class RepositoriesEmulatorTests : IAsyncLifetime
{
    private readonly TimerRecordingClock _clock = new();
    private readonly RecordingTransport _transport = new();
    private LakeFsActionsEmulator _lakeFs = null!;
    private LakeFsRepositoriesClient _client = null!;

    public async Task InitializeAsync()
    {
        // One clock for both: the emulator's tasks progress when the client's poll delays pass.
        _lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = _clock, TaskDuration = TimeSpan.FromSeconds(9) });
        _lakeFs.AddRepository("repo");
        _client = Client(retries: 0);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _lakeFs.DisposeAsync();
        _transport.Dispose();
    }

    private LakeFsRepositoriesClient Client(int retries) => new(
        new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Timeout = Timeout.InfiniteTimeSpan,
            Retry = { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(10) },
        },
        _transport,
        loggerFactory: null,
        _clock);

    [Fact]
    public async Task Create_answers_the_repository_and_a_second_create_is_409()
    {
        var created = await _client.CreateRepositoryAsync("new-repo", "local://bucket/new-repo", new CreateRepositoryOptions { DefaultBranch = "trunk" });

        Assert.Equal("new-repo", created.Id);
        Assert.Equal("trunk", created.DefaultBranch);
        Assert.Equal("local://bucket/new-repo", created.StorageNamespace);
        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.CreateRepositoryAsync("new-repo", "local://bucket/other"));
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task Create_with_exist_ok_answers_the_existing_repository_on_409()
    {
        var existing = await _client.GetRepositoryAsync("repo");

        var answer = await _client.CreateRepositoryAsync("repo", "local://bucket/elsewhere", new CreateRepositoryOptions { ExistOk = true });

        Assert.Equal(existing.Id, answer.Id);
        Assert.Equal(existing.StorageNamespace, answer.StorageNamespace);
        Assert.Equal(1, _lakeFs.RequestCount(EmulatorOperations.CreateRepository));
        Assert.Equal(2, _lakeFs.RequestCount(EmulatorOperations.GetRepository));
    }

    [Fact]
    public async Task Bare_create_makes_a_repository_a_restore_can_go_into()
    {
        var bare = await _client.CreateRepositoryAsync("bare-repo", "local://bucket/bare", new CreateRepositoryOptions { Bare = true });

        Assert.Equal("bare-repo", bare.Id);
        Assert.Null(bare.ReadOnly); // a bare create's answer has no read_only
        Assert.Contains(_transport.Sent, r => r.Method == "POST" && r.PathAndQuery == "/api/v1/repositories?bare=true");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-repo")]
    [InlineData("Repo")]
    [InlineData("repo_1")]
    [InlineData("repo\n")]
    public async Task Create_rejects_a_bad_name_before_any_request(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateRepositoryAsync(name, "local://bucket/x"));

        Assert.Equal("name", error.ParamName);
        Assert.Equal(0, _lakeFs.TotalRequests);
    }

    [Theory]
    [InlineData("bucket/x")]
    [InlineData("ftp://bucket/x")]
    [InlineData("S3://bucket/x")]
    [InlineData("")]
    public async Task Create_rejects_a_bad_storage_namespace_before_any_request(string storageNamespace)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateRepositoryAsync("good-name", storageNamespace));

        Assert.Equal("storageNamespace", error.ParamName);
        Assert.Equal(0, _lakeFs.TotalRequests);
    }

    [Fact]
    public async Task Delete_of_a_read_only_repository_needs_force()
    {
        _lakeFs.AddRepository("frozen", readOnly: true);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.DeleteRepositoryAsync("frozen"));
        Assert.Equal(403, error.StatusCode);

        await _client.DeleteRepositoryAsync("frozen", force: true);
        Assert.Equal(404, (await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetRepositoryAsync("frozen"))).StatusCode);
    }

    [Fact]
    public async Task A_second_delete_after_one_that_failed_midway_resumes_it()
    {
        _lakeFs.FailNextDeleteMidway("repo");

        Assert.Equal(500, (await Assert.ThrowsAsync<LakeFsApiException>(() => _client.DeleteRepositoryAsync("repo"))).StatusCode);
        Assert.Equal(410, (await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetRepositoryAsync("repo"))).StatusCode);

        await _client.DeleteRepositoryAsync("repo");

        Assert.Equal(404, (await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetRepositoryAsync("repo"))).StatusCode);
    }

    [Fact]
    public async Task A_delete_that_fails_midway_is_finished_by_the_retry_of_the_same_call()
    {
        using var client = Client(retries: 2);
        _lakeFs.FailNextDeleteMidway("repo");

        await _clock.DriveAsync(client.DeleteRepositoryAsync("repo"));

        Assert.Equal(2, _lakeFs.RequestCount(EmulatorOperations.DeleteRepository));
        Assert.Equal(404, (await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"))).StatusCode);
    }

    [Fact]
    public async Task Metadata_is_read_as_a_dictionary()
    {
        Assert.Empty(await _client.GetRepositoryMetadataAsync("repo"));
        _lakeFs.SetRepositoryMetadata("repo", new Dictionary<string, string> { ["team"] = "data", ["tier"] = "gold" });

        var metadata = await _client.GetRepositoryMetadataAsync("repo");

        Assert.Equal("data", metadata["team"]);
        Assert.Equal("gold", metadata["tier"]);
    }

    [Fact]
    public async Task GC_rules_are_null_when_unset_and_an_unknown_repository_is_still_404()
    {
        Assert.Null(await _client.GetGCRulesAsync("repo"));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetGCRulesAsync("no-such-repo"));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("repository not found", error.ServerMessage);
    }

    [Fact]
    public async Task GC_rules_round_trip_and_null_branches_read_as_an_empty_list()
    {
        await _client.SetGCRulesAsync("repo", new GarbageCollectionRules { DefaultRetentionDays = 21, Branches = null });

        var rules = await _client.GetGCRulesAsync("repo");
        Assert.NotNull(rules);
        Assert.Equal(21, rules.DefaultRetentionDays);
        Assert.NotNull(rules.Branches);
        Assert.Empty(rules.Branches);

        await _client.SetGCRulesAsync("repo", new GarbageCollectionRules { DefaultRetentionDays = 7, Branches = [new GarbageCollectionRule { BranchId = "main", RetentionDays = 30 }] });
        rules = await _client.GetGCRulesAsync("repo");
        Assert.Equal(30, Assert.Single(rules!.Branches!).RetentionDays);

        await _client.DeleteGCRulesAsync("repo");
        Assert.Null(await _client.GetGCRulesAsync("repo"));
    }

    [Fact]
    public async Task Branch_protection_get_has_an_empty_ETag_until_rules_exist_then_the_raw_one()
    {
        var none = await _client.GetBranchProtectionRulesAsync("repo");
        Assert.Empty(none.Rules);
        Assert.Equal(string.Empty, none.ETag);

        await _client.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }]);
        var rules = await _client.GetBranchProtectionRulesAsync("repo");

        Assert.Equal("main", Assert.Single(rules.Rules).Pattern);
        Assert.Matches("^[0-9a-f]{64}$", rules.ETag);
    }

    [Fact]
    public async Task Set_with_a_stale_If_Match_is_412_and_with_the_current_one_succeeds()
    {
        await _client.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }]);
        var first = await _client.GetBranchProtectionRulesAsync("repo");
        await _client.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }, new BranchProtectionRule { Pattern = "dev" }], first.ETag);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.SetBranchProtectionRulesAsync("repo", [], first.ETag));
        Assert.Equal(412, error.StatusCode);

        var current = await _client.GetBranchProtectionRulesAsync("repo");
        await _client.SetBranchProtectionRulesAsync("repo", [], current.ETag);
        Assert.Empty((await _client.GetBranchProtectionRulesAsync("repo")).Rules);
    }

    [Fact]
    public async Task Add_creates_the_first_rule_without_If_Match_then_adds_with_it_and_is_idempotent()
    {
        Assert.True(await _client.AddBranchProtectionRuleAsync("repo", "main"));
        Assert.True(await _client.AddBranchProtectionRuleAsync("repo", "release-*"));
        Assert.False(await _client.AddBranchProtectionRuleAsync("repo", "main"));

        var rules = await _client.GetBranchProtectionRulesAsync("repo");
        Assert.Equal(["main", "release-*"], rules.Rules.Select(r => r.Pattern).Order());
        var puts = _transport.Sent.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        Assert.Null(puts[0].IfMatch);
        Assert.Matches("^[0-9a-f]{64}$", puts[1].IfMatch!);
    }

    [Fact]
    public async Task Remove_deletes_the_rule_and_is_idempotent()
    {
        await _client.AddBranchProtectionRuleAsync("repo", "main");
        await _client.AddBranchProtectionRuleAsync("repo", "dev");

        Assert.True(await _client.RemoveBranchProtectionRuleAsync("repo", "dev"));
        Assert.False(await _client.RemoveBranchProtectionRuleAsync("repo", "dev"));
        Assert.True(await _client.RemoveBranchProtectionRuleAsync("repo", "main"));

        Assert.Empty((await _client.GetBranchProtectionRulesAsync("repo")).Rules);
        Assert.False(await _client.RemoveBranchProtectionRuleAsync("repo", "main"));
    }

    [Fact]
    public async Task Dump_then_restore_into_a_bare_repository_waits_on_the_clients_clock()
    {
        var progress = new List<RepositoryTaskProgress>();
        var options = new TaskWaitOptions { PollInterval = TimeSpan.FromSeconds(2), Progress = new SynchronousProgress<RepositoryTaskProgress>(progress.Add) };

        var refs = await _clock.DriveAsync(_client.DumpAsync("repo", options));

        Assert.False(string.IsNullOrEmpty(refs.CommitsMetaRangeId));
        Assert.True(progress.Count >= 2);
        Assert.True(progress[^1].Done);
        Assert.StartsWith("DR", progress[0].TaskId, StringComparison.Ordinal);
        Assert.All(_clock.Delays, d => Assert.Equal(TimeSpan.FromSeconds(2), d));

        await _client.CreateRepositoryAsync("copy", "local://bucket/copy", new CreateRepositoryOptions { Bare = true });
        await _clock.DriveAsync(_client.RestoreAsync("copy", refs, options: options));

        Assert.StartsWith("RR", progress[^1].TaskId, StringComparison.Ordinal);
        Assert.True(progress[^1].Done);
    }

    [Fact]
    public async Task Restore_into_a_repository_that_is_not_bare_is_reported_clearly()
    {
        var refs = await _clock.DriveAsync(_client.DumpAsync("repo"));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.RestoreAsync("repo", refs));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("is not bare", error.Message, StringComparison.Ordinal);
        Assert.Equal("can only restore into a bare repository", error.ServerMessage);
    }

    [Fact]
    public async Task A_task_that_ends_with_an_error_throws_with_its_id_and_error()
    {
        await _client.CreateRepositoryAsync("copy", "local://bucket/copy", new CreateRepositoryOptions { Bare = true });
        var unknown = new RefsDump { CommitsMetaRangeId = "c0ffee", TagsMetaRangeId = "c0ffee", BranchesMetaRangeId = "c0ffee" };

        var error = await Assert.ThrowsAsync<RepositoryTaskFailedException>(() => _clock.DriveAsync(_client.RestoreAsync("copy", unknown)));

        Assert.StartsWith("RR", error.TaskId, StringComparison.Ordinal);
        Assert.Contains("not found", error.Error, StringComparison.Ordinal);
        Assert.Contains(error.TaskId, error.Message, StringComparison.Ordinal);
        Assert.Equal("copy", error.Repository);
    }

    [Fact]
    public async Task A_task_that_stops_updating_is_a_timeout_naming_the_task()
    {
        _lakeFs.StallNextTask("repo");
        var options = new TaskWaitOptions { PollInterval = TimeSpan.FromSeconds(5), StallTimeout = TimeSpan.FromSeconds(30) };

        var error = await Assert.ThrowsAsync<RepositoryTaskTimeoutException>(() => _clock.DriveAsync(_client.DumpAsync("repo", options)));

        Assert.True(error.Stalled);
        Assert.StartsWith("DR", error.TaskId, StringComparison.Ordinal);
        Assert.Contains(error.TaskId, error.Message, StringComparison.Ordinal);
        Assert.Equal(7, _lakeFs.RequestCount(EmulatorOperations.DumpStatus)); // at 0, 5, ..., 30 s
    }

    [Fact]
    public async Task A_task_slower_than_the_overall_timeout_is_a_timeout()
    {
        var options = new TaskWaitOptions { PollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(5) };

        var error = await Assert.ThrowsAsync<RepositoryTaskTimeoutException>(() => _clock.DriveAsync(_client.DumpAsync("repo", options)));

        Assert.False(error.Stalled);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], _clock.Delays);
    }

    [Theory]
    [InlineData(0, null, 60)]
    [InlineData(-1, null, 60)]
    [InlineData(1, 0, 60)]
    [InlineData(1, null, 0)]
    public async Task Wait_options_out_of_range_are_rejected_before_any_request(int pollSeconds, int? timeoutSeconds, int stallSeconds)
    {
        var options = new TaskWaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(pollSeconds),
            Timeout = timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
            StallTimeout = TimeSpan.FromSeconds(stallSeconds),
        };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.DumpAsync("repo", options));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(0, _lakeFs.TotalRequests);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which a test cannot await).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
