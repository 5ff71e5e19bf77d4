using System.Text;

namespace LakeFs.Actions.Client.Tests.Refusals;

/// <summary>The hook-abort messages lakeFS sends (reference: authoring §8, §6, §2), and hostile text.</summary>
public sealed class HookRefusalParserTests
{
    private const string RunId = "cu0b3f9k2q1s7ae5v0lg";

    private static string Item(string hookRunId, string action, string hook, string cause) =>
        $"hook run id '{hookRunId}' failed on action '{action}' hook '{hook}': {cause}";

    private static string Multi(params string[] items) =>
        (items.Length == 1 ? "1 error occurred:" : $"{items.Length} errors occurred:") + "\n\t* " + string.Join("\n\t* ", items) + "\n\n";

    [Fact]
    public void Commit_refused_by_a_webhook_is_a_412_with_the_run_and_the_failed_hook()
    {
        var message = $"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "Check", "no_temp", "action failed: webhook request failed (status code: 500)"));

        var refusal = HookRefusal.Parse(message);

        Assert.Equal("pre-commit", refusal.EventType);
        Assert.Equal(HookRefusalPrefix.None, refusal.Prefix);
        Assert.Null(refusal.Destination);
        Assert.Equal(RunId, refusal.RunId);
        Assert.Equal(1, refusal.DeclaredErrorCount);
        var hook = Assert.Single(refusal.FailedHooks);
        Assert.Equal("0000_0000", hook.HookRunId);
        Assert.Equal("Check", hook.ActionName);
        Assert.Equal("no_temp", hook.HookId);
        Assert.Equal("webhook request failed (status code: 500)", hook.Cause);
        Assert.True(hook.HookRan);
        Assert.Equal(HookRefusalKind.HooksFailed, refusal.Kind);
        Assert.Equal(412, refusal.ExpectedStatusCode);
        Assert.True(refusal.RunRecorded);
        Assert.False(refusal.IsLegacyFormat);
        Assert.False(refusal.IsTruncated);
        Assert.False(refusal.IsAmbiguous);
        Assert.Empty(refusal.BrokenFiles);
        Assert.Empty(refusal.OtherErrors);
    }

    [Fact]
    public void A_broken_action_file_is_a_500_without_a_run_naming_the_file_and_why()
    {
        var message = $"prepare-commit hook aborted, run id '{RunId}': " + Multi("parsing file _lakefs_actions/x.yaml: yaml: line 8: mapping values are not allowed in this context");

        var refusal = HookRefusal.Parse(message);

        Assert.Equal("prepare-commit", refusal.EventType);
        var file = Assert.Single(refusal.BrokenFiles);
        Assert.Equal("_lakefs_actions/x.yaml", file.Path);
        Assert.Equal("yaml: line 8: mapping values are not allowed in this context", file.Error);
        Assert.False(file.CouldNotRead);
        Assert.Equal(HookRefusalKind.ActionFilesBroken, refusal.Kind);
        Assert.Equal(500, refusal.ExpectedStatusCode);
        Assert.False(refusal.RunRecorded);
        Assert.Empty(refusal.FailedHooks);
    }

    [Fact]
    public void Several_broken_files_in_completion_order_with_read_and_parse_errors()
    {
        var message = $"pre-commit hook aborted, run id '{RunId}': " + Multi(
            "parsing file _lakefs_actions/b.yaml: hook[0] missing ID: invalid action",
            "loading file _lakefs_actions/a.yaml: read failed: EOF",
            "parsing file _lakefs_actions/README.md: 'name' is required: invalid action");

        var refusal = HookRefusal.Parse(message);

        Assert.Equal(3, refusal.DeclaredErrorCount);
        Assert.Equal(["_lakefs_actions/b.yaml", "_lakefs_actions/a.yaml", "_lakefs_actions/README.md"], refusal.BrokenFiles.Select(f => f.Path));
        Assert.Equal([false, true, false], refusal.BrokenFiles.Select(f => f.CouldNotRead));
        Assert.Equal("hook[0] missing ID: invalid action", refusal.BrokenFiles[0].Error);
        Assert.Equal(HookRefusalKind.ActionFilesBroken, refusal.Kind);
    }

    [Fact]
    public void A_merge_names_its_destination_and_every_failed_action()
    {
        var message = $"update branch main: pre-merge hook aborted, run id '{RunId}': " + Multi(
            Item("0000_0000", "Quality", "row_counts", "action failed: webhook request failed (status code: 412)"),
            Item("0001_0000", "Owners", "require_owner", "action failed: Post \"http://h/timeout\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"));

        var refusal = HookRefusal.Parse(message);

        Assert.Equal("pre-merge", refusal.EventType);
        Assert.Equal(HookRefusalPrefix.UpdateBranchWithDestination, refusal.Prefix);
        Assert.Equal("main", refusal.Destination);
        Assert.Equal(["0000_0000", "0001_0000"], refusal.FailedHooks.Select(h => h.HookRunId));
        Assert.Equal("Post \"http://h/timeout\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", refusal.FailedHooks[1].Cause);
        Assert.Equal(412, refusal.ExpectedStatusCode);
    }

    [Theory]
    [InlineData("pre-revert")]
    [InlineData("pre-cherry-pick")]
    public void Revert_and_cherry_pick_have_the_prefix_without_a_destination(string eventType)
    {
        var message = $"update branch: {eventType} hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "a", "h1", "action failed: no"));

        var refusal = HookRefusal.Parse(message);

        Assert.Equal(eventType, refusal.EventType);
        Assert.Equal(HookRefusalPrefix.UpdateBranch, refusal.Prefix);
        Assert.Null(refusal.Destination);
    }

    [Theory]
    [InlineData("pre-create-branch")]
    [InlineData("pre-delete-branch")]
    [InlineData("pre-create-tag")]
    [InlineData("pre-delete-tag")]
    public void Branch_and_tag_operations_have_no_prefix(string eventType)
    {
        var refusal = HookRefusal.Parse($"{eventType} hook aborted, run id '{RunId}': " + Multi(Item("0000_0001", "Guard", "check_name", "action failed: webhook request failed (status code: 403)")));

        Assert.Equal(eventType, refusal.EventType);
        Assert.Equal(HookRefusalPrefix.None, refusal.Prefix);
        Assert.Equal("0000_0001", refusal.FailedHooks.Single().HookRunId);
    }

    [Fact]
    public void An_if_expression_error_is_a_500_but_the_run_exists()
    {
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0001", "Check", "notify", "unknown func always (1:1)\n | always()\n | ^")));

        var hook = Assert.Single(refusal.FailedHooks);
        Assert.False(hook.HookRan);
        Assert.Equal("unknown func always (1:1)\n | always()\n | ^", hook.Cause);
        Assert.Equal(HookRefusalKind.ConditionFailed, refusal.Kind);
        Assert.Equal(500, refusal.ExpectedStatusCode);
        Assert.True(refusal.RunRecorded);
    }

    [Fact]
    public void One_failed_hook_among_if_errors_makes_the_whole_abort_a_412()
    {
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(
            Item("0000_0001", "A", "x1", "unknown func always (1:1)"),
            Item("0001_0000", "B", "y1", "action failed: webhook request failed (status code: 500)")));

        Assert.Equal(HookRefusalKind.HooksFailed, refusal.Kind);
        Assert.Equal(412, refusal.ExpectedStatusCode);
        Assert.Equal([false, true], refusal.FailedHooks.Select(h => h.HookRan));
    }

    [Theory]
    [InlineData("syntax error in pattern", HookRefusalKind.ActionsNotStarted)]
    [InlineData("webhook request duration: time: missing unit in duration \"30\"", HookRefusalKind.ActionsNotStarted)]
    [InlineData("reading header: LAKEFSACTION_TOKEN not found: missing env var", HookRefusalKind.ActionsNotStarted)]
    [InlineData("list actions from commit: not found", HookRefusalKind.ActionsNotStarted)]
    [InlineData("action name 'Check' already loaded: invalid action", HookRefusalKind.ActionFilesBroken)]
    public void A_plain_cause_is_a_500_without_a_run(string cause, HookRefusalKind kind)
    {
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': {cause}\n");

        Assert.Null(refusal.DeclaredErrorCount);
        Assert.Equal([cause], refusal.OtherErrors);
        Assert.Equal(kind, refusal.Kind);
        Assert.Equal(500, refusal.ExpectedStatusCode);
        Assert.False(refusal.RunRecorded);
        Assert.Equal(RunId, refusal.RunId);
    }

    [Fact]
    public void A_lua_cause_keeps_its_newlines()
    {
        const string cause = "runtime error: boom\nstack traceback:\n\t[C]: in function 'error'\n\t<script>:3: in main chunk";
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "Lua", "check", "action failed: " + cause)));

        Assert.Equal(cause, Assert.Single(refusal.FailedHooks).Cause);
        Assert.False(refusal.IsAmbiguous);
    }

    [Fact]
    public void Servers_before_1_60_send_only_the_cause_and_every_hook_abort_is_a_412()
    {
        var refusal = HookRefusal.Parse(Multi(Item("0000_0000", "Check", "no_temp", "webhook request failed (status code: 500)")));

        Assert.True(refusal.IsLegacyFormat);
        Assert.Null(refusal.RunId);
        Assert.Null(refusal.EventType);
        var hook = Assert.Single(refusal.FailedHooks);
        Assert.True(hook.HookRan);
        Assert.Equal("webhook request failed (status code: 500)", hook.Cause);
        Assert.Equal(412, refusal.ExpectedStatusCode);
        Assert.False(refusal.RunRecorded);
    }

    [Fact]
    public void An_old_lua_failure_reads_with_its_hook_id_prefix_as_the_cause()
    {
        var refusal = HookRefusal.Parse(Multi(Item("0000_0000", "Lua", "check", "check: table is empty")));

        Assert.Equal("check: table is empty", refusal.FailedHooks.Single().Cause);
        Assert.True(refusal.IsLegacyFormat);
    }

    [Theory]
    [InlineData("path already exists")]
    [InlineData("Precondition failed")]
    [InlineData("")]
    [InlineData("1 error occurred:\n\t* something else\n\n")]
    [InlineData("branch not found")]
    public void Text_that_is_not_a_hook_abort_is_not_parsed(string message)
    {
        Assert.False(HookRefusal.TryParse(message, out var refusal));
        Assert.Null(refusal);
        var error = Assert.Throws<FormatException>(() => HookRefusal.Parse(message));
        Assert.StartsWith("Not a lakeFS hook abort", error.Message, StringComparison.Ordinal);
        Assert.False(HookRefusal.TryParse((string?)null, out _));
    }

    [Fact]
    public void A_cause_with_text_that_looks_like_another_item_is_flagged_ambiguous()
    {
        var injected = "action failed: boom\n\t* " + Item("0009_0000", "Fake", "x1", "action failed: pretend");
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "Lua", "check", injected)));

        Assert.True(refusal.IsAmbiguous);
        Assert.Equal(1, refusal.DeclaredErrorCount);
        Assert.Contains(refusal.FailedHooks, h => h.HookRunId == "0000_0000");
    }

    [Fact]
    public void Items_of_other_shapes_split_by_the_declared_count()
    {
        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi("first odd error", "second odd error"));

        Assert.Equal(["first odd error", "second odd error"], refusal.OtherErrors);
        Assert.False(refusal.IsAmbiguous);
    }

    [Fact]
    public void The_clients_collapsed_and_cut_server_message_still_gives_the_run_and_the_hook()
    {
        var full = $"update branch main: pre-merge hook aborted, run id '{RunId}': " + Multi(
            Item("0000_0000", "Quality", "row_counts", "action failed: webhook request failed (status code: 412)"),
            Item("0001_0000", "Owners", "require_owner", "action failed: webhook request failed (status code: 412)"));
        var snippet = ErrorText.Snippet(full);
        Assert.EndsWith("...", snippet, StringComparison.Ordinal);
        var error = new LakeFsApiException(412, "The server answered 412.", snippet, "req-1", "mergeIntoBranch");

        Assert.True(HookRefusal.TryParse(error, out var refusal));

        Assert.Equal("pre-merge", refusal.EventType);
        Assert.Equal("main", refusal.Destination);
        Assert.Equal(RunId, refusal.RunId);
        Assert.True(refusal.IsTruncated);
        Assert.False(refusal.IsAmbiguous);
        Assert.Equal("0000_0000", refusal.FailedHooks[0].HookRunId);
        Assert.Equal("webhook request failed (status code: 412)", refusal.FailedHooks[0].Cause);
        Assert.Equal(HookRefusalKind.HooksFailed, refusal.Kind);
    }

    [Fact]
    public void A_message_cut_inside_its_first_item_keeps_the_hook_run_id_and_a_412_status_says_a_hook_ran()
    {
        var full = $"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0001", "A very long action name", "hook", "action failed: webhook request failed (status code: 412)"));
        var cutInAction = full[..(full.IndexOf("very", StringComparison.Ordinal))] + "...";

        Assert.True(HookRefusal.TryParse(new LakeFsApiException(412, "x", ErrorText.Snippet(cutInAction)), out var fromException));
        Assert.True(HookRefusal.TryParse(new LakeFsApiException(412, "x", ErrorText.Snippet(full[..(full.IndexOf("occurred", StringComparison.Ordinal))] + "...")), out var cutInHeader));

        var hook = Assert.Single(fromException.FailedHooks);
        Assert.Equal("0000_0001", hook.HookRunId);
        Assert.True(fromException.IsTruncated);
        Assert.Equal(HookRefusalKind.HooksFailed, fromException.Kind);
        Assert.True(fromException.RunRecorded);
        Assert.Equal(HookRefusalKind.HooksFailed, cutInHeader.Kind);
        Assert.Empty(cutInHeader.FailedHooks);
        Assert.Equal(RunId, cutInHeader.RunId);
    }

    [Fact]
    public void A_short_collapsed_message_reads_whole()
    {
        var full = $"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "C", "h1", "action failed: webhook request failed (status code: 500)"));
        var error = new LakeFsApiException(412, "The server answered 412.", ErrorText.Snippet(full), null, "commit");

        Assert.True(HookRefusal.TryParse(error, out var refusal));

        Assert.False(refusal.IsTruncated);
        Assert.Equal("webhook request failed (status code: 500)", refusal.FailedHooks.Single().Cause);
        Assert.False(HookRefusal.TryParse(new LakeFsApiException(404, "not found", "branch not found"), out _));
        Assert.False(HookRefusal.TryParse(new LakeFsApiException(0, "no response"), out _));
    }

    [Fact]
    public void Every_cut_of_a_message_parses_without_throwing()
    {
        var full = $"update branch main: pre-merge hook aborted, run id '{RunId}': " + Multi(
            Item("0000_0000", "Quality", "row_counts", "action failed: webhook request failed (status code: 412)"),
            "parsing file _lakefs_actions/x.yaml: yaml: line 8: bad");

        for (var length = 0; length <= full.Length; length++)
        {
            var cut = full[..length];
            if (HookRefusal.TryParse(cut, out var refusal))
            {
                Assert.NotNull(refusal.ToString());
            }

            if (HookRefusal.TryParse(new LakeFsApiException(412, "x", ErrorText.Snippet(cut, Math.Max(1, length / 2))), out var fromException))
            {
                Assert.NotNull(fromException.ToString());
            }
        }
    }

    [Fact]
    public void A_huge_message_is_read_only_up_to_the_bound()
    {
        var huge = $"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "C", "h1", "action failed: " + new string('x', 10_000_000)));

        var refusal = HookRefusal.Parse(huge);

        Assert.True(refusal.IsTruncated);
        Assert.Equal(HookRefusal.MaxMessageLength, refusal.Message.Length);
        Assert.True(refusal.FailedHooks.Single().Cause.Length <= 4096 + 3);
    }

    [Fact]
    public void Thousands_of_items_keep_only_the_first_ones()
    {
        var items = Enumerable.Range(0, 1000).Select(i => Item($"{i:0000}_0000", "A" + i, "h1", "action failed: no")).ToArray();

        var refusal = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(items));

        Assert.Equal(HookRefusal.MaxItems, refusal.FailedHooks.Count);
        Assert.True(refusal.IsTruncated);
        Assert.Equal(1000, refusal.DeclaredErrorCount);
    }

    [Theory]
    [InlineData("hook run id '")]
    [InlineData("\n\t* ")]
    [InlineData(" * hook run id '")]
    [InlineData("'")]
    [InlineData(" hook aborted, run id '")]
    [InlineData("parsing file : ")]
    public void Pathological_repetitions_are_read_in_one_pass(string unit)
    {
        var text = new StringBuilder("pre-commit hook aborted, run id 'x': 999999 errors occurred:\n\t* ");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(unit);
        }

        _ = HookRefusal.TryParse(text.ToString(), out var refusal);
        _ = HookRefusal.TryParse(new LakeFsApiException(412, "x", text.ToString()), out _);

        Assert.NotNull(refusal);
    }

    [Fact]
    public void A_message_wrapped_by_a_caller_still_reads_its_event_and_prefix()
    {
        var refusal = HookRefusal.Parse($"merge failed: update branch dev: pre-merge hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "a", "h1", "action failed: no")));

        Assert.Equal("pre-merge", refusal.EventType);
        Assert.Equal("dev", refusal.Destination);
    }

    [Fact]
    public void ToString_says_what_was_refused_why_and_where_the_run_is()
    {
        var hooks = HookRefusal.Parse($"pre-commit hook aborted, run id '{RunId}': " + Multi(Item("0000_0000", "Check", "no_temp", "action failed: webhook request failed (status code: 500)")));
        var file = HookRefusal.Parse($"prepare-commit hook aborted, run id '{RunId}': " + Multi("parsing file _lakefs_actions/x.yaml: bad"));

        Assert.Equal($"pre-commit refused (412, HooksFailed, run {RunId}): 0000_0000 Check/no_temp: webhook request failed (status code: 500)", hooks.ToString());
        Assert.Equal($"prepare-commit refused (500, ActionFilesBroken, no run recorded (run id {RunId} points at nothing)): broken action files: _lakefs_actions/x.yaml: bad", file.ToString());
    }
}
