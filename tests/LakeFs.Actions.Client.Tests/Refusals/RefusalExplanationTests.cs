using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Tests.Refusals;

/// <summary>Explaining hook aborts against the emulator: runs, hooks and logs recorded as lakeFS records them.</summary>
public sealed class RefusalExplanationTests : IAsyncLifetime
{
    private const string Repository = "repo";
    private const string Reason = "Refused: the commit into branch 'main' (matches 'main') needs the commit metadata key 'owner', which is missing.";
    private LakeFsActionsEmulator _lakeFs = null!;
    private LakeFsActionsClient _client = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync();
        _lakeFs.AddRepository(Repository);
        _client = new LakeFsActionsClient(new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Retry = { MaxRetries = 0 },
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _lakeFs.DisposeAsync();
    }

    private static string Abort(string runId, params string[] items) =>
        $"pre-commit hook aborted, run id '{runId}': " + (items.Length == 1 ? "1 error occurred:" : $"{items.Length} errors occurred:") + "\n\t* " + string.Join("\n\t* ", items) + "\n\n";

    private static string Item(string hookRunId, string action, string hook, string cause) =>
        $"hook run id '{hookRunId}' failed on action '{action}' hook '{hook}': {cause}";

    private string AddRefusedCommit() => _lakeFs.AddRun(Repository, "main", "c0ffee", "pre-commit",
    [
        EmulatedHook.Failed("Require owner", "owner_check", WebhookLogText.Refused(Reason)),
        EmulatedHook.Completed("Lint", "lint", "lint: 0 problems\n"),
    ]);

    [Fact]
    public async Task A_412_gives_the_run_the_failed_hook_and_the_end_of_its_log_with_the_webhooks_reason()
    {
        var runId = AddRefusedCommit();
        var message = Abort(runId, Item("0000_0000", "Require owner", "owner_check", "action failed: webhook request failed (status code: 412)"));

        var explanation = await _client.ExplainRefusalAsync(Repository, message);

        Assert.Equal(runId, explanation.RunId);
        Assert.NotNull(explanation.Run);
        Assert.Equal(RunStatus.Failed, explanation.Run.Status);
        Assert.Null(explanation.RunProblem);
        var hook = Assert.Single(explanation.FailedHooks);
        Assert.Equal("0000_0000", hook.HookRunId);
        Assert.Equal("Require owner", hook.ActionName);
        Assert.Equal("owner_check", hook.HookId);
        Assert.Equal("webhook request failed (status code: 412)", hook.Cause);
        Assert.Equal(HookStatus.Failed, hook.HookRun!.Status);
        Assert.Equal(Reason, hook.LogTail[^2]);
        Assert.Equal("Error: action failed: webhook request failed (status code: 412)", hook.LogTail[^1]);
        Assert.False(hook.LogTailTruncated);
        Assert.Null(hook.LogProblem);
        Assert.Equal(
            $"pre-commit on main was refused by its hooks (lakeFS answers 412): Require owner/owner_check: webhook request failed (status code: 412). Run {runId} has the hook logs; their last lines say why.",
            explanation.Summary);
    }

    [Fact]
    public async Task The_exception_of_the_refused_call_explains_the_same_way()
    {
        var runId = AddRefusedCommit();
        var message = Abort(runId, Item("0000_0000", "Require owner", "owner_check", "action failed: webhook request failed (status code: 412)"));
        var error = new LakeFsApiException(412, "The server answered 412 Precondition Failed.", ErrorText.Snippet(message), "req-7", "commit");

        var explanation = await _client.ExplainRefusalAsync(Repository, error);

        Assert.Equal(runId, explanation.RunId);
        Assert.Equal(Reason, explanation.FailedHooks.Single().LogTail[^2]);
    }

    [Fact]
    public async Task A_412_whose_message_was_cut_before_its_items_is_explained_from_the_run()
    {
        var runId = AddRefusedCommit();
        var cut = $"pre-commit hook aborted, run id '{runId}': 1 error occurred: * hook ru...";
        var error = new LakeFsApiException(412, "The server answered 412 Precondition Failed.", cut, "req-8", "commit");

        var explanation = await _client.ExplainRefusalAsync(Repository, error);

        Assert.NotNull(explanation.Run);
        var hook = Assert.Single(explanation.FailedHooks);
        Assert.Equal("owner_check", hook.HookId);
        Assert.Equal(Reason, hook.LogTail[^2]);
    }

    [Fact]
    public async Task A_message_cut_inside_an_item_gets_the_hook_names_from_the_run()
    {
        var runId = AddRefusedCommit();
        var cut = $"pre-commit hook aborted, run id '{runId}': 1 error occurred: * hook run id '0000_0000' failed on action 'Requ...";

        var explanation = await _client.ExplainRefusalAsync(Repository, new LakeFsApiException(412, "x", cut));

        var hook = Assert.Single(explanation.FailedHooks);
        Assert.Equal("Require owner", hook.ActionName);
        Assert.Equal("owner_check", hook.HookId);
        Assert.Equal(Reason, hook.LogTail[^2]);
    }

    [Fact]
    public async Task Failed_hooks_the_message_does_not_name_are_added_from_the_run_and_skipped_ones_have_no_log()
    {
        var runId = _lakeFs.AddRun(Repository, "main", "c1", "pre-commit",
        [
            EmulatedHook.Failed("Check", "first", "boom\nError: action failed: webhook request failed (status code: 500)"),
            EmulatedHook.Failed("Check", "on_failure", "cleanup failed\n"),
            EmulatedHook.Skipped("Check", "third"),
        ]);
        var message = Abort(runId, Item("0000_0000", "Check", "first", "action failed: webhook request failed (status code: 500)"), Item("0000_0002", "Check", "third", "action failed: x"));

        var explanation = await _client.ExplainRefusalAsync(Repository, message);

        Assert.Equal(["0000_0000", "0000_0001", "0000_0002"], explanation.FailedHooks.Select(h => h.HookRunId));
        Assert.Null(explanation.FailedHooks[1].Cause);
        Assert.Equal(["cleanup failed"], explanation.FailedHooks[1].LogTail);
        Assert.Equal("The hook was skipped: it has no log.", explanation.FailedHooks[2].LogProblem);
        Assert.Empty(explanation.FailedHooks[2].LogTail);
    }

    [Fact]
    public async Task A_long_log_keeps_its_last_lines_only()
    {
        var log = string.Concat(Enumerable.Range(1, 500).Select(i => $"line {i}\n")) + new string('x', 10_000) + "\nError: action failed: boom";
        var runId = _lakeFs.AddRun(Repository, "main", "c1", "pre-commit", [EmulatedHook.Failed("A", "h1", log)]);

        var explanation = await _client.ExplainRefusalAsync(Repository, Abort(runId, Item("0000_0000", "A", "h1", "action failed: boom")));

        var hook = explanation.FailedHooks.Single();
        Assert.Equal(HookRefusalExplanation.LogTailLines, hook.LogTail.Count);
        Assert.True(hook.LogTailTruncated);
        Assert.Equal("line 483", hook.LogTail[0]);
        Assert.EndsWith("x...", hook.LogTail[^2], StringComparison.Ordinal);
        Assert.Equal("Error: action failed: boom", hook.LogTail[^1]);
    }

    [Fact]
    public async Task A_log_that_is_gone_is_reported_not_thrown()
    {
        var runId = _lakeFs.AddRun(Repository, new EmulatedRun("main", "c1", "pre-commit")
        {
            Hooks = [new EmulatedHook("A", "h1", HookStatus.Failed, EmulatedHookOutput.Missing)],
        });

        var explanation = await _client.ExplainRefusalAsync(Repository, Abort(runId, Item("0000_0000", "A", "h1", "action failed: x")));

        Assert.Equal("The log is gone from the repository's object store (410).", explanation.FailedHooks.Single().LogProblem);
    }

    [Fact]
    public async Task A_500_for_a_broken_action_file_names_the_file_and_why_and_asks_lakeFS_nothing()
    {
        var before = _lakeFs.RequestCount(EmulatorOperations.GetRun);
        var message = "prepare-commit hook aborted, run id 'cu0b3f9k2q1s7ae5v0lg': 1 error occurred:\n\t* parsing file _lakefs_actions/owner.yaml: hook[0] type 'webhook': 'url' must be supplied in properties: invalid action\n\n";

        var explanation = await _client.ExplainRefusalAsync(Repository, message);

        Assert.Null(explanation.Run);
        Assert.Equal("No run was recorded: lakeFS refused before any hook ran, so run id cu0b3f9k2q1s7ae5v0lg points at nothing.", explanation.RunProblem);
        var file = Assert.Single(explanation.BrokenFiles);
        Assert.Equal("_lakefs_actions/owner.yaml", file.Path);
        Assert.Equal(
            "prepare-commit was refused before any hook ran (lakeFS answers 500; no run was recorded): lakeFS could not load 1 action file(s): _lakefs_actions/owner.yaml: hook[0] type 'webhook': 'url' must be supplied in properties: invalid action. Every hooked operation on that ref fails until the file is fixed or removed.",
            explanation.Summary);
        Assert.Equal(before, _lakeFs.RequestCount(EmulatorOperations.GetRun));
        Assert.Empty(explanation.FailedHooks);
    }

    [Fact]
    public async Task A_500_for_an_instantiation_error_says_the_hooks_could_not_be_set_up()
    {
        var explanation = await _client.ExplainRefusalAsync(Repository, "pre-commit hook aborted, run id 'cu0b3f9k2q1s7ae5v0lg': webhook request duration: time: missing unit in duration \"30\"\n");

        Assert.Equal("pre-commit was refused before any hook ran (lakeFS answers 500; no run was recorded): the hooks could not be set up: webhook request duration: time: missing unit in duration \"30\".", explanation.Summary);
    }

    [Fact]
    public async Task An_if_error_reads_the_run_and_suggests_valid_expressions()
    {
        var runId = _lakeFs.AddRun(Repository, "main", "c1", "pre-commit", [EmulatedHook.Failed("A", "h1", "Error: unknown func always (1:1)\n")]);

        var explanation = await _client.ExplainRefusalAsync(Repository, Abort(runId, Item("0000_0000", "A", "h1", "unknown func always (1:1)")));

        Assert.NotNull(explanation.Run);
        Assert.False(explanation.FailedHooks.Single().HookRan);
        Assert.Contains("an 'if' expression could not be evaluated (lakeFS answers 500)", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_lakeFS_does_not_have_is_reported_with_the_message_items()
    {
        var explanation = await _client.ExplainRefusalAsync(Repository, Abort("zzzzzzzzzzzzzzzzzzzz", Item("0000_0000", "A", "h1", "action failed: webhook request failed (status code: 500)")));

        Assert.Null(explanation.Run);
        Assert.StartsWith("lakeFS has no run zzzzzzzzzzzzzzzzzzzz in repo (404)", explanation.RunProblem, StringComparison.Ordinal);
        var hook = Assert.Single(explanation.FailedHooks);
        Assert.Equal("webhook request failed (status code: 500)", hook.Cause);
        Assert.Null(hook.HookRun);
    }

    [Fact]
    public async Task An_old_servers_message_is_explained_from_its_items_without_requests()
    {
        var before = _lakeFs.RequestCount(EmulatorOperations.GetRun);

        var explanation = await _client.ExplainRefusalAsync(Repository, "1 error occurred:\n\t* " + Item("0000_0000", "A", "h1", "webhook request failed (status code: 500)") + "\n\n");

        Assert.Null(explanation.RunId);
        Assert.StartsWith("lakeFS before v1.60 does not name the run", explanation.RunProblem, StringComparison.Ordinal);
        Assert.Equal("webhook request failed (status code: 500)", explanation.FailedHooks.Single().Cause);
        Assert.Equal(before, _lakeFs.RequestCount(EmulatorOperations.GetRun));
    }

    [Fact]
    public async Task Text_that_is_not_a_hook_abort_is_an_argument_error()
    {
        var message = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExplainRefusalAsync(Repository, "path already exists"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.ExplainRefusalAsync(Repository, new LakeFsApiException(412, "x", "path already exists")));

        Assert.Equal("message", message.ParamName);
        Assert.Equal("error", error.ParamName);
        Assert.Throws<ArgumentException>(() => { _ = _client.ExplainRefusalAsync("", HookRefusal.Parse(Abort("x", "syntax error in pattern"))); });
    }

    [Fact]
    public async Task A_run_id_is_explained_from_the_run_its_hooks_and_their_logs()
    {
        var runId = AddRefusedCommit();
        var completed = _lakeFs.AddRun(Repository, "main", "c2", "post-commit", [EmulatedHook.Completed("Notify", "slack")]);

        var failed = await _client.ExplainRunAsync(Repository, runId);
        var fine = await _client.ExplainRunAsync(Repository, completed);

        Assert.Null(failed.Refusal);
        Assert.Equal(Reason, failed.FailedHooks.Single().LogTail[^2]);
        Assert.Equal($"Run {runId} (pre-commit on main) failed: 1 of 2 hook(s) failed: Require owner/owner_check. The end of each failed hook's log says why.", failed.Summary);
        Assert.Equal($"Run {completed} (post-commit on main) completed: none of its 1 hook(s) failed.", fine.Summary);
        Assert.Equal(404, (await Assert.ThrowsAsync<LakeFsApiException>(() => _client.ExplainRunAsync(Repository, "zzzzzzzzzzzzzzzzzzzz"))).StatusCode);
    }
}
